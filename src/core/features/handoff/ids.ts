/** Choice ids of the handoff to staff; `faq:human` ("Gặp cán bộ") is the FAQ menu's button for it. */
export const HANDOFF = { yes: 'handoff:yes', no: 'handoff:no', human: 'faq:human' } as const;
