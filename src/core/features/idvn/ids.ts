/** Choice ids of the id.vn check. */
export const IDVN = { check: 'check:idvn', notCitizen: 'idvn:foreigner', noBirthDate: 'idvn:no_date', citizenYes: 'idvn:citizen' } as const;
