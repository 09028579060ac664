/**
 * Cues for the conversational intents: greetings, contacts, privacy, a person, thanks,
 * sharing, staff reports and the things clearly outside the program.
 * Tokens are folded and canonical (see chat-slang.ts).
 */
import type { Lexicon } from './lexicon-types.js';

export const CONVERSATION_LEXICON: Lexicon = {
  greeting: [
    ['xin chao', 2], ['chao', 1.5], ['hello', 2], ['hi', 2], ['hey', 1.5], ['alo', 2], ['^yo', 1.5],
    ['good morning', 2], ['^start', 2], ['^bat dau$', 1], ['oi', 0.3], ['chao buoi', 0.5], ['^shop', 0.5],
    ['^co ai khong$', 1], ['^admin oi$', 2], ['^bot oi$', 2], ['^xin phep', 1], ['hoi chut', 1.5], ['hoi ti', 1.5],
    ['can hoi', 0.8], ['muon hoi', 0.8], ['cho minh hoi', 0.8], ['cho em hoi', 0.8], ['cho toi hoi', 0.8],
  ],
  support_contact: [
    ['so dien thoai', 3], ['dien thoai', 1], ['hotline', 4.5], ['lien he', 3.5], ['dia chi', 2.5], ['van phong', 2.5],
    ['van phong dai dien', -2.5], ['to cong nghe so', 4], ['cong nghe so cong dong', 1], ['ho tro', 1.5],
    ['huong dan truc tiep', 4], ['truc tiep', 2], ['den dau', 2.5], ['di dau', 2.5], ['tan noi', 2.5],
    ['o dau & phuong', 1.5], ['ubnd', 2], ['mot cua', 2.5], ['email ho tro', 2], ['tong dai', 3.5], ['vnnic', 2],
    ['xin so', 3], ['so zalo', 3], ['zalo', 1], ['goi & so', 1], ['nguoi ho tro', 1], ['phuong', 1], ['xa', 0.5],
    ['o dau & ho tro', 1], ['tim & o dau', 1], ['tru so', 3], ['gap ai & !ai do', 3], ['o phuong', 1.5],
    ['gio lam viec', 3], ['fanpage', 2.5], ['nha van hoa', 2.5], ['diem ho tro', 3], ['can bo phuong', 2],
  ],
  privacy: [
    ['du lieu', 3], ['du lieu ca nhan', 1.5], ['thong tin cua toi', 1], ['thong tin cua', 2.5], ['bi lo', 3.5],
    ['giu', 1.5], ['giu & du lieu', 2], ['bot & luu', 1], ['bot & giu', 2], ['giu & cua toi', 1.5],
    ['luu & cua toi', 1.5], ['thong tin toi', 2], ['muon xoa', 2], ['da cung cap', 2], ['luu & bao lau', 2],
    ['thong tin ca nhan', 3.5], ['luu', 3.5], ['luu y', -3], ['xoa', 3], ['xoa & du lieu', 2], ['bao mat', 3.5],
    ['bi chia se', 3], ['chia se & du lieu', 2], ['chia se & thong tin', 2], ['dung vao viec gi', 2.5],
    ['quyen rieng tu', 4], ['rieng tu', 3], ['khong muon bi', 1.5], ['thong tin & dung', 1], ['luat bao ve', 3],
    ['dong y', 1.5], ['rut lai', 2.5], ['huy dong y', 2], ['lo thong tin', 3], ['ro ri', 3.5], ['ban thong tin', 2],
    ['theo doi', 1.5], ['thong tin & an toan', 1.5], ['ai xem', 2], ['xem & thong tin', 2.5],
    ['luu & so dien thoai', 2],
  ],
  human: [
    ['nguoi that', 5], ['nguoi tra loi', 3], ['tra loi', 1], ['gap & nguoi', 2.5], ['gap & can bo', 3.5],
    ['gap & nhan vien', 3.5], ['gap & admin', 3.5], ['gap', 1], ['noi chuyen voi', 4], ['nhan vien', 2],
    ['can bo', 1.5], ['tu van vien', 3.5], ['co ai truc', 5], ['co do khong', 3], ['co o do', 2], ['ai o do', 3.5],
    ['^co ai khong$', 3], ['ai truc', 3], ['dang truc', 3], ['truc & !truc tuyen & !truc tiep', 1.5], ['chuyen & nhan vien', 2], ['khong hieu', 2], ['bot ngu', 2.5],
    ['nguoi tu van', 3], ['goi lai', 3], ['goi cho toi', 3], ['chat voi', 2.5], ['noi voi', 2.5], ['ket noi', 1.5],
    ['tro chuyen', 2], ['con nguoi', 3], ['nhan tin & admin', 2], ['admin', 1], ['tu van truc tiep', 3],
    ['may moc', 2], ['khong phai bot', 2], ['ai do', 1.5], ['gap ai do', 3], ['khong giup duoc', 2.5],
    ['chuyen cho nguoi', 3], ['nguoi khac tra loi', 3], ['khieu nai', 4], ['phan anh', 3], ['bot do', 2],
  ],
  thanks_bye: [
    ['cam on', 4], ['tam biet', 4], ['hieu roi', 3], ['ok', 1.5], ['vang', 1], ['duoc roi', 2], ['ro roi', 3],
    ['hen gap lai', 4], ['thoi chao', 3.5], ['^thoi & chao', 2.5], ['di day', 3], ['^thoi', 0.5], ['di nhe', 2], ['chao nhe', 1.5],
    ['^chuc', 1.5], ['tot qua', 2], ['hay qua', 1.5], ['tuyet voi', 2], ['^ok$', 1], ['biet roi', 2.5],
    ['the thoi', 2], ['vay thoi', 1.5], ['xong roi', 2], ['nhe', 0.3], ['^u$', 1.5], ['great', 2], ['nice', 1.5],
    ['tuyet', 1.5], ['ngon', 1], ['^da$', 1], ['^vang$', 1], ['cam on & !khong', 0.5],
  ],
  out_of_scope: [
    ['gia vang', 6], ['thoi tiet', 6], ['chuyen cuoi', 6], ['ke chuyen', 4], ['com & !vn & !idvn & !bizvn', 3],
    ['com', 0.5], ['mua & ten mien', 0.5], ['re', 1.5], ['lam cccd', 6], ['cap cccd', 5], ['lam lai cccd', 6],
    ['ho chieu', 3], ['bong da', 6], ['xo so', 6], ['ty gia', 5], ['chung khoan', 5], ['bitcoin', 5], ['nau an', 5],
    ['mon an', 5], ['bai hat', 5], ['phim', 3], ['lai suat', 5], ['vay tien', 5], ['hoc phi', 4], ['tien dien', 5],
    ['tien nuoc', 4], ['bang lai', 5], ['nguoi yeu', 4], ['tinh yeu', 4], ['game', 4], ['hack', 4], ['giai toan', 5],
    ['bai tap', 4], ['ngay mai', 1], ['net', 2], ['org', 2], ['info', 1.5], ['sim', 5], ['wifi', 3], ['mat khau', 2],
    ['phien dich', 3], ['dich sang', 3], ['lam tho', 4], ['bai tho', 4], ['an gi', 3], ['mua sam', 3],
    ['gia xang', 6], ['du lich', 4], ['benh', 3], ['uong thuoc', 4], ['ca si', 4], ['tuyen dung', 3], ['viec lam', 3],
    ['xe may', 6], ['dang ky xe', 6], ['giam can', 6], ['dang ky facebook', 6], ['tai khoan facebook', 5],
    ['xe o to', 4], ['dang kiem', 4], ['ket hon', 6], ['ngan hang', 5], ['mua hosting', 5], ['vay von', 5],
    ['tam tru', 6], ['tam vang', 6], ['thuong tru', 6], ['dang ky khai sinh', 6], ['nghia vu quan su', 6],
    ['bao hiem', 4], ['bhyt', 5], ['bhxh', 5], ['bien so', 5], ['so do', 4], ['dat dai', 4], ['tuyen sinh', 4],
    ['thi dai hoc', 5], ['nop thue', 4], ['quyet toan thue', 5], ['mua', 0.3], ['phat nguoi', 5],
    ['ho khau & lam', 3], ['thue dat', 3], ['dien thoai & mua', 3], ['iphone', 4], ['tiktok', 2], ['nghe nhac', 4],
  ],
  share_link: [
    ['link gioi thieu', 5], ['ma gioi thieu', 3], ['qr', 4], ['ma qr', 1], ['chia se', 2.5], ['chia se & link', 2],
    ['chia se & bot', 2], ['gioi thieu & ban be', 2], ['gui cho ban', 2.5], ['moi ban', 2], ['to roi', 3],
    ['link & bot', 2.5], ['link cua toi', 3], ['link rieng', 3], ['doan vien', 1.5], ['ban be', 2], ['gui link', 3],
    ['gui bot', 3], ['nhom zalo', 2], ['link', 1], ['lay link', 2], ['gioi thieu bot', 3], ['gioi thieu cho ban', 2],
    ['gioi thieu cho nguoi', 2], ['quang ba', 2.5], ['lan toa', 3], ['chi doan', 2], ['luot gioi thieu', 2],
    ['in & qr', 1],
  ],
  staff_stats: [
    ['thong ke', 5], ['bao cao', 5], ['xuat danh sach', 4], ['danh sach', 4], ['de xuat', 1], ['so nguoi', 2.5],
    ['so luong', 3], ['bao nhieu nguoi', 4.5], ['co bao nhieu', 2.5], ['co bao nhieu & da dang ky', 2],
    ['da ho tro', 1], ['ket qua', 2], ['quy nay', 2], ['quy', 1], ['chi tieu', 3], ['excel', 3], ['xuat file', 4],
    ['tong hop', 3], ['ti le', 2], ['ty le', 2], ['bieu do', 3], ['dashboard', 3], ['so lieu', 4],
    ['bao nhieu luot', 3], ['xuat', 1.5], ['luot dang ky', 2.5], ['thang nay & bao nhieu', 1],
    ['da dang ky & bao nhieu', 1.5],
  ],
};
