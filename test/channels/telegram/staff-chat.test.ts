/**
 * Handoff over Telegram (issue #11): the staff group is the one group whose
 * messages reach the engine — only staff answers ("#H12 …", "/reply H12 …"),
 * under the group's address. End to end: a person's question goes to the
 * group through the channel's send, a staff answer comes back to the person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isStaffChatReply } from '../../../src/channels/telegram/group-chat.js';
import type { Address } from '../../../src/core/message.js';
import { loadProgram } from '../../../src/data.js';
import { createLateDeliver } from '../../../src/jobs/deliver.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { scriptedEngine, startHarness, type Harness } from './harness.js';

const GROUP = { id: -1001234, type: 'supergroup' as const, title: 'Tổ công nghệ số' };
const STAFF_CHAT: Address = `telegram:${GROUP.id}`;

let h: Harness | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await h?.stop();
  app?.close();
  h = undefined;
  app = undefined;
});

describe('telegram: the staff chat', () => {
  it('isStaffChatReply: only "#H<n>" and "/reply" in the configured group', () => {
    expect(isStaffChatReply(GROUP.id, '#H12 trả lời', GROUP.id)).toBe(true);
    expect(isStaffChatReply(GROUP.id, '/reply@tenmien_test_bot H12 trả lời', GROUP.id)).toBe(true);
    expect(isStaffChatReply(GROUP.id, 'mọi người ơi họp lúc 2h', GROUP.id)).toBe(false);
    expect(isStaffChatReply(GROUP.id, '#Hôm nay nghỉ', GROUP.id)).toBe(false);
    expect(isStaffChatReply(-5, '#H12 trả lời', GROUP.id)).toBe(false);
    expect(isStaffChatReply(GROUP.id, '#H12 trả lời', undefined)).toBe(false);
  });

  it('staff answers in the group reach the engine with the group address; chatter and other groups do not', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle, { staffChat: STAFF_CHAT });
    h.fake.pushText(41, 'mọi người ơi, chiều nay họp', GROUP);
    h.fake.pushText(41, '#H3 Bạn mang giấy chứng nhận đến phường nhé', GROUP);
    h.fake.pushText(42, '#H4 nhầm nhóm', { id: -1009999, type: 'group', title: 'Nhóm khác' });
    h.fake.pushText(41, '#H5 cuối', GROUP); // one chat's updates run in order: the chatter was skipped by then
    const [answer] = await h.fake.waitForMessages(GROUP.id, 2);
    expect(engine.inputs).toEqual([
      { from: STAFF_CHAT, text: '#H3 Bạn mang giấy chứng nhận đến phường nhé' },
      { from: STAFF_CHAT, text: '#H5 cuối' },
    ]);
    expect(answer?.text).toBe('echo: #H3 Bạn mang giấy chứng nhận đến phường nhé');
    expect(h.fake.sent(-1009999)).toEqual([]);
  });

  it('end to end: asked on duty, forwarded to the group on yes, answered in the group, relayed to the person', async () => {
    const program = loadProgram();
    const relay = createLateDeliver();
    app = createTestApp({ program: { ...program, handoff: { ...program.handoff, staffChat: STAFF_CHAT } }, deliver: relay.deliver });
    h = await startHarness(app.handle, { staffChat: STAFF_CHAT });
    relay.attach([h.channel]);
    const person = { id: 77, language_code: 'vi' };

    h.fake.pushText(person, 'cho gặp người thật, tên miền của công ty tôi bị trùng thì sao');
    const offered = await h.fake.waitForMessages(person.id, 1);
    expect(offered.at(-1)?.text).toMatch(/Bạn có muốn mình chuyển câu hỏi cho cán bộ không\?/);
    expect(h.fake.sent(GROUP.id)).toEqual([]);

    const keyboard = offered.at(-1);
    if (keyboard === undefined) throw new Error('no keyboard');
    h.fake.pushCallback(person, keyboard, 'handoff:yes');
    const [forwarded] = await h.fake.waitForMessages(GROUP.id, 1);
    expect(forwarded?.text).toContain('Câu hỏi H1 của người dân (qua telegram)');
    expect(forwarded?.text).toContain('cho gặp người thật, tên miền của công ty tôi bị trùng thì sao');

    h.fake.pushText(55, '#H1 Bạn thêm chữ hoặc số vào tên, ví dụ tencongty-hp.biz.vn', GROUP);
    const messages = await h.fake.waitForMessages(person.id, 3);
    expect(messages.map((m) => m.text)).toContain('Cán bộ trả lời: Bạn thêm chữ hoặc số vào tên, ví dụ tencongty-hp.biz.vn');
    const [, confirmed] = await h.fake.waitForMessages(GROUP.id, 2);
    expect(confirmed?.text).toBe('Đã gửi câu trả lời H1 cho người hỏi.');
  });
});
