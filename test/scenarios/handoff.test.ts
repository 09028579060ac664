/**
 * Handoff to a person (issue #11): contacts always; with staff on duty, the
 * question goes to the staff chat only after the person says yes, and a
 * staff answer ("#H1 …" in the staff chat, "/reply H1 …" from a team member)
 * comes back prefixed "Cán bộ trả lời:". No message text reaches the database.
 */
import { describe, expect, it } from 'vitest';
import type { Deliver } from '../../src/core/handoff.js';
import type { Address, Outgoing } from '../../src/core/message.js';
import type { ProgramData } from '../../src/core/program.js';
import { loadProgram } from '../../src/data.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

const STAFF_CHAT: Address = 'telegram:-100777';
/** TEST_NOW (Mon 23/11/2026 09:00 Vietnam time) is on duty; Sunday is not. */
const SUNDAY = '2026-11-22T10:00:00+07:00';

function withStaffChat(): ProgramData {
  const program = loadProgram();
  return { ...program, handoff: { ...program.handoff, staffChat: STAFF_CHAT } };
}

type Sent = { address: Address; texts: string[] };

function recorder(fail = false): { deliver: Deliver; sent: Sent[] } {
  const sent: Sent[] = [];
  const deliver: Deliver = async (address, messages: readonly Outgoing[]) => {
    if (fail) throw new Error('chat not found');
    sent.push({ address, texts: messages.map((m) => m.text) });
  };
  return { deliver, sent };
}

function dump(app: TestApp): string {
  const tables = app.store.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all();
  return tables.map((t) => JSON.stringify(app.store.db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
}

const QUESTION = 'cho mình gặp cán bộ, hộ kinh doanh của mẹ mình đổi chủ thì đăng ký thế nào';

describe('handoff to a person', () => {
  it('with consent: the question goes to the staff chat with a code, and the answer comes back to the person', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    const person = conversation({ app, user: 'hoa' });

    await person.user(QUESTION);
    // Issue #17: only the contact fields data/ fills are shown (no hotline set → no "Điện thoại: —").
    person.expectBot(/Địa chỉ:/);
    expect(person.text()).not.toMatch(/Điện thoại: —/);
    person.expectBot('Bạn có muốn mình chuyển câu hỏi cho cán bộ không?').withChoices(['Có, chuyển giúp mình', 'Không cần']);
    expect(sent).toEqual([]); // nothing goes anywhere before the yes

    await person.choose('Có, chuyển giúp mình');
    person.expectBot('Mình đã chuyển câu hỏi cho cán bộ (mã H1)');
    expect(sent).toEqual([{ address: STAFF_CHAT, texts: [expect.stringContaining(QUESTION)] }]);
    expect(sent[0]?.texts[0]).toMatch(/Câu hỏi H1 của người dân \(qua console\)[\s\S]*#H1 <câu trả lời>/);

    const staffAnswer = await app.replies({ from: STAFF_CHAT, text: '#H1 Chị mang giấy chứng nhận hộ kinh doanh mới đến phường nhé' });
    expect(staffAnswer.map((m) => m.text)).toEqual(['Đã gửi câu trả lời H1 cho người hỏi.']);
    expect(sent[1]).toEqual({ address: person.address, texts: ['Cán bộ trả lời: Chị mang giấy chứng nhận hộ kinh doanh mới đến phường nhé'] });

    // The outbox keeps who and when, never the words; the session no longer holds the question.
    const db = dump(app);
    expect(db).not.toContain('đổi chủ');
    expect(db).not.toContain('giấy chứng nhận hộ kinh doanh mới');
    expect(app.store.db.prepare('SELECT id, address, status FROM handoffs').all()).toEqual([{ id: 1, address: person.address, status: 'answered' }]);
  });

  it('without consent nothing is relayed and the question is dropped', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    const person = conversation({ app, user: 'hoa' });
    await person.user(QUESTION);
    await person.choose('Không cần');
    person.expectBot('mình không chuyển câu hỏi đi');
    expect(sent).toEqual([]);
    expect(dump(app)).not.toContain('đổi chủ');
    expect(app.store.db.prepare('SELECT count(*) AS n FROM handoffs').get()).toEqual({ n: 0 });

    // Moving on instead of answering drops it too.
    await person.user(QUESTION);
    await person.user('kiểm tra id.vn');
    expect(sent).toEqual([]);
    expect(dump(app)).not.toContain('đổi chủ');
  });

  it('not understood twice in a row: the contacts and the offer to forward what they wrote', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    const person = conversation({ app, user: 'ba' });
    await person.user('kiểm tra id.vn');
    await person.user('xyz qwerty');
    person.expectBot('mình chưa hiểu câu trả lời này');
    expect(person.text()).not.toMatch(/chuyển câu hỏi/);
    await person.user('blorp snarf vvv');
    person.expectBot(/Tổ công nghệ số cộng đồng/);
    person.expectBot('Bạn có muốn mình chuyển câu hỏi cho cán bộ không?');
    await person.user('có');
    expect(sent).toEqual([{ address: STAFF_CHAT, texts: [expect.stringContaining('blorp snarf vvv')] }]);
  });

  it('off duty: the contacts and a note, no offer to forward', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver, now: SUNDAY });
    const person = conversation({ app, user: 'ba' });
    await person.user('tôi muốn gặp cán bộ');
    person.expectBot('Hiện ngoài giờ trực');
    person.expectBot(/Giờ làm việc: Thứ Hai – Thứ Sáu/);
    expect(person.text()).not.toMatch(/chuyển câu hỏi cho cán bộ không/);
    expect(sent).toEqual([]);
  });

  it('without a staff chat in data/ the answer is the contacts, as before', async () => {
    const app = createTestApp();
    const person = conversation({ app, user: 'ba' });
    await person.user('tôi muốn gặp cán bộ');
    person.expectBot(/Bạn có thể gặp trực tiếp cán bộ/);
    expect(person.text()).not.toMatch(/chuyển câu hỏi|ngoài giờ trực/);
  });

  it('the menu button asks for the question first, then asks before forwarding', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    const person = conversation({ app, user: 'ba' });
    await app.replies({ from: person.address, text: 'xin chào' });
    person.last = await app.replies({ from: person.address, choice: 'faq:human' });
    person.expectBot('Bạn nhắn câu hỏi dành cho cán bộ nhé');
    await person.user('Phí duy trì id.vn năm thứ 3 là bao nhiêu?');
    person.expectBot('Bạn có muốn mình chuyển câu hỏi cho cán bộ không?');
    await person.choose('Có, chuyển giúp mình');
    expect(sent[0]?.texts[0]).toContain('Phí duy trì id.vn năm thứ 3');
  });

  it('"#H…" from anyone but the staff chat is just text; "/reply" is for the staff chat and team members only', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    const asker = conversation({ app, user: 'hoa' });
    await asker.user(QUESTION);
    await asker.choose('Có, chuyển giúp mình');
    expect(sent).toHaveLength(1);

    const stranger = conversation({ app, user: 'la' });
    await stranger.user('#H1 tôi trả lời thay cán bộ');
    await stranger.user('/reply H1 tôi trả lời thay cán bộ');
    stranger.expectBot('Mình chưa biết lệnh này');
    expect(sent).toHaveLength(1);

    const { code } = await app.staff.store.createInvite('console:admin', null, app.clock.now(), 7);
    await app.staff.store.join('console:tam', code, 'vi', app.clock.now());
    const member = conversation({ app, user: 'tam' });
    await member.user('/reply H1 Bạn đến bộ phận một cửa phường nhé');
    member.expectBot('Đã gửi câu trả lời H1 cho người hỏi.');
    expect(sent[1]).toEqual({ address: asker.address, texts: ['Cán bộ trả lời: Bạn đến bộ phận một cửa phường nhé'] });
    await member.user('/reply H9 ai đó');
    member.expectBot('Không tìm thấy câu hỏi H9');
    await member.user('/reply');
    member.expectBot('Cách trả lời người hỏi');
  });

  it('a question that cannot reach the staff chat: the person is told and given the contacts', async () => {
    const { deliver } = recorder(true);
    const app = createTestApp({ program: withStaffChat(), deliver });
    const person = conversation({ app, user: 'hoa' });
    await person.user(QUESTION);
    await person.choose('Có, chuyển giúp mình');
    person.expectBot(/chưa chuyển được câu hỏi cho cán bộ[\s\S]*Trung tâm phục vụ hành chính công phường/);
    expect(app.store.db.prepare('SELECT status FROM handoffs').all()).toEqual([{ status: 'failed' }]);
    const staffAnswer = await app.replies({ from: STAFF_CHAT, text: '#H1 trả lời' });
    expect(staffAnswer.map((m) => m.text).join('\n')).toContain('Không tìm thấy câu hỏi H1');
  });
});
