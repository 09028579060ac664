/** Choice ids of the renewal reminders (issue #22). */
export const RENEWAL = {
  yes: 'renew:yes',
  otherDay: 'renew:date',
  no: 'renew:no',
  renewedIdvn: 'renew:idvn',
  renewedBizvn: 'renew:bizvn',
} as const;
