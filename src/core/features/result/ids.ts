/** "Vì sao? / Nguồn": the rule and the source behind the last result (issue #17). */
export const RESULT = { why: 'result:why' } as const;
