/** Choice ids of the biz.vn check. */
export const BIZVN = {
  check: 'check:bizvn',
  enterprise: 'biz:enterprise',
  household: 'biz:household',
  branch: 'biz:branch',
  unregistered: 'biz:none',
  certYes: 'cert:yes',
  certNo: 'cert:no',
} as const;
