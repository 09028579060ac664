/** Choice ids of the language question. */
export const LANGUAGE = { vi: 'lang:vi', en: 'lang:en' } as const;
