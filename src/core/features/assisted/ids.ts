/** Choice ids of assisted mode (/hotro). */
export const ASSIST = { next: 'assist:next', exit: 'assist:exit', yes: 'assist:yes', no: 'assist:no' } as const;
