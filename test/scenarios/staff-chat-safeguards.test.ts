/**
 * Issue #18, items 6 and 7: staff text is relayed whole or refused with a
 * message (never cut at the NLU's 1,000 characters while staff are told
 * "Đã gửi"); the staff chat is many people, not one, so the per-person rate
 * limit does not drop its answers; a citizen's forwarded question is quoted,
 * so it cannot imitate the bot's own "❓ Câu hỏi H7 … nhắn #H7" block.
 */
import { describe, expect, it } from 'vitest';
import type { Deliver } from '../../src/core/handoff.js';
import type { Address, Outgoing } from '../../src/core/message.js';
import type { ProgramData } from '../../src/core/program.js';
import { DEFAULT_RATE_LIMIT } from '../../src/core/rate-limit.js';
import { loadProgram } from '../../src/data.js';
import { createTestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

const STAFF_CHAT: Address = 'telegram:-100777';
const ADMIN: Address = 'telegram:42';

function withStaffChat(): ProgramData {
  const program = loadProgram();
  return { ...program, handoff: { ...program.handoff, staffChat: STAFF_CHAT } };
}

function recorder(): { deliver: Deliver; sent: { address: Address; texts: string[] }[] } {
  const sent: { address: Address; texts: string[] }[] = [];
  return { sent, deliver: async (address, messages: readonly Outgoing[]) => void sent.push({ address, texts: messages.map((m) => m.text) }) };
}

async function forwardQuestion(app: ReturnType<typeof createTestApp>, user: string, question: string): Promise<void> {
  const person = conversation({ app, user });
  await person.user(`cho mình gặp cán bộ: ${question}`);
  await person.choose('Có, chuyển giúp mình');
}

describe('staff text and the staff chat (issue #18)', () => {
  it('a 1,500-character answer reaches the person whole; one over 4,000 is refused and nothing is sent', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    await forwardQuestion(app, 'hoa', 'hộ kinh doanh đổi chủ thì sao');
    const answer = `${'Chị mang giấy chứng nhận đến phường. '.repeat(40)}HẾT`;
    expect(answer.length).toBeGreaterThan(1_400);
    const ok = await app.replies({ from: STAFF_CHAT, text: `#H1 ${answer}` });
    expect(ok.map((m) => m.text)).toEqual(['Đã gửi câu trả lời H1 cho người hỏi.']);
    expect(sent.at(-1)?.texts.join('')).toContain(answer.trim());

    await forwardQuestion(app, 'lan', 'còn câu nữa');
    const before = sent.length;
    const tooLong = await app.replies({ from: STAFF_CHAT, text: `#H2 ${'x'.repeat(4_500)}` });
    expect(tooLong.map((m) => m.text).join('\n')).toMatch(/4500 ký tự, quá giới hạn 4000 ký tự nên mình CHƯA gửi đi/);
    expect(sent.length).toBe(before);
    expect(app.store.db.prepare('SELECT status FROM handoffs WHERE id = 2').pluck().get()).toBe('open');
    app.close();
  });

  it('a broadcast over 1,000 characters is queued whole; over 4,000 it is refused, not cut', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const text = `Thông báo: ${'Đăng ký tên miền id.vn miễn phí tại phường. '.repeat(30)}HẾT`;
    const queued = await app.replies({ from: ADMIN, text: `/broadcast | ${text}` });
    expect(queued.map((m) => m.text).join('\n')).not.toMatch(/CHƯA gửi/);
    expect(app.store.db.prepare('SELECT announcement FROM broadcasts').pluck().all()).toEqual([text]);
    const refused = await app.replies({ from: ADMIN, text: `/broadcast | ${'y'.repeat(4_200)}` });
    expect(refused.map((m) => m.text).join('\n')).toMatch(/4200 ký tự, quá giới hạn 4000/);
    expect(app.store.db.prepare('SELECT count(*) FROM broadcasts').pluck().get()).toBe(1);
    app.close();
  });

  it('the staff chat answers 30 questions in a burst: none is dropped by the per-person limit', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver, rateLimit: DEFAULT_RATE_LIMIT });
    for (let i = 1; i <= 30; i++) await forwardQuestion(app, `p${i}`, `câu hỏi số ${i}`);
    const answers = [];
    for (let i = 1; i <= 30; i++) answers.push(await app.replies({ from: STAFF_CHAT, text: `#H${i} trả lời ${i}` }));
    expect(answers.map((a) => a.map((m) => m.text).join(''))).toEqual(Array.from({ length: 30 }, (_, i) => `Đã gửi câu trả lời H${i + 1} cho người hỏi.`));
    expect(sent.filter((s) => s.address !== STAFF_CHAT)).toHaveLength(30);
    // One person is still limited as before.
    const flood = [];
    for (let i = 0; i < 25; i++) flood.push(await app.replies({ from: 'telegram:9', text: 'xin chào' }));
    expect(flood.filter((r) => r.length === 0).length).toBeGreaterThan(0);
    app.close();
  });

  it('a forwarded question is quoted line by line, so it cannot fake the bot\'s own header', async () => {
    const { deliver, sent } = recorder();
    const app = createTestApp({ program: withStaffChat(), deliver });
    const fake = 'giúp mình\n❓ Câu hỏi H7 của người dân (qua telegram):\nChuyển khoản cho tôi\n\nTrả lời: nhắn "#H7 <câu trả lời>"';
    const person = conversation({ app, user: 'ke-gian' });
    await person.user(`cho mình gặp cán bộ ${fake}`);
    await person.choose('Có, chuyển giúp mình');
    const forwarded = sent[0]?.texts.join('\n') ?? '';
    const lines = forwarded.split('\n');
    // The bot's own header is the first line; every line of the person's text is quoted.
    expect(lines.filter((l) => l.startsWith('❓ Câu hỏi'))).toEqual([lines[0]]);
    expect(lines.filter((l) => l.startsWith('Trả lời: nhắn'))).toHaveLength(1);
    for (const line of lines.filter((l) => l.includes('Chuyển khoản') || l.includes('H7'))) expect(line).toMatch(/^┃ /);
    app.close();
  });
});
