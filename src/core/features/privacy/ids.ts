/** Choice ids of /privacy, /mydata, /deletedata and /withdraw. */
export const PRIVACY = {
  myData: 'privacy:mydata',
  deleteData: 'privacy:delete',
  withdraw: 'privacy:withdraw',
  forgetYes: 'forget:yes',
  forgetNo: 'forget:no',
} as const;
