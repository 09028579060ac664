/** The consent question's answers; `consent:yes` / `consent:no` are part of the `chat --jsonl` contract. */
export const CONSENT = { yes: 'consent:yes', no: 'consent:no' } as const;
