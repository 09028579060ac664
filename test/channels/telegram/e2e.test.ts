/**
 * End to end: the real Telegram channel (grammY against FakeBotApi) in front
 * of the real assistant (engine, NLU, locales, SQLite :memory:, fixed clock).
 * A person taps buttons and types, and the stored checks carry channel
 * 'telegram' and the referral code from the deep link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mergeOutgoing } from '../../../src/channels/merge-outgoing.js';
import { MAX_MESSAGE_LENGTH } from '../../../src/channels/telegram/send-outgoing.js';
import { splitText } from '../../../src/channels/shared/split-text.js';
import type { Handler, Outgoing } from '../../../src/core/message.js';
import type { FakeBotApi, FakeUser, SentMessage } from '../../fakes/bot-api-server.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { seedReferrers } from '../../support/referrers.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await h?.stop();
  app?.close();
  h = undefined;
  app = undefined;
});

/** A person in their private chat: `say` types, `press` taps a button on the latest keyboard. */
function telegramUser(fake: FakeBotApi, turns: Outgoing[][], who: FakeUser) {
  const turn = async (act: () => void): Promise<SentMessage[]> => {
    const before = fake.sent(who.id).length;
    const turnsBefore = turns.length;
    act();
    const out = await fake.waitUntil(() => turns[turnsBefore], 'the engine to answer');
    const expected = mergeOutgoing(out, MAX_MESSAGE_LENGTH).reduce((n, m) => n + splitText(m.text, MAX_MESSAGE_LENGTH).length + (m.attachment ? 1 : 0), 0);
    return (await fake.waitForMessages(who.id, before + expected)).slice(before);
  };
  return {
    say: (text: string) => turn(() => fake.pushText(who, text)),
    async press(label: string | RegExp): Promise<SentMessage[]> {
      const withKeyboard = fake.sent(who.id).filter((m) => m.reply_markup).at(-1);
      const buttons = withKeyboard?.reply_markup?.inline_keyboard.flat() ?? [];
      const button = buttons.find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
      if (!withKeyboard || !button || !('callback_data' in button)) {
        throw new Error(`No button ${String(label)}; on screen: ${buttons.map((b) => b.text).join(' | ')}`);
      }
      const replies = await turn(() => fake.pushCallback(who, withKeyboard, button.callback_data));
      expect(withKeyboard.reply_markup, 'the pressed keyboard is removed').toBeUndefined();
      return replies;
    },
  };
}

async function startApp(): Promise<{ fake: FakeBotApi; turns: Outgoing[][]; app: TestApp }> {
  app = createTestApp({ now: '2026-11-23T09:00:00+07:00' });
  const real = app.handle;
  const turns: Outgoing[][] = [];
  const handle: Handler = async (input) => {
    const out = await real(input);
    turns.push(out.messages);
    return out;
  };
  h = await startHarness(handle);
  return { fake: h.fake, turns, app };
}

const text = (messages: SentMessage[]): string => messages.map((m) => m.text).join('\n---\n');

describe('telegram end to end', () => {
  it('deep link with a referral, id.vn then biz.vn by buttons: checks stored as telegram with the referrer', async () => {
    const { fake, turns, app } = await startApp();
    const an = telegramUser(fake, turns, { id: 5001, language_code: 'vi' });
    seedReferrers(app.store.db, 'ref_HN-PhuongHoan_2026');

    expect(text(await an.say('/start ref_HN-PhuongHoan_2026'))).toMatch(/Xin chào/);
    expect(text(await an.press('Kiểm tra id.vn (18–23 tuổi)'))).toMatch(/sinh ngày nào/);
    const result = await an.say('15/3/2006');
    expect(text(result)).toMatch(/đủ điều kiện nhận tên miền id\.vn miễn phí/);
    expect(text(result)).toMatch(/Bạn có đồng ý/);
    expect(text(await an.press('Đồng ý lưu'))).toMatch(/Cảm ơn bạn/);
    expect(text(await an.press('Không cần'))).toMatch(/giúp gì/);

    expect(text(await an.press('Kiểm tra biz.vn (doanh nghiệp, hộ KD)'))).toMatch(/thuộc loại nào/);
    expect(text(await an.press('Doanh nghiệp (công ty)'))).toMatch(/thành lập ngày nào/);
    expect(text(await an.say('thành lập ngày 10/01/2026'))).toMatch(/đủ điều kiện nhận tên miền biz\.vn/);

    const checks = await app.store.records.listChecks();
    expect(checks.map(({ address, channel, track, outcome, referrer }) => ({ address, channel, track, outcome, referrer }))).toEqual([
      { address: 'telegram:5001', channel: 'telegram', track: 'id.vn', outcome: 'eligible', referrer: 'ref_HN-PhuongHoan_2026' },
      { address: 'telegram:5001', channel: 'telegram', track: 'biz.vn', outcome: 'eligible', referrer: 'ref_HN-PhuongHoan_2026' },
    ]);
    expect(await app.store.records.getPerson('telegram:5001')).toMatchObject({ referrer: 'ref_HN-PhuongHoan_2026', consent: 'granted' });
    expect(fake.answered).toHaveLength(5);
  });

  it('plain /start, id.vn then biz.vn by typed text: checks stored as telegram without a referrer', async () => {
    const { fake, turns, app } = await startApp();
    const binh = telegramUser(fake, turns, { id: 5002 });

    expect(text(await binh.say('/start'))).toMatch(/Xin chào/);
    expect(text(await binh.say('kiem tra id.vn'))).toMatch(/sinh ngày nào/);
    expect(text(await binh.say('24/11/2002'))).toMatch(/đủ điều kiện/);
    expect(text(await binh.say('dong y luu'))).toMatch(/Cảm ơn bạn/);
    expect(text(await binh.say('kiểm tra biz.vn'))).toMatch(/thuộc loại nào/);
    expect(text(await binh.say('doanh nghiep'))).toMatch(/thành lập ngày nào/);
    expect(text(await binh.say('cty thanh lap ngay 23/11/2025'))).toMatch(/đủ điều kiện/);

    const checks = await app.store.records.listChecks({ channel: 'telegram' });
    expect(checks.map(({ address, track, outcome, referrer }) => ({ address, track, outcome, referrer }))).toEqual([
      { address: 'telegram:5002', track: 'id.vn', outcome: 'eligible', referrer: null },
      { address: 'telegram:5002', track: 'biz.vn', outcome: 'eligible', referrer: null },
    ]);
    expect(fake.answered).toEqual([]);
  });

  it('the language follows the Telegram hint, and /lang switches it', async () => {
    const { fake, turns, app } = await startApp();
    const en = (key: string): string => app.i18n.t('en', key);
    const chi = telegramUser(fake, turns, { id: 5003, language_code: 'en' });

    const welcome = await chi.say('/start');
    expect(welcome[0]?.text).toBe(en('common.welcome'));
    expect(welcome.at(-1)?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain(en('menu.check_idvn'));

    const vi = await chi.say('/lang vi');
    expect(vi[0]?.text).toContain(app.i18n.t('vi', 'common.lang_set'));
    const back = await chi.say('/lang en');
    expect(back[0]?.text).toContain(en('common.lang_set'));
    expect(text(await chi.press(en('menu.check_idvn')))).toContain(en('idvn.ask_birth'));
  });
});
