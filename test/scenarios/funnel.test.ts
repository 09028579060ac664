/**
 * The funnel (issue #11): anonymous counts per day, step and track, from a
 * scripted set of conversations, so staff see where people drop off.
 */
import { describe, expect, it } from 'vitest';
import { formatFunnel } from '../../src/cli/commands/funnel.js';
import type { FunnelRow } from '../../src/core/funnel.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

function counts(rows: readonly FunnelRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [`${r.day} ${r.step} ${r.track ?? '-'}`, r.count]));
}

async function scriptedDay(app: TestApp): Promise<void> {
  // A: menu → id.vn → date → result → no consent → the domain-name helper.
  const a = conversation({ app, user: 'a' });
  await a.user('xin chào');
  await a.choose('Kiểm tra id.vn (18–23 tuổi)');
  await a.user('15/3/2004');
  await a.choose('Không lưu');
  await a.choose('Gợi ý tên miền id.vn');
  // B: the age in the first message, then says they registered.
  const b = conversation({ app, user: 'b' });
  await b.user('tôi 20 tuổi');
  await b.choose('Không lưu');
  await b.user('mình đã đăng ký tên miền nguyenvanb.id.vn rồi');
  // C: chooses biz.vn, answers the first question, leaves at the date.
  const c = conversation({ app, user: 'c' });
  await c.user('kiểm tra biz.vn');
  await c.choose('Doanh nghiệp (công ty)');
  // D: says hello and leaves.
  await conversation({ app, user: 'd' }).user('chào bạn');
  // E: a helper's assisted check is not part of the funnel (nor is their /hotro).
  await app.staff.store.addReferrer({ label: 'Đoàn viên E', address: 'console:e', by: 'cli', via: 'cli', now: app.clock.now(), code: 'DV_E' });
  const e = conversation({ app, user: 'e' });
  await e.user('/hotro');
  await e.user('20 tuổi');
  await e.choose('Đã đồng ý');
  // A second id.vn result from A does not start A again.
  await a.user('nếu mình 25 tuổi thì sao');
}

describe('funnel', () => {
  it('counts each step reached per day and track, anonymously', async () => {
    const app = createTestApp();
    await scriptedDay(app);
    app.clock.advanceDays(1);
    const g = conversation({ app, user: 'g' });
    await g.user('hộ kinh doanh có giấy chứng nhận');

    expect(counts(await app.store.analytics.funnel())).toEqual({
      '2026-11-23 started -': 4,
      '2026-11-23 track_chosen id.vn': 3,
      '2026-11-23 track_chosen biz.vn': 1,
      '2026-11-23 question_answered id.vn': 3,
      '2026-11-23 question_answered biz.vn': 1,
      '2026-11-23 result_shown id.vn': 3,
      '2026-11-23 next_steps_opened id.vn': 1,
      '2026-11-23 registration_reported id.vn': 1,
      '2026-11-24 started -': 1,
      '2026-11-24 track_chosen biz.vn': 1,
      '2026-11-24 question_answered biz.vn': 1,
      '2026-11-24 result_shown biz.vn': 1,
    });
    expect(counts(await app.store.analytics.funnel({ from: '2026-11-24' }))).toEqual({
      '2026-11-24 started -': 1,
      '2026-11-24 track_chosen biz.vn': 1,
      '2026-11-24 question_answered biz.vn': 1,
      '2026-11-24 result_shown biz.vn': 1,
    });
    const columns = app.store.db.prepare<[], string>("SELECT name FROM pragma_table_info('funnel')").pluck().all();
    expect(columns).toEqual(['day', 'step', 'track', 'count']);
  });

  it('stats show each step with its share of those who started', async () => {
    const app = createTestApp();
    await scriptedDay(app);
    const text = formatFunnel(await app.store.analytics.funnel());
    const line = (step: string) => text.split('\n').find((l) => l.startsWith(step))?.split(/\s+/);
    expect(line('started')).toEqual(['started', '—', '—', '4', '100%']);
    expect(line('track_chosen')).toEqual(['track_chosen', '3', '1', '4', '100%']);
    expect(line('result_shown')).toEqual(['result_shown', '3', '0', '3', '75%']);
    expect(line('registration_reported')).toEqual(['registration_reported', '1', '0', '1', '25%']);
  });
});
