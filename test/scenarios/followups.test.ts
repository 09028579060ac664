/**
 * Opt-in follow-ups: ONE question after an eligible result once consent is
 * granted; reminders kept in SQLite survive a restart and are sent by the job
 * when the (fake) clock reaches them; "dừng", /stop and /deletedata end them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import { loadProgram } from '../../src/data.js';
import { createFollowupJob } from '../../src/jobs/followup-job.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation | undefined;
let folder: string | undefined;
afterEach(() => {
  chat?.app.close();
  chat = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs the follow-up job once over the app's database; returns what it sent. */
async function runJob(app: TestApp): Promise<{ address: Address; text: string }[]> {
  const sent: { address: Address; text: string }[] = [];
  const job = createFollowupJob({
    store: app.store.followups, clock: app.clock, program: loadProgram(), render: app.i18n.render, log: silent,
    sleep: () => Promise.resolve(),
    send: (address, messages: readonly Outgoing[]) => {
      sent.push({ address, text: messages.map((m) => m.text).join('\n') });
      return Promise.resolve({ ok: true });
    },
  });
  await job.runOnce();
  return sent;
}

const pending = (app: TestApp) =>
  app.store.db.prepare('SELECT kind, track, deadline, due_at FROM followups WHERE sent_at IS NULL AND cancelled_at IS NULL ORDER BY due_at').all();

describe('follow-ups', () => {
  it('opt-in after consent, then the reminder fires after a restart when the clock reaches it', async () => {
    folder = mkdtempSync(join(tmpdir(), 'followups-'));
    const file = join(folder, 'bot.sqlite');
    chat = conversation({ app: createTestApp({ file, now: '2026-11-23T09:00:00+07:00' }) });
    await chat.user('em sinh ngày 15/3/2005');
    await chat.choose('Đồng ý lưu');
    chat.expectBot(/nhắc bạn đăng ký sau 7 ngày/).withChoices(['Có, nhắc mình', 'Nhắc mình + nhận tin mới', 'Không cần', 'Gợi ý tên miền id.vn']);
    await chat.choose('Có, nhắc mình');
    chat.expectBot('Mình sẽ nhắc bạn vào ngày 30/11/2026');
    // No date that could reveal a birthday is kept with the reminder.
    expect(pending(chat.app)).toEqual([{ kind: 'remind', track: 'id.vn', deadline: null, due_at: '2026-11-30T02:00:00.000Z' }]);
    chat.app.close();

    const early = createTestApp({ file, now: '2026-11-29T09:00:00+07:00' });
    expect(await runJob(early)).toEqual([]);
    early.close();

    const later = createTestApp({ file, now: '2026-11-30T10:00:00+07:00' });
    chat = conversation({ app: later });
    const sent = await runJob(later);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.address).toBe('console:an');
    expect(sent[0]?.text).toMatch(/Cách đây 7 ngày bạn kiểm tra.*id\.vn.*Bạn đã đăng ký chưa\?/s);
    expect(sent[0]?.text).toMatch(/"dừng" hoặc \/stop/);
    expect(await runJob(later)).toEqual([]);
  });

  it('an enterprise also gets reminders 30 and 7 days before its last day, stored as the deadline', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('công ty mình thành lập ngày 10/01/2026');
    await chat.choose('Đồng ý lưu');
    chat.expectBot(/trước hạn cuối là hết ngày 10\/01\/2027 \(30, 7 ngày trước hạn\)/); // issue #17: "hết ngày" everywhere
    await chat.choose('Nhắc mình + nhận tin mới');
    chat.expectBot(/và trước hạn cuối \(hết ngày 10\/01\/2027\)/);
    chat.expectBot(/nhận tin mới của chương trình/);
    expect(pending(chat.app)).toEqual([
      { kind: 'remind', track: 'biz.vn', deadline: null, due_at: '2026-11-30T02:00:00.000Z' },
      { kind: 'deadline', track: 'biz.vn', deadline: '2027-01-10', due_at: '2026-12-11T02:00:00.000Z' },
      { kind: 'deadline', track: 'biz.vn', deadline: '2027-01-10', due_at: '2027-01-03T02:00:00.000Z' },
    ]);
    chat.app.clock.set('2026-12-11T09:30:00+07:00');
    const sent = await runJob(chat.app);
    expect(sent.map((s) => s.text)).toEqual([expect.stringMatching(/Bạn đã đăng ký chưa/), expect.stringMatching(/Còn 30 ngày nữa.*hạn cuối: hết ngày 10\/01\/2027/s)]);
    chat.app.clock.set('2027-01-03T09:30:00+07:00');
    expect((await runJob(chat.app)).map((s) => s.text)).toEqual([expect.stringMatching(/Còn 7 ngày nữa/)]);
  });

  it('the question is asked once; a second eligible check goes straight to the menu', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Không cần');
    chat.expectBot('Được rồi, mình sẽ không nhắc bạn.');
    expect(pending(chat.app)).toEqual([]);
    await chat.user('kiểm tra biz.vn hộ kinh doanh có giấy phép');
    expect(chat.text()).not.toMatch(/nhắc bạn đăng ký/);
    chat.expectBot(/giúp gì thêm/).withChoices(['Gợi ý tên miền biz.vn']);
  });

  it('no consent, no question: nothing about the person may be stored', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Không lưu');
    expect(chat.text()).not.toMatch(/nhắc bạn/);
    await chat.user('/news on');
    chat.expectBot(/cần bạn đồng ý lưu thông tin trước/);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM news_optins').pluck().get()).toBe(0);
  });

  it('"dừng" cancels pending reminders and news; the job sends nothing after', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Nhắc mình + nhận tin mới');
    await chat.user('dừng');
    chat.expectBot(/đã hủy mọi tin nhắc và tin mới/);
    expect(pending(chat.app)).toEqual([]);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM news_optins').pluck().get()).toBe(0);
    chat.app.clock.advanceDays(8);
    expect(await runJob(chat.app)).toEqual([]);
  });

  it('/stop answers the reminder question too', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.user('có');
    expect(pending(chat.app)).toHaveLength(1);
    await chat.user('/stop');
    expect(pending(chat.app)).toEqual([]);
  });

  it('/deletedata deletes the follow-ups themselves', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Nhắc mình + nhận tin mới');
    await chat.user('/mydata');
    chat.expectBot(/Lịch nhắc ngày 30\/11\/2026: hỏi bạn đã đăng ký chưa/);
    chat.expectBot(/Nhận tin mới của chương trình: có/);
    await chat.user('/deletedata');
    await chat.choose('forget:yes');
    expect(chat.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM news_optins').pluck().get()).toBe(0);
  });
});
