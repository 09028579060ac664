/** Update → Input and Outgoing → Bot API, through the real bot and the local fake Bot API. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseAddress } from '../../../src/core/message.js';
import type { FakeEngine } from '../../support/fake-engine.js';
import { scriptedEngine, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('telegram: incoming text', () => {
  it('maps a private text message to an Input addressed telegram:<chatId> with the language hint', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    h.fake.pushText({ id: 4242, language_code: 'en' }, 'kiem tra id.vn');

    const [reply] = await h.fake.waitForMessages(4242, 1);
    expect(reply?.text).toBe('echo: kiem tra id.vn');
    expect(engine.inputs).toEqual([{ from: 'telegram:4242', text: 'kiem tra id.vn', meta: { languageCode: 'en' } }]);
    expect(parseAddress('telegram:4242')).toEqual({ channel: 'telegram', id: '4242' });
  });

  it('passes /start, /start <payload> and other commands to the engine unchanged', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    h.fake.pushText(7, '/start');
    h.fake.pushText(7, '/start ref_HN-2026_abc');
    h.fake.pushText(7, '/lang en');
    h.fake.pushText(7, '/menu@tenmien_test_bot');

    await h.fake.waitForMessages(7, 4);
    expect(engine.inputs.map((input) => ('text' in input ? input.text : input.choice))).toEqual([
      '/start',
      '/start ref_HN-2026_abc',
      '/lang en',
      '/menu',
    ]);
  });

  it('handles one person’s quick messages in order, while other people are not held up', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handle: FakeEngine = async (input) => {
      if ('text' in input && input.text === 'slow') await gate;
      return [{ text: `done: ${'text' in input ? input.text : ''}` }];
    };
    h = await startHarness(handle);
    h.fake.pushText(1, 'slow');
    h.fake.pushText(1, 'fast');
    h.fake.pushText(2, 'other person');

    await h.fake.waitForMessages(2, 1);
    expect(h.fake.sent(1)).toEqual([]);
    release();
    const replies = await h.fake.waitForMessages(1, 2);
    expect(replies.map((m) => m.text)).toEqual(['done: slow', 'done: fast']);
  });

  it('turns stickers, photos, voice, documents and locations into media inputs with empty text', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    const file = { file_id: 'f', file_unique_id: 'u' };
    h.fake.pushMessage(9, { sticker: { ...file, type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } });
    h.fake.pushMessage(9, { photo: [{ ...file, width: 1, height: 1 }], caption: 'giấy tờ' });
    h.fake.pushMessage(9, { voice: { ...file, duration: 2 } });
    h.fake.pushMessage(9, { document: { ...file, file_name: 'a.pdf' } });
    h.fake.pushMessage(9, { location: { latitude: 21.03, longitude: 105.85 } });

    const replies = await h.fake.waitForMessages(9, 5);
    expect(replies.map((m) => m.text)).toEqual(['media:sticker', 'media:photo', 'media:voice', 'media:file', 'media:location']);
    expect(engine.inputs[0]).toEqual({ from: 'telegram:9', text: '', meta: { media: 'sticker' } });
  });

  it('an album of photos reaches the engine once', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    const photo = [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }];
    h.fake.pushMessage(10, { photo, media_group_id: 'album-1' });
    h.fake.pushMessage(10, { photo, media_group_id: 'album-1' });
    h.fake.pushText(10, 'xong');
    await h.fake.waitForMessages(10, 2);
    expect(engine.inputs.map((input) => ('text' in input ? input.text || input.meta?.media : ''))).toEqual(['photo', 'xong']);
  });
});

describe('telegram: replies', () => {
  it('renders choices as an inline keyboard whose callback_data is the choice id (short labels two per row)', async () => {
    const handle: FakeEngine = async (input) =>
      'text' in input && input.text === 'long'
        ? [{ text: 'Chọn', choices: [{ id: 'a', label: 'Kiểm tra điều kiện id.vn cho cá nhân' }, { id: 'b', label: 'Hỏi thêm' }] }]
        : [{ text: 'Chọn', choices: [{ id: 'idvn', label: 'id.vn' }, { id: 'bizvn', label: 'biz.vn' }, { id: 'help', label: 'Trợ giúp' }] }];
    h = await startHarness(handle);
    h.fake.pushText(3, 'short');
    h.fake.pushText(3, 'long');

    const [short, long] = await h.fake.waitForMessages(3, 2);
    expect(short?.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'id.vn', callback_data: 'idvn' }, { text: 'biz.vn', callback_data: 'bizvn' }],
      [{ text: 'Trợ giúp', callback_data: 'help' }],
    ]);
    expect(long?.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'Kiểm tra điều kiện id.vn cho cá nhân', callback_data: 'a' }],
      [{ text: 'Hỏi thêm', callback_data: 'b' }],
    ]);
  });

  it('a button press is answered, its keyboard removed, and the choice reaches the engine', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    h.fake.pushText({ id: 5, language_code: 'vi' }, 'menu');
    const [menu] = await h.fake.waitForMessages(5, 1);
    if (!menu) throw new Error('no menu');

    const queryId = h.fake.pushCallback({ id: 5, language_code: 'vi' }, menu, 'bizvn');
    const [, reply] = await h.fake.waitForMessages(5, 2);
    expect(reply?.text).toBe('Bạn chọn bizvn');
    expect(h.fake.answered).toEqual([{ id: queryId }]);
    expect(h.fake.sent(5)[0]?.reply_markup).toBeUndefined();
    expect(engine.inputs.at(-1)).toEqual({ from: 'telegram:5', choice: 'bizvn', meta: { languageCode: 'vi' } });
  });

  it('a second press of the same (now removed) keyboard gets a toast, not a second turn', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    h.fake.pushText(6, 'menu');
    const [menu] = await h.fake.waitForMessages(6, 1);
    if (!menu) throw new Error('no menu');
    h.fake.pushCallback(6, menu, 'idvn');
    const second = h.fake.pushCallback(6, menu, 'idvn');

    await h.fake.waitUntil(() => h?.fake.answered.find((a) => a.id === second), 'the second answer');
    expect(h.fake.answered.find((a) => a.id === second)?.text).toBe(h.i18n.t('vi', 'telegram.old_button'));
    expect(engine.inputs.filter((input) => 'choice' in input)).toHaveLength(1);
  });

  it('passes unknown (old) callback data to the engine as a choice', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    h.fake.pushText(8, 'menu');
    const [menu] = await h.fake.waitForMessages(8, 1);
    if (!menu) throw new Error('no menu');
    h.fake.pushCallback(8, menu, 'v1:legacy-button');
    await h.fake.waitForMessages(8, 2);
    expect(engine.inputs.at(-1)).toEqual({ from: 'telegram:8', choice: 'v1:legacy-button' });
  });

  it('splits a long text under 4,096 characters at paragraph boundaries, keyboard on the last piece', async () => {
    const paragraph = (n: number): string => `Đoạn ${n}: ${'chữ '.repeat(350).trim()}`;
    const text = [1, 2, 3, 4, 5, 6].map(paragraph).join('\n\n');
    h = await startHarness(async () => [{ text, choices: [{ id: 'ok', label: 'OK' }] }]);
    h.fake.pushText(11, 'dài');

    await h.fake.waitUntil(() => (h?.fake.sent(11).some((m) => m.reply_markup) ? true : undefined), 'the keyboard');
    const pieces = h.fake.sent(11);
    expect(text.length).toBeGreaterThan(8192);
    expect(pieces.length).toBe(3);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(4096);
    expect(pieces.map((m) => m.text).join('\n\n')).toBe(text);
    expect(pieces.map((m) => m.reply_markup !== undefined)).toEqual([false, false, true]);
  });

  it('escapes engine text for HTML so "<b>&" shows exactly as written', async () => {
    const text = 'Thẻ <b>&</b> và a < b && c > d, giá 0 & miễn phí';
    h = await startHarness(async () => [{ text, choices: [{ id: 'x', label: '<i>Có</i> & không' }] }]);
    h.fake.pushText(12, 'html');

    const [reply] = await h.fake.waitForMessages(12, 1);
    expect(reply?.parse_mode).toBe('HTML');
    expect(reply?.text).toBe(text);
    expect(reply?.raw).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(reply?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('<i>Có</i> & không');
  });

  it('sends an image with sendPhoto and a file with sendDocument, with captions', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    h = await startHarness(async () => [
      { text: 'Mã QR của bạn:', attachment: { kind: 'image', name: 'qr.png', mime: 'image/png', data: png, caption: 'Quét <mã> này' } },
      { text: 'Bảng phí', attachment: { kind: 'file', name: 'phi.csv', mime: 'text/csv', data: new TextEncoder().encode('a,b\n1,2\n') } },
    ]);
    h.fake.pushText(13, 'qr');

    const sent = await h.fake.waitForMessages(13, 4);
    expect(sent.map((m) => m.kind)).toEqual(['text', 'photo', 'text', 'document']);
    expect(sent[1]?.text).toBe('Quét <mã> này');
    expect([...(sent[1]?.file?.bytes ?? [])]).toEqual([...png]);
    expect(sent[1]?.file?.name).toBe('qr.png');
    expect(sent[3]?.file?.bytes.toString('utf8')).toBe('a,b\n1,2\n');
  });

  it('a caption longer than Telegram allows follows the file as text, keyboard last', async () => {
    const caption = 'Hướng dẫn. '.repeat(120).trim();
    h = await startHarness(async () => [
      { text: '', choices: [{ id: 'ok', label: 'OK' }], attachment: { kind: 'image', name: 'a.png', mime: 'image/png', data: new Uint8Array([1]), caption } },
    ]);
    h.fake.pushText(14, 'ảnh');
    const sent = await h.fake.waitForMessages(14, 2);
    expect(caption.length).toBeGreaterThan(1024);
    expect(sent.map((m) => [m.kind, m.text === caption, m.reply_markup !== undefined])).toEqual([
      ['photo', false, false],
      ['text', true, true],
    ]);
  });
});
