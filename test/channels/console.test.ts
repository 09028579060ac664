import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleChannel, renderForConsole } from '../../src/channels/console/console-channel.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
afterEach(() => app.close());

describe('console channel', () => {
  it('greets in Vietnamese, numbers the choices and runs a whole id.vn check typed as numbers', async () => {
    app = createTestApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
    const chat = createConsoleChannel({ handle: app.handle, input, output, user: 'thu', hint: '(Trả lời bằng số)' });
    await chat.start();
    expect(shown).toMatch(/Xin chào/);
    expect(shown).toMatch(/ {2}1\. Kiểm tra id\.vn/);
    input.write('1\n15/3/2006\n1\n');
    input.end();
    await chat.done;
    expect(shown).toMatch(/đủ điều kiện nhận tên miền id\.vn/);
    expect(shown).toMatch(/Cảm ơn bạn! Mình đã lưu kết quả/);
    expect(await app.store.records.listChecks()).toEqual([expect.objectContaining({ address: 'console:thu', channel: 'console' })]);
  });

  it('piped input with a slow store (PostgreSQL round trips): no line is lost, answers keep their order', async () => {
    app = createTestApp();
    const slow: typeof app.handle = async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return app.handle(input);
    };
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
    // Everything is already piped before the channel starts, as with `printf … | npm start`.
    input.end('1\n15/3/2006\n1\n/quit\n');
    const chat = createConsoleChannel({ handle: slow, input, output, user: 'vy' });
    await chat.start();
    await chat.done;
    expect(shown.indexOf('Xin chào')).toBeLessThan(shown.indexOf('Bạn sinh ngày nào'));
    expect(shown.indexOf('Bạn sinh ngày nào')).toBeLessThan(shown.indexOf('đủ điều kiện nhận tên miền id.vn'));
    expect(shown).toMatch(/Mình đã lưu kết quả/);
    expect(await app.store.records.listChecks()).toHaveLength(1);
  });

  it('shows attachments as text it can print', () => {
    const text = renderForConsole([{ text: 'QR', attachment: { kind: 'image', name: 'qr.png', mime: 'image/png', data: new Uint8Array(), caption: 'mã QR' } }]);
    expect(text).toContain('[image: qr.png] mã QR');
  });
});
