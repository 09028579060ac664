/**
 * Keeping the domain after the free years (issue #22): after a registration
 * the bot offers reminders before the free period ends (opt-in); the fake
 * clock walks hour by hour to the end of the free period while the real
 * follow-up job ticks, and each reminder goes out once, at 09:00 on its day —
 * across a restart, never after "dừng", /stop or /deletedata, never for
 * people who said no or did not consent, never outside 08:00–21:00.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import { loadProgram } from '../../src/data.js';
import { createFollowupJob, type SendResult } from '../../src/jobs/followup-job.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation, type Conversation } from '../support/conversation.js';

const opened: TestApp[] = [];
let folder: string | undefined;
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const HOUR = 3_600_000;

type Sent = { address: Address; at: string; text: string };

function start(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  const app = createTestApp(options);
  opened.push(app);
  return app;
}

/** The bot's follow-up job over the app's database; `send` may refuse (a channel outside its window). */
function jobOf(app: TestApp, sent: Sent[], send?: (address: Address) => SendResult | undefined) {
  return createFollowupJob({
    store: app.store.followups,
    clock: app.clock,
    program: loadProgram(),
    render: app.i18n.render,
    log: silent,
    sleep: () => Promise.resolve(),
    send: (address, messages: readonly Outgoing[]) => {
      const refused = send?.(address);
      if (refused !== undefined) return Promise.resolve(refused);
      sent.push({ address, at: app.clock.now().toISOString(), text: messages.map((m) => m.text).join('\n') });
      return Promise.resolve({ ok: true });
    },
  });
}

/** Moves the clock an hour at a time until `until`, ticking the job every hour. */
async function walk(app: TestApp, until: string, sent: Sent[]): Promise<void> {
  const job = jobOf(app, sent);
  const end = Date.parse(until);
  for (let t = app.clock.now().getTime() + HOUR; t <= end; t += HOUR) {
    app.clock.set(new Date(t).toISOString());
    await job.runOnce();
  }
}

const vn = (iso: string): string => new Date(Date.parse(iso) + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

const pending = (app: TestApp) =>
  app.store.db.prepare("SELECT kind, track, deadline, due_at FROM followups WHERE kind = 'renewal' AND sent_at IS NULL AND cancelled_at IS NULL ORDER BY due_at").all();

async function registered(chat: Conversation, domain = 'hoten.id.vn'): Promise<void> {
  await chat.user('20 tuổi');
  await chat.choose('Đồng ý lưu');
  await chat.choose('Không cần');
  await chat.user(`mình đăng ký xong rồi ${domain}`);
}

describe('renewal reminders', () => {
  it('a registration made on 15/3/2025: three reminders, each once, at 09:00 on the 60th, 30th and 7th day before, across a restart', async () => {
    folder = mkdtempSync(join(tmpdir(), 'renewal-'));
    const file = join(folder, 'bot.sqlite');
    const chat = conversation({ app: start({ file, now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    chat.expectBot(/miễn phí 2 năm kể từ ngày đăng ký: nếu bạn đăng ký hôm nay \(23\/11\/2026\) thì được miễn phí đến hết ngày 23\/11\/2028/)
      .withChoices(['Có, nhắc mình', 'Mình đăng ký ngày khác', 'Không cần']);
    await chat.choose('Mình đăng ký ngày khác');
    chat.expectBot(/Bạn đăng ký tên miền ngày nào\?/);
    await chat.user('ngày 15/3/2025');
    chat.expectBot('Tên miền của bạn được miễn phí đến hết ngày 15/03/2027. Mình sẽ nhắc bạn vào các ngày 14/01/2027, 13/02/2027, 08/03/2027');
    // Only the schedule and the track (and the last free day) are kept with the address.
    expect(pending(chat.app)).toEqual([
      { kind: 'renewal', track: 'id.vn', deadline: '2027-03-15', due_at: '2027-01-14T02:00:00.000Z' },
      { kind: 'renewal', track: 'id.vn', deadline: '2027-03-15', due_at: '2027-02-13T02:00:00.000Z' },
      { kind: 'renewal', track: 'id.vn', deadline: '2027-03-15', due_at: '2027-03-08T02:00:00.000Z' },
    ]);
    expect(chat.app.store.db.prepare('SELECT free_until FROM registrations').pluck().all()).toEqual(['2027-03-15']);

    const sent: Sent[] = [];
    await walk(chat.app, '2027-01-20T00:00:00+07:00', sent);
    chat.app.close();
    opened.splice(0);
    // The bot restarts: the rest of the schedule is still in the file.
    const again = start({ file, now: '2027-01-20T00:00:00+07:00' });
    await walk(again, '2027-04-01T00:00:00+07:00', sent);

    expect(sent.map((s) => [s.address, vn(s.at)])).toEqual([
      ['console:an', '2027-01-14 09:00'],
      ['console:an', '2027-02-13 09:00'],
      ['console:an', '2027-03-08 09:00'],
    ]);
    expect(sent.map((s) => /Còn (\d+) ngày nữa/.exec(s.text)?.[1])).toEqual(['60', '30', '7']);
    const first = sent[0]?.text ?? '';
    expect(first).toContain('tên miền id.vn của bạn hết thời gian miễn phí (miễn phí đến hết ngày 15/03/2027)');
    expect(first).toContain('Phí duy trì sau thời gian miễn phí: 50.000 đồng/năm (lệ phí theo Thông tư 20/2023/TT-BTC');
    expect(first).toMatch(/Cách gia hạn: vào trang quản lý tên miền của nhà đăng ký.*https:\/\/tenmien\.vn/);
    expect(first).toMatch(/Nếu không gia hạn: sau ngày 15\/03\/2027 tên miền ngừng hoạt động/);
    expect(first).toMatch(/"dừng" hoặc \/stop/);
  });

  it('registered today: the reminders are two years ahead, at 09:00 Vietnam time', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    await chat.choose('Có, nhắc mình');
    chat.expectBot(/miễn phí đến hết ngày 23\/11\/2028\. Mình sẽ nhắc bạn vào các ngày 24\/09\/2028, 24\/10\/2028, 16\/11\/2028/);
    expect(pending(chat.app).map((r) => (r as { due_at: string }).due_at)).toEqual([
      '2028-09-24T02:00:00.000Z',
      '2028-10-24T02:00:00.000Z',
      '2028-11-16T02:00:00.000Z',
    ]);
  });

  it('outside 08:00–21:00 nothing goes out: a bot back at 22:00 sends the reminder at 08:00 the next morning, once', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    await chat.choose('Mình đăng ký ngày khác');
    await chat.user('15/3/2025');
    const sent: Sent[] = [];
    const job = jobOf(chat.app, sent);
    chat.app.clock.set('2027-01-14T22:00:00+07:00'); // down all day, back late at night
    await job.runOnce();
    expect(sent).toEqual([]);
    chat.app.clock.set('2027-01-15T07:59:00+07:00');
    await job.runOnce();
    expect(sent).toEqual([]);
    chat.app.clock.set('2027-01-15T08:00:00+07:00');
    await job.runOnce();
    await job.runOnce();
    expect(sent.map((s) => vn(s.at))).toEqual(['2027-01-15 08:00']);
    expect(chat.app.store.db.prepare("SELECT attempts FROM followups WHERE sent_at IS NOT NULL").pluck().all()).toEqual([1]);
  });

  it('a channel may refuse outside its window: the reminder waits, without counting a failed attempt', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    await chat.choose('Mình đăng ký ngày khác');
    await chat.user('15/3/2025');
    const sent: Sent[] = [];
    let open = false;
    const job = jobOf(chat.app, sent, () => (open ? undefined : { ok: false, error: 'outside window', deferUntil: new Date('2027-01-16T02:00:00.000Z') }));
    chat.app.clock.set('2027-01-14T09:00:00+07:00');
    await job.runOnce();
    expect(sent).toEqual([]);
    expect(chat.app.store.db.prepare("SELECT due_at, attempts, failed_at FROM followups WHERE kind = 'renewal' ORDER BY id LIMIT 1").get()).toEqual({
      due_at: '2027-01-16T02:00:00.000Z', attempts: 0, failed_at: null,
    });
    open = true;
    chat.app.clock.set('2027-01-15T09:00:00+07:00');
    await job.runOnce();
    expect(sent).toEqual([]);
    chat.app.clock.set('2027-01-16T09:00:00+07:00');
    await job.runOnce();
    expect(sent).toHaveLength(1);
  });

  it('"dừng" and /stop cancel them: nothing is sent after', async () => {
    for (const stop of ['dừng', '/stop']) {
      const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
      await registered(chat);
      await chat.choose('Mình đăng ký ngày khác');
      await chat.user('15/3/2025');
      expect(pending(chat.app)).toHaveLength(3);
      await chat.user(stop);
      chat.expectBot(/đã hủy mọi tin nhắc/);
      expect(pending(chat.app)).toEqual([]);
      const sent: Sent[] = [];
      await walk(chat.app, '2027-03-20T00:00:00+07:00', sent);
      expect(sent, stop).toEqual([]);
    }
  });

  it('/deletedata deletes the reminders themselves: nothing is sent after', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    await chat.choose('Mình đăng ký ngày khác');
    await chat.user('15/3/2025');
    await chat.user('/mydata');
    chat.expectBot('Lịch nhắc ngày 14/01/2027: nhắc gia hạn tên miền trước khi hết miễn phí');
    await chat.user('/deletedata');
    await chat.choose('forget:yes');
    expect(chat.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);
    const sent: Sent[] = [];
    await walk(chat.app, '2027-03-20T00:00:00+07:00', sent);
    expect(sent).toEqual([]);
  });

  it('no opt-in, no reminders: "Không cần", or no consent at all (then no offer)', async () => {
    const declined = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(declined);
    await declined.choose('Không cần');
    declined.expectBot(/mình sẽ không nhắc/);
    expect(declined.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);

    const anonymous = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await anonymous.user('20 tuổi');
    await anonymous.choose('Không lưu');
    await anonymous.user('đã đăng ký nguyenvanan.id.vn');
    expect(anonymous.text()).not.toMatch(/nhắc/);
    await anonymous.user('nhắc gia hạn');
    anonymous.expectBot(/cần bạn đồng ý lưu thông tin trước/);
    expect(anonymous.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);

    for (const app of [declined.app, anonymous.app]) {
      const sent: Sent[] = [];
      await walk(app, '2027-01-01T00:00:00+07:00', sent);
      app.clock.set('2028-11-16T09:00:00+07:00');
      await jobOf(app, sent).runOnce();
      expect(sent).toEqual([]);
    }
  });

  it('a registration day in the future or before the program opened gets a clear question back, nothing stored', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    await chat.choose('Mình đăng ký ngày khác');
    await chat.user('1/1/2027');
    chat.expectBot('Ngày 01/01/2027 chưa tới nên chưa thể là ngày đăng ký. Bạn đăng ký tên miền ngày nào?');
    await chat.user('đăng ký ngày 20/5/2023');
    chat.expectBot('Chương trình miễn phí bắt đầu từ ngày 01/06/2023, nên ngày 20/05/2023 không thể là ngày đăng ký miễn phí.');
    await chat.user('31/2/2025');
    chat.expectBot(/không có trên lịch/);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);
    expect(chat.app.store.db.prepare('SELECT free_until FROM registrations').pluck().all()).toEqual(['2028-11-23']);
    // Typed straight at the offer, too.
    const other = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }), user: 'binh' });
    await registered(other);
    await other.user('mình đăng ký hôm 2/12/2026');
    other.expectBot(/chưa tới nên chưa thể là ngày đăng ký/);
    expect(other.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);
  });

  it('a free period already over: no reminders, the fee and how to renew at once', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await registered(chat);
    await chat.choose('Mình đăng ký ngày khác');
    await chat.user('10/6/2024');
    chat.expectBot('Thời gian miễn phí của tên miền id.vn đã hết vào ngày 10/06/2026, nên mình không đặt lịch nhắc.');
    chat.expectBot(/50\.000 đồng\/năm/);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(0);
  });
});

describe('"tên miền của tôi hết hạn miễn phí khi nào" and "đã gia hạn"', () => {
  it('answers with the recorded date, then with the renewal once the person says they renewed', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await chat.user('tên miền của tôi hết hạn miễn phí khi nào');
    chat.expectBot(/chưa có ghi nhận tên miền nào của bạn\. Tên miền được miễn phí 2 năm kể từ ngày đăng ký/);
    await chat.user('đăng ký ngày 15/3/2025 thì hết miễn phí khi nào');
    chat.expectBot('Đăng ký ngày 15/03/2025 thì tên miền được miễn phí 2 năm, đến hết ngày 15/03/2027.');
    await chat.user('đăng ký ngày 15/3/2027 thì hết miễn phí khi nào');
    chat.expectBot(/Ngày 15\/03\/2027 chưa tới/);

    await registered(chat);
    await chat.choose('Mình đăng ký ngày khác');
    await chat.user('15/3/2025');
    await chat.user('ten mien cua minh het mien phi khi nao vay');
    chat.expectBot('• hoten.id.vn: miễn phí đến hết ngày 15/03/2027 (còn 112 ngày). Mình sẽ nhắc bạn trước ngày đó.');

    await chat.user('mình đã gia hạn rồi nhé');
    chat.expectBot('Mình đã ghi nhận bạn gia hạn tên miền id.vn và sẽ không nhắc gia hạn nữa.');
    expect(pending(chat.app)).toEqual([]);
    expect(chat.app.store.db.prepare('SELECT address, channel, track FROM renewals').all()).toEqual([{ address: 'console:an', channel: 'console', track: 'id.vn' }]);
    await chat.user('đã gia hạn hoten.id.vn');
    chat.expectBot(/đã ghi nhận bạn gia hạn tên miền id\.vn rồi/);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM renewals').pluck().get()).toBe(1);
    await chat.user('tên miền của tôi hết hạn miễn phí khi nào');
    chat.expectBot('• hoten.id.vn: miễn phí đến hết ngày 15/03/2027; bạn đã báo gia hạn ngày 23/11/2026.');
    // Questions about renewing are not claims.
    await chat.user('gia hạn id.vn mất bao nhiêu');
    expect(chat.app.store.db.prepare('SELECT count(*) FROM renewals').pluck().get()).toBe(1);
  });

  it('without consent a renewal is an anonymous count', async () => {
    const chat = conversation({ app: start({ now: '2026-11-23T10:00:00+07:00' }) });
    await chat.user('tôi đã gia hạn biz.vn');
    chat.expectBot(/chỉ đếm một lượt gia hạn ẩn danh/);
    expect(chat.app.store.db.prepare('SELECT address, track FROM renewals').all()).toEqual([{ address: null, track: 'biz.vn' }]);
  });

  it('staff record a registration: the person gets one offer (within hours) and opts in with "nhắc gia hạn"', async () => {
    const ADMIN: Address = 'telegram:900';
    const app = start({ now: '2026-11-23T20:30:00+07:00', admins: [ADMIN] });
    const chat = conversation({ app });
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Không cần');
    const staff = await app.replies({ from: ADMIN, text: '/registered console:an nguyenvanan.id.vn' });
    expect(staff.map((m) => m.text).join('\n')).toMatch(/trợ lý sẽ nhắn họ một lần .* \(đến hết ngày 23\/11\/2028\)/);
    const sent: Sent[] = [];
    const job = jobOf(app, sent);
    app.clock.set('2026-11-23T21:30:00+07:00');
    await job.runOnce();
    expect(sent).toEqual([]);
    app.clock.set('2026-11-24T08:00:00+07:00');
    await job.runOnce();
    expect(sent.map((s) => [s.address, vn(s.at)])).toEqual([['console:an', '2026-11-24 08:00']]);
    expect(sent[0]?.text).toMatch(/Cán bộ đã ghi nhận bạn đăng ký tên miền id\.vn.*đến hết ngày 23\/11\/2028.*nhắn "nhắc gia hạn"/s);
    await chat.user('nhắc gia hạn');
    await chat.choose('Có, nhắc mình');
    chat.expectBot(/Mình sẽ nhắc bạn vào các ngày/);
    expect(pending(app)).toHaveLength(3);
  });
});
