/**
 * Broadcasts: people opt in to news with consent; an admin counts the
 * audience (dry run), queues an announcement from the chat or the CLI, the
 * follow-up job delivers it at the configured rate, and the report shows
 * delivered / failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { loadProgram } from '../../src/data.js';
import { runBroadcastCli } from '../../src/jobs/broadcast.js';
import { createFollowupJob } from '../../src/jobs/followup-job.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

let app: TestApp;
afterEach(() => app.close());

const ADMIN: Address = 'console:admin';

/** A person who checks `text`, consents and asks for reminders + news (or only reminders). */
async function optIn(user: string, check: string, news: boolean): Promise<void> {
  const chat = conversation({ app, user });
  await chat.user(check);
  await chat.choose('Đồng ý lưu');
  await chat.choose(news ? 'Nhắc mình + nhận tin mới' : 'Có, nhắc mình');
}

describe('broadcast', () => {
  it('dry run, send from the chat, delivery throttled to the rate, then the report', async () => {
    app = createTestApp({ admins: [ADMIN] });
    await optIn('lan', '20 tuổi', true);
    await optIn('minh', '19 tuổi', true);
    await optIn('hoa', 'hộ kinh doanh có giấy chứng nhận', true);
    await optIn('tuan', '21 tuổi', false);
    const admin = conversation({ app, user: 'admin' });

    await admin.user('/broadcast --dry-run');
    admin.expectBot(/Thử \(không gửi\): 3 người/);
    await admin.user('/broadcast --dry-run id.vn');
    admin.expectBot(/2 người đã đồng ý nhận tin khớp bộ lọc \(loại: id\.vn, phường\/xã: tất cả\)/);
    await admin.user('/broadcast id.vn | Ngày hội tên miền .vn: 8h sáng Chủ nhật tại nhà văn hóa phường.');
    admin.expectBot(/Đã xếp hàng gửi tin #1 tới 2 người/);
    await admin.user('/broadcast report');
    admin.expectBot(/đã gửi 0, lỗi 0, đang chờ 2/);

    // The job: 2 messages a second; `minh` has blocked the bot.
    let ms = 0;
    const sent: { address: Address; at: number; text: string }[] = [];
    const job = createFollowupJob({
      store: app.store.followups, clock: app.clock, program: loadProgram(), render: app.i18n.render,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      ratePerSecond: 2,
      sleep: (wait) => {
        ms += wait;
        return Promise.resolve();
      },
      send: (address, messages) => {
        sent.push({ address, at: ms, text: messages.map((m) => m.text).join('\n') });
        return Promise.resolve(address === 'console:minh' ? { ok: false, error: 'blocked', permanent: true } : { ok: true });
      },
    });
    await job.runOnce();
    expect(sent.map((s) => [s.address, s.at])).toEqual([
      ['console:lan', 0],
      ['console:minh', 500],
    ]);
    expect(sent[0]?.text).toMatch(/📢 Ngày hội tên miền \.vn: 8h sáng Chủ nhật/);
    expect(sent[0]?.text).toMatch(/\/news off/);

    await admin.user('/broadcast report');
    admin.expectBot(/Tin #1 \(23\/11\/2026, loại: id\.vn, phường\/xã: tất cả\): 2 người nhận — đã gửi 1, lỗi 1, đang chờ 0/);
  });

  it('only admins may broadcast', async () => {
    app = createTestApp({ admins: [ADMIN] });
    const someone = conversation({ app, user: 'lan' });
    await someone.user('/broadcast | hello');
    someone.expectBot('Mình chưa biết lệnh này');
    expect(app.store.db.prepare('SELECT count(*) FROM broadcasts').pluck().get()).toBe(0);
    const admin = conversation({ app, user: 'admin' });
    await admin.user('/broadcast id.vn');
    admin.expectBot(/Cú pháp:/);
  });

  it('/news off leaves the audience', async () => {
    app = createTestApp({ admins: [ADMIN] });
    await optIn('lan', '20 tuổi', true);
    const lan = conversation({ app, user: 'lan' });
    await lan.user('/news off');
    lan.expectBot(/đã tắt tin mới/);
    expect(await app.store.followups.countAudience({})).toBe(0);
    await lan.user('/news on');
    expect(await app.store.followups.countAudience({})).toBe(1);
  });

  it('the CLI counts, queues for the running bot and reports', async () => {
    app = createTestApp();
    await optIn('lan', '20 tuổi', true);
    await optIn('hoa', 'hộ kinh doanh có giấy chứng nhận', true);
    const lines: string[] = [];
    const deps = { store: app.store.followups, clock: app.clock, out: (line: string) => void lines.push(line) };
    await runBroadcastCli(['--dry-run', '--track', 'biz.vn'], deps);
    await runBroadcastCli(['--text', 'Hạn chót đăng ký biz.vn là 31/12', '--track', 'biz.vn'], deps);
    await runBroadcastCli(['--report'], deps);
    expect(lines).toEqual([
      'Dry run: 1 people who opted in to news match (track biz.vn, locality any). Nothing was sent.',
      expect.stringMatching(/^Queued broadcast #1 for 1 people \(track biz\.vn, locality any\)\. The running bot sends them/),
      expect.stringMatching(/^Broadcast #1 \(.*\): 1 recipients, delivered 0, failed 0, pending 1$/),
    ]);
    await expect(runBroadcastCli(['--track', 'vn'], deps)).rejects.toThrow(/--track "vn" is not a track/);
    await expect(runBroadcastCli([], deps)).rejects.toThrow(/needs --text/);
  });
});
