/**
 * Issue #17 (facts and answers): facts read from free text with negation and tense, partial
 * founding dates, questions about a result, dates said one way, short first replies.
 * Clock: 2026-11-23 (a Monday) unless a test says otherwise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

/** The first reply to a complete check: at most 900 characters in all, at most one question. */
function expectShort(c: Conversation): void {
  const all = c.last.map((m) => m.text).join('\n');
  expect(all.length, all).toBeLessThanOrEqual(900);
  expect(all.match(/\?/g)?.length ?? 0, all).toBeLessThanOrEqual(1);
  expect(all).not.toMatch(/trước ngày đó/);
}

describe('citizenship from free text', () => {
  it.each([
    ['toi la nguoi Han Quoc, nam nay 22 tuoi, co dang ky id.vn duoc khong'],
    ['tui quốc tịch Trung Quốc, 20t, làm id.vn đc ko'],
    ['mình là người nước ngoài, 21 tuổi'],
  ])('%s → not a citizen, said kindly, stored as not eligible', async (message) => {
    chat = conversation();
    await chat.user(message);
    chat.expectBot(/chỉ dành cho công dân Việt Nam, nên rất tiếc/);
    expect(chat.text()).not.toMatch(/đủ điều kiện nhận/);
    expectShort(chat);
    await chat.choose('Đồng ý lưu');
    expect(await chat.app.store.records.checksOf(chat.address)).toMatchObject([{ outcome: 'not_eligible', reason: 'idvn_not_citizen' }]);
  });

  it('"I\'m a foreigner" in English: English answer, not a citizen', async () => {
    chat = conversation();
    await chat.user("I'm a foreigner, 22 years old, can I get id.vn?");
    chat.expectBot(/only for Vietnamese citizens/);
  });

  it('a Việt kiều is asked about citizenship first; with it, the result follows', async () => {
    chat = conversation();
    await chat.user('em là Việt kiều Úc, 20 tuổi, được id.vn không');
    chat.expectBot(/còn giữ quốc tịch Việt Nam không\?/).withChoices(['Còn quốc tịch Việt Nam', 'Không còn quốc tịch Việt Nam']);
    await chat.choose('Còn quốc tịch Việt Nam');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
  });

  it('a Việt kiều without Vietnamese citizenship is not eligible', async () => {
    chat = conversation();
    await chat.user('viet kieu duoc dang ky id.vn khong');
    chat.expectBot(/quốc tịch Việt Nam không/);
    await chat.user('không');
    chat.expectBot(/chỉ dành cho công dân Việt Nam/);
  });
});

describe('a household without a certificate, negation understood', () => {
  it.each([
    ['tôi 62 tuổi, có quán nước nhỏ, không có giấy phép gì cả, làm biz.vn được không'],
    ['quán nước nhà bác ko có giấy phép gì cả, có được biz.vn ko'],
    ['em bán hàng online, chưa đăng ký kinh doanh'],
  ])('%s → not eligible until it registers, and how', async (message) => {
    chat = conversation();
    await chat.user(message);
    chat.expectBot(/chưa thuộc diện miễn phí[\s\S]*đăng ký hộ kinh doanh xong là đủ điều kiện ngay[\s\S]*Trung tâm phục vụ hành chính công/);
    expect(chat.text()).not.toMatch(/🎉/);
    expectShort(chat);
  });
});

describe('an age about to change', () => {
  it('"tuần sau em tròn 24": 23 now, eligible, the last day is before the birthday; stored as eligible', async () => {
    chat = conversation();
    await chat.user('tuần sau em tròn 24, còn đăng ký id.vn được không');
    chat.expectBot(/Tuần sau bạn tròn 24 tuổi, nên hạn cuối là ngày trước sinh nhật đó[\s\S]*đủ điều kiện nhận tên miền id\.vn/);
    expectShort(chat);
    await chat.choose('Đồng ý lưu');
    expect(await chat.app.store.records.checksOf(chat.address)).toMatchObject([{ outcome: 'eligible', reason: 'idvn_age_in_range' }]);
  });

  it('"mai e tron 24": today is the last day, said first', async () => {
    chat = conversation();
    await chat.user('mai e tron 24 roi, dk id.vn kip ko');
    expect(chat.last[0]?.text).toMatch(/^⏰ Hôm nay là ngày cuối cùng/);
    chat.expectBot(/đến hết ngày 23\/11\/2026/);
  });

  it('"sắp tròn 18": not yet, and when', async () => {
    chat = conversation();
    await chat.user('con sap tron 18 tuoi, dang ky id.vn duoc chua');
    chat.expectBot(/chưa đủ 18 tuổi/);
    await chat.user('/menu');
    await chat.user('mai em tròn 18');
    chat.expectBot(/Từ ngày 24\/11\/2026/);
  });
});

describe('birth years and ages of someone else', () => {
  it('"đẻ năm 2004" → eligible; "đẻ năm 2008" (18 this year) asks the date', async () => {
    chat = conversation();
    await chat.user('em đẻ năm 2004');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
    await chat.user('/menu');
    await chat.user('de nam 2008 thi sao');
    chat.expectBot(/tùy ngày sinh nhật/);
    await chat.user('01/12/2008');
    chat.expectBot(/chưa đủ 18 tuổi[\s\S]*01\/12\/2026/);
  });

  it('"cháu tôi 19 tuổi" and "con trai em sinh 2007" speak of the grandchild and the son', async () => {
    chat = conversation();
    await chat.user('cháu tôi 19 tuổi thì đăng ký id.vn được không');
    chat.expectBot(/Cháu của bạn đủ điều kiện|cháu của bạn đủ điều kiện/);
    await chat.user('/menu');
    await chat.user('con trai em sinh 2007');
    chat.expectBot(/con của bạn đủ điều kiện/);
  });
});

describe('a birth month and year', () => {
  it('the month settles a boundary year; only this very month asks for the day', async () => {
    chat = conversation();
    await chat.user('em sinh tháng 3/2008');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
    expect(chat.text()).not.toMatch(/tùy ngày sinh nhật/);
    await chat.user('/menu');
    await chat.user('sinh thang 12 nam 2002');
    chat.expectBot(/Tháng 12 bạn tròn 24 tuổi, nên hạn cuối là ngày trước sinh nhật đó[\s\S]*đủ điều kiện/);
    await chat.user('/menu');
    await chat.user('mình sinh tháng 11/2008');
    chat.expectBot(/tùy ngày sinh nhật/);
  });
});

describe('partial founding dates', () => {
  it('"tháng 5 năm ngoái" decides without the day when every day gives the same answer', async () => {
    chat = conversation({ now: '2026-03-10T09:00:00+07:00' });
    await chat.user('công ty thành lập tháng 5 năm ngoái, được biz.vn không');
    chat.expectBot(/đủ điều kiện nhận tên miền biz\.vn[\s\S]*tháng 5\/2026/);
    expect(chat.text()).not.toMatch(/thành lập ngày nào/);
    expectShort(chat);
  });

  it('a year alone long past: not eligible, nothing asked', async () => {
    chat = conversation();
    await chat.user('cty minh thanh lap nam 2019');
    chat.expectBot(/thời hạn này đã qua rồi/);
  });

  it('around the anniversary the exact day is asked, then the answer', async () => {
    chat = conversation({ now: '2026-05-10T09:00:00+07:00' });
    await chat.user('cty em thanh lap thang 5 nam ngoai');
    chat.expectBot(/còn tùy ngày cụ thể/);
    await chat.user('20/05/2025');
    chat.expectBot(/đến hết ngày 20\/05\/2026/);
    chat.expectBot(/Chỉ còn|Hôm nay|đủ điều kiện/);
  });

  it('"công ty mẹ thành lập năm 2015" for a branch: the parent registers and is past its year', async () => {
    chat = conversation();
    await chat.user('bên em là chi nhánh, công ty mẹ thành lập năm 2015, có được biz.vn không');
    chat.expectBot(/doanh nghiệp mẹ đứng tên đăng ký[\s\S]*thành lập năm 2015/);
    expect(chat.text()).not.toMatch(/thành lập ngày nào/);
  });
});

describe('dates said one way, the nearest first', () => {
  it('the last day today is said first; never "trước ngày đó"', async () => {
    chat = conversation();
    await chat.user('công ty tôi thành lập ngày 23/11/2025, đăng ký biz.vn được không');
    expect(chat.last[0]?.text).toMatch(/^⏰ Hôm nay là ngày cuối cùng được miễn phí/);
    chat.expectBot(/đến hết ngày 23\/11\/2026/);
    expectShort(chat);
  });

  it('within a week: "còn N ngày" first; then questions about the result', async () => {
    chat = conversation();
    await chat.user('doanh nghiệp thành lập 27/11/2025');
    expect(chat.last[0]?.text).toMatch(/^⏰ Chỉ còn 4 ngày/);
    await chat.user('thứ Hai tuần sau có kịp không');
    chat.expectBot(/30\/11\/2026 thì không kịp[\s\S]*27\/11\/2026/);
    await chat.user('con may ngay nua');
    chat.expectBot('Còn 4 ngày');
    await chat.user('thứ 5 có kịp ko');
    chat.expectBot(/Vẫn kịp: ngày 26\/11\/2026/);
  });

  it('a birth date: "đến hết ngày" the day before the 24th birthday; "hạn cuối" asked after', async () => {
    chat = conversation();
    await chat.user('sinh 15/3/2006');
    chat.expectBot(/đăng ký đến hết ngày 14\/03\/2030 \(ngày trước sinh nhật 24 tuổi\)/);
    expectShort(chat);
    await chat.user('hạn cuối là ngày nào vậy');
    chat.expectBot(/Hạn cuối là đến hết ngày 14\/03\/2030/);
  });
});

describe('29 February', () => {
  it('"sinh 29/2 thì sinh nhật 24 tuổi tính ngày nào" after a result gets the rule, not "not on the calendar"', async () => {
    chat = conversation();
    await chat.user('em 20 tuổi');
    await chat.user('sinh 29/2 thì sinh nhật 24 tuổi tính ngày nào');
    chat.expectBot(/năm không nhuận, sinh nhật được tính là ngày 1\/3/);
    expect(chat.text()).not.toMatch(/không có trên lịch/);
  });

  it('with the year, the dates are worked out', async () => {
    chat = conversation();
    await chat.user('em sinh 29/02/2004 thì sinh nhật 24 tuổi là ngày nào');
    chat.expectBot(/sinh nhật 24 tuổi là ngày 29\/02\/2028, nên được miễn phí id\.vn đến hết ngày 28\/02\/2028/);
  });
});

describe('short answers with the rule behind "Vì sao? / Nguồn"', () => {
  it('a simple eligible result is two bubbles under 900 characters; the source names only this province and ward', async () => {
    chat = conversation();
    await chat.user('mình 21 tuổi');
    expect(chat.last).toHaveLength(2);
    expectShort(chat);
    expect(chat.text()).not.toMatch(/Quy tắc:/);
    // The consent question keeps exactly its two answers; "Vì sao? / Nguồn" comes with what follows.
    expect(chat.lastChoices().map((c) => c.id)).toEqual(['consent:yes', 'consent:no']);
    await chat.user('đồng ý');
    chat.expectBot(/Mình đã lưu kết quả/);
    await chat.choose('Vì sao? / Nguồn');
    chat.expectBot(/Quy tắc: id\.vn miễn phí cho công dân Việt Nam[\s\S]*Hải Phòng[\s\S]*Kiến An/);
    expect(chat.text()).not.toMatch(/Lai Châu/);
  });
});
