/**
 * Chat abbreviations, slang and common English words, as folded tokens (no diacritics,
 * lower case) mapped to the folded Vietnamese words the lexicons are written in.
 * Context-dependent ones ("t", "dk", "bn", "sn") are resolved in normalize.ts.
 */
export const SLANG: ReadonlyMap<string, string> = new Map([
  // negation / yes
  ['ko', 'khong'], ['k', 'khong'], ['kg', 'khong'], ['kh', 'khong'], ['khg', 'khong'], ['hok', 'khong'],
  ['hong', 'khong'], ['hem', 'khong'], ['hk', 'khong'], ['khum', 'khong'], ['kp', 'khong phai'], ['k0', 'khong'],
  ['ok', 'ok'], ['oke', 'ok'], ['oki', 'ok'], ['okie', 'ok'], ['okey', 'ok'], ['okay', 'ok'], ['okela', 'ok'],
  ['uk', 'u'], ['uh', 'u'], ['um', 'u'], ['uhm', 'u'], ['yes', 'co'], ['yep', 'co'],
  ['r', 'roi'], ['oy', 'roi'], ['ruj', 'roi'], ['roai', 'roi'],
  // "được", "đăng ký"
  ['dc', 'duoc'], ['dcj', 'duoc'], ['dk', 'dang ky'], ['dky', 'dang ky'], ['dki', 'dang ky'], ['dangky', 'dang ky'],
  ['dangki', 'dang ky'], ['ki', 'ky'], ['dkkd', 'dang ky kinh doanh'], ['dag', 'dang'],
  // regional words (Central and Southern speech); context-dependent ones are in normalize.ts
  // ("hông", "hổng", "hem" = không are above), nghen/nhen = nhé, ni = này, tui = tôi
  ['nghen', 'nhe'], ['nhen', 'nhe'], ['ni', 'nay'], ['tui', 'toi'], ['bt', 'biet'], ['dzay', 'vay'],
  // people and pronouns
  ['ad', 'admin'], ['add', 'admin'], ['e', 'em'], ['mk', 'minh'], ['mik', 'minh'], ['mh', 'minh'], ['mjk', 'minh'],
  ['mjnh', 'minh'], ['mih', 'minh'], ['mnh', 'minh'], ['c', 'chi'], ['ng', 'nguoi'], ['ngta', 'nguoi ta'],
  ['mn', 'moi nguoi'], ['mng', 'moi nguoi'], ['nc', 'nuoc'], ['sv', 'sinh vien'], ['hs', 'hoc sinh'],
  // business
  ['cty', 'cong ty'], ['congty', 'cong ty'], ['dn', 'doanh nghiep'], ['hkd', 'ho kinh doanh'], ['kd', 'kinh doanh'],
  ['gpkd', 'giay phep kinh doanh'], ['mst', 'ma so thue'], ['tp', 'thanh pho'], ['tnhh', 'tnhh'],
  ['startup', 'startup'], ['company', 'cong ty'], ['business', 'kinh doanh'],
  // question words
  ['j', 'gi'], ['z', 'vay'], ['v', 'vay'], ['ntn', 'nhu the nao'], ['bnhieu', 'bao nhieu'], ['bnh', 'bao nhieu'],
  ['bh', 'bao gio'], ['bgio', 'bao gio'], ['bjo', 'bao gio'], ['ak', 'a'], ['ah', 'a'], ['hix', ''], ['hic', ''],
  // everyday chat words
  ['sdt', 'so dien thoai'], ['gt', 'gioi thieu'], ['bc', 'bao cao'], ['ds', 'danh sach'], ['tt', 'thong tin'],
  ['dt', 'dien thoai'], ['ib', 'nhan tin'], ['inbox', 'nhan tin'], ['vs', 'voi'],
  ['trc', 'truoc'], ['nhiu', 'nhieu'], ['mun', 'muon'], ['bik', 'biet'], ['bit', 'biet'], ['wa', 'qua'],
  ['lm', 'lam'], ['nx', 'nua'], ['ms', 'moi'], ['lun', 'luon'], ['thik', 'thich'], ['cj', 'chi'], ['hnay', 'hom nay'],
  ['hqua', 'hom qua'], ['zay', 'vay'], ['vz', 'vay'], ['pls', ''], ['plz', ''], ['cx', 'cung'], ['cg', 'cung'], ['thui', 'thoi'], ['tks', 'cam on'], ['thx', 'cam on'],
  ['thanks', 'cam on'], ['thank', 'cam on'], ['thankyou', 'cam on'], ['camon', 'cam on'], ['bye', 'tam biet'],
  ['bb', 'tam biet'], ['pp', 'tam biet'], ['goodbye', 'tam biet'], ['xinchao', 'xin chao'], ['helo', 'hello'],
  ['hellu', 'hello'], ['fb', 'facebook'], ['zl', 'zalo'], ['web', 'website'], ['mail', 'email'],
  ['gmail', 'email'], ['tgian', 'thoi gian'], ['tg', 'thoi gian'],
  // English words people mix in
  ['free', 'mien phi'], ['fee', 'phi'], ['price', 'gia'], ['cost', 'phi'], ['register', 'dang ky'],
  ['registration', 'dang ky'], ['signup', 'dang ky'], ['domain', 'ten mien'], ['contact', 'lien he'],
  ['phone', 'so dien thoai'], ['help', 'ho tro'], ['renew', 'gia han'], ['renewal', 'gia han'], ['delete', 'xoa'],
  ['data', 'du lieu'], ['privacy', 'quyen rieng tu'], ['documents', 'giay to'], ['papers', 'giay to'],
  ['eligible', 'du dieu kien'], ['eligibility', 'dieu kien'], ['qualify', 'du dieu kien'], ['check', 'kiem tra'],
  ['age', 'tuoi'], ['born', 'sinh'], ['report', 'bao cao'], ['stats', 'thong ke'],
  ['statistics', 'thong ke'], ['export', 'xuat'], ['benefit', 'loi ich'], ['benefits', 'loi ich'], ['why', 'tai sao'],
  ['where', 'o dau'], ['human', 'nguoi that'], ['agent', 'nhan vien'], ['weather', 'thoi tiet'],
  ['share', 'chia se'], ['referral', 'gioi thieu'], ['after', 'sau'], ['should', 'nen'], ['use', 'dung'],
  ['program', 'chuong trinh'], ['programme', 'chuong trinh'], ['someone', 'ai do'], ['somebody', 'ai do'],
  ['when', 'khi nao'], ['person', 'nguoi'], ['renewing', 'gia han'], ['expire', 'het han'], ['expires', 'het han'],
]);

/** Multi-word spellings folded into one canonical token sequence (applied after SLANG). */
export const PHRASES: readonly (readonly [string, string])[] = [
  ['can cuoc cong dan', 'cccd'], ['the can cuoc', 'cccd'], ['can cuoc', 'cccd'], ['chung minh nhan dan', 'cmnd'],
  ['chung minh thu', 'cmnd'], ['cmt', 'cmnd'], ['id vn', 'idvn'], ['biz vn', 'bizvn'], ['com vn', 'comvn'],
  ['biz', 'bizvn'], ['cam on you', 'cam on'], ['good bye', 'tam biet'], ['see you', 'tam biet'],
  ['what is', 'la gi'], ['how to', 'lam sao de'], ['years old', 'tuoi'], ['year old', 'tuoi'],
  ['years', 'nam'], ['how much', 'bao nhieu'], ['how long', 'bao lau'], ['talk to', 'noi chuyen voi'],
  ['speak to', 'noi chuyen voi'], ['what do i need', 'can gi'], ['call me back', 'goi lai cho toi'],
  ['sinh in', 'sinh nam'], ['not vietnamese', 'nguoi nuoc ngoai'], ['foreigner', 'nguoi nuoc ngoai'],
  ['wi fi', 'wifi'],
  ['mien phi mien phi', 'mien phi'], ['he lo', 'hello'], ['xin chao chao', 'xin chao'],
];
