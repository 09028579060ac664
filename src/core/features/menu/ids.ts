/** Choice ids of the menu (short ASCII; old keyboards in people's chats keep sending them). */
export const MENU = { main: 'menu:main', more: 'menu:more' } as const;
