import { describe, expect, it } from 'vitest';
import { ThreadType } from 'zca-js';
import { ZaloSessionError } from '../../../src/channels/zalo/session-file.js';
import { deferred, settle, zaloKit } from './kit.js';

describe('Zalo channel: translation', () => {
  it('renders choices as numbered lines plus "Bạn nhắn 1, 2 hoặc 3"', async () => {
    const kit = zaloKit({
      reply: () => [
        { text: 'Bạn cần mình giúp gì?', choices: [{ id: 'idvn', label: 'Kiểm tra id.vn' }, { id: 'bizvn', label: 'Kiểm tra biz.vn' }, { id: 'more', label: 'Câu hỏi khác' }] },
      ],
    });
    await kit.channel.start();
    kit.fake.userText('9001', 'xin chao');
    await settle();
    expect(kit.fake.textsTo('9001')).toEqual(['Bạn cần mình giúp gì?\n\n1. Kiểm tra id.vn\n2. Kiểm tra biz.vn\n3. Câu hỏi khác\n\nBạn nhắn 1, 2 hoặc 3 để chọn nhé.']);
    expect(kit.fake.sent[0]?.type).toBe(ThreadType.User);
  });

  it('passes a typed number and a typed label through as text, for the engine to resolve', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    kit.fake.userText('9002', '2');
    kit.fake.userText('9002', 'kiem tra biz.vn');
    await settle();
    expect(kit.handler.inputs).toEqual([
      { from: 'zalo:9002', text: '2' },
      { from: 'zalo:9002', text: 'kiem tra biz.vn' },
    ]);
  });

  it('a sticker reaches the engine as empty text with meta.media', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    kit.fake.userMedia('9003', 'chat.sticker', { id: 1, catId: 2, type: 7 });
    await settle();
    expect(kit.handler.inputs).toEqual([{ from: 'zalo:9003', text: '', meta: { media: 'sticker' } }]);
  });

  it('the choice prompt follows the language the turn answered in (English here), not the locale resolver', async () => {
    const kit = zaloKit({ locale: () => 'vi', reply: () => ({ messages: [{ text: 'Pick one', choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }], locale: 'en' }) });
    await kit.channel.start();
    kit.fake.userText('9004', 'hi');
    await settle();
    expect(kit.fake.textsTo('9004')).toEqual(['Pick one\n\n1. A\n2. B\n\nReply 1 or 2.']);
  });

  it('an image goes out with its caption in one message; if the upload fails, the caption is sent as text', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0, 0, 0, 1, 0]);
    const kit = zaloKit({ reply: () => [{ text: 'Mã QR của bạn:', attachment: { kind: 'image', name: 'ma-gioi-thieu', mime: 'image/png', data: png, caption: 'Quét để mở trợ lý' } }] });
    await kit.channel.start();
    kit.fake.userText('9005', 'ma QR');
    await settle();
    expect(kit.fake.sent.map((m) => [m.text, m.attachments])).toEqual([
      ['Mã QR của bạn:', []],
      ['Quét để mở trợ lý', [{ filename: 'ma-gioi-thieu.png', size: 24 }]],
    ]);
    kit.fake.sent.length = 0;
    kit.fake.uploadFailure = new Error('File extension "png" is not allowed');
    kit.fake.userText('9005', 'ma QR lan nua');
    await settle();
    expect(kit.fake.sent.map((m) => [m.text, m.attachments])).toEqual([
      ['Mã QR của bạn:', []],
      ['Quét để mở trợ lý', []],
    ]);
    expect(kit.log.lines).toContain('warn: Zalo image send failed {"address":"zalo:9005","error":"File extension \\"png\\" is not allowed"}');
  });
});

describe('Zalo channel: files and status', () => {
  it('a non-image file goes out after its caption, as its own message', async () => {
    const kit = zaloKit({ reply: () => [{ text: 'Báo cáo tuần:', attachment: { kind: 'file', name: 'bao-cao.csv', mime: 'text/csv', data: Uint8Array.from([65, 66]), caption: 'Số liệu đến hôm nay' } }] });
    await kit.channel.start();
    kit.fake.userText('9007', 'bao cao');
    await settle();
    expect(kit.fake.sent.map((m) => [m.text, m.attachments])).toEqual([
      ['Báo cáo tuần:', []],
      ['Số liệu đến hôm nay', []],
      ['', [{ filename: 'bao-cao.csv', size: 2 }]],
    ]);
  });

  it('send() while logged out fails with the fix; start() again retries the login', async () => {
    const kit = zaloKit();
    kit.fake.failConnect(new ZaloSessionError('ZALO_SESSION_MISSING', 'data/zalo-session.json'));
    await kit.channel.start();
    expect(await kit.channel.send('zalo:9008', [{ text: 'x' }])).toEqual({
      status: 'failed',
      error: expect.stringContaining('Zalo is not connected (status: logged_out). Run "npm run cli -- zalo-login"') as unknown as string,
    });
    await kit.channel.start();
    await settle();
    expect(kit.channel.status().state).toBe('online');
  });
});

describe('Zalo channel: what it ignores', () => {
  it('drops a redelivered message (same msgId) so the engine sees it once', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    const message = kit.fake.userText('9101', '15/3/2004');
    kit.fake.deliver(message);
    kit.fake.userText('9101', '15/3/2004', { msgId: message.data.msgId, cliMsgId: '1' }); // same msgId, new object
    await settle();
    expect(kit.handler.inputs).toHaveLength(1);
    expect(kit.fake.textsTo('9101')).toHaveLength(1);
  });

  it('drops a redelivery that only shares the cliMsgId of the same sender', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    const first = kit.fake.userText('9102', 'hi', { cliMsgId: '555' });
    kit.fake.userText('9102', 'hi', { cliMsgId: first.data.cliMsgId });
    kit.fake.userText('9103', 'hi', { cliMsgId: '555' }); // another person: not a duplicate
    await settle();
    expect(kit.handler.inputs.map((i) => i.from)).toEqual(['zalo:9102', 'zalo:9103']);
  });

  it('ignores the bot’s own messages', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    kit.fake.selfText('9104', 'sent from the bot phone');
    await settle();
    expect(kit.handler.inputs).toEqual([]);
    expect(kit.fake.sent).toEqual([]);
  });

  it('ignores group messages by default', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    kit.fake.groupText('g-1', '9105', 'kiem tra id.vn');
    await settle();
    expect(kit.handler.inputs).toEqual([]);
    expect(kit.fake.sent).toEqual([]);
  });

  it('with groupRedirect, answers a group once per hour with a "message me privately" notice', async () => {
    let now = Date.parse('2026-11-23T09:00:00+07:00');
    const kit = zaloKit({ groupRedirect: true, now: () => new Date(now) });
    await kit.channel.start();
    kit.fake.groupText('g-2', '9106', 'bot oi');
    kit.fake.groupText('g-2', '9107', 'kiem tra id.vn');
    await settle();
    now += 59 * 60_000;
    kit.fake.groupText('g-2', '9106', 'alo');
    await settle();
    now += 2 * 60_000;
    kit.fake.groupText('g-2', '9106', 'alo');
    await settle();
    expect(kit.handler.inputs).toEqual([]);
    expect(kit.fake.sent.map((m) => [m.threadId, m.type, m.text])).toEqual([
      ['g-2', ThreadType.Group, 'Mình chỉ trả lời tin nhắn riêng thôi. Bạn nhắn riêng cho mình để kiểm tra điều kiện nhận tên miền id.vn / biz.vn miễn phí nhé.'],
      ['g-2', ThreadType.Group, expect.stringContaining('nhắn riêng')],
    ]);
  });
});

describe('Zalo channel: failures inside a turn', () => {
  it('an engine error becomes a friendly notice and an operator log line without the message text', async () => {
    const kit = zaloKit({ reply: () => Promise.reject(new Error('database is locked')) });
    await kit.channel.start();
    kit.fake.userText('9201', 'sinh 15/3/2004');
    await settle();
    expect(kit.fake.textsTo('9201')).toEqual(['Xin lỗi bạn, mình vừa gặp trục trặc nên chưa trả lời được. Bạn thử nhắn lại sau ít phút nhé.']);
    expect(kit.log.lines).toContain('error: Zalo turn failed {"address":"zalo:9201","error":"database is locked"}');
    expect(kit.log.lines.join('\n')).not.toContain('15/3/2004');
  });

  it('a failed send is logged and the rest of the turn still goes out', async () => {
    // A reply with choices is never joined with the next one, so this turn is two sends.
    const kit = zaloKit({ reply: () => [{ text: 'one', choices: [{ id: 'a', label: 'A' }] }, { text: 'two' }] });
    await kit.channel.start();
    kit.fake.failSend(new Error('Zalo said no'));
    kit.fake.userText('9202', 'hi');
    await settle();
    expect(kit.fake.textsTo('9202')).toEqual(['two']);
    expect(kit.log.lines).toContain('warn: Zalo message send failed {"address":"zalo:9202","error":"Zalo said no"}');
  });
});

describe('Zalo channel: send() and stop()', () => {
  it('send() delivers replies outside a turn, in the thread order', async () => {
    const kit = zaloKit();
    await kit.channel.start();
    await kit.channel.send?.('zalo:9301', [{ text: 'Nhắc bạn: hạn đăng ký sắp hết.' }]);
    expect(kit.fake.textsTo('9301')).toEqual(['Nhắc bạn: hạn đăng ký sắp hết.']);
    await expect(kit.channel.send?.('telegram:1', [{ text: 'x' }])).rejects.toThrow('Use an address "zalo:<threadId>"');
  });

  it('stop() waits for the turn in progress, sends its reply, then ignores new messages', async () => {
    const gate = deferred();
    const kit = zaloKit({ reply: async () => (await gate.promise, [{ text: 'done' }]) });
    await kit.channel.start();
    kit.fake.userText('9302', 'hi');
    await settle();
    let stopped = false;
    const stopping = kit.channel.stop().then(() => void (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(kit.fake.textsTo('9302')).toEqual(['done']);
    expect(kit.channel.status().state).toBe('stopped');
    kit.fake.listener.emit('message', kit.fake.userText('9302', 'late'));
    await settle();
    expect(kit.handler.inputs).toHaveLength(1);
    expect(kit.fake.listener.listenerCount('message')).toBe(0);
  });
});
