/**
 * Conversion tracking: "đã đăng ký hoten.id.vn" is checked with the naming
 * rules and recorded — with the domain only when the person consented —
 * and counted by track, referrer and locality.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

const registrations = (c: Conversation) =>
  c.app.store.db.prepare('SELECT address, channel, track, domain, referrer, source FROM registrations ORDER BY id').all();

describe('registered', () => {
  it('"đã đăng ký hoten.id.vn" with consent: recorded with the domain, counted, reminders cancelled', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Có, nhắc mình');
    await chat.user('mình đăng ký xong rồi hoten.id.vn');
    chat.expectBot('Mình đã ghi nhận bạn đăng ký hoten.id.vn');
    expect(registrations(chat)).toEqual([
      { address: 'console:an', channel: 'console', track: 'id.vn', domain: 'hoten.id.vn', referrer: null, source: 'person' },
    ]);
    expect(await chat.app.store.records.countRegistrations()).toEqual([{ track: 'id.vn', referrer: null, locality: null, count: 1 }]);
    expect(chat.app.store.db.prepare('SELECT count(*) FROM followups WHERE cancelled_at IS NULL').pluck().get()).toBe(0);

    await chat.user('đã đăng ký hoten.id.vn');
    chat.expectBot(/đã ghi nhận bạn đăng ký id\.vn rồi/);
    expect(registrations(chat)).toHaveLength(1);
  });

  it('without consent: an anonymous count of the track, never the domain', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Không lưu');
    await chat.user('đã đăng ký nguyenvanan.id.vn');
    chat.expectBot(/chỉ đếm một lượt đăng ký ẩn danh, không lưu tên miền/);
    expect(registrations(chat)).toEqual([{ address: null, channel: 'console', track: 'id.vn', domain: null, referrer: null, source: 'person' }]);
    expect(JSON.stringify(chat.app.store.db.prepare('SELECT * FROM sessions').all())).not.toMatch(/nguyenvanan/);
  });

  it('"đã đăng ký" without the domain asks which; the track alone can be given', async () => {
    chat = conversation();
    await chat.user('em đã đăng ký rồi');
    chat.expectBot(/Tên miền bạn đã đăng ký là gì/).withChoices(['id.vn (không nói tên)', 'biz.vn (không nói tên)']);
    await chat.user('taphoa');
    chat.expectBot(/gõ đầy đủ cả đuôi/);
    await chat.choose('biz.vn (không nói tên)');
    chat.expectBot('Mình đã ghi nhận một lượt đăng ký biz.vn');
    expect(await chat.app.store.records.countRegistrations({ track: 'biz.vn' })).toEqual([{ track: 'biz.vn', referrer: null, locality: null, count: 1 }]);
  });

  it('a claimed domain that breaks the rules is explained and not recorded', async () => {
    chat = conversation();
    await chat.user('đã đăng ký xong nguyễn-an.id.vn');
    chat.expectBot(/chưa đúng quy tắc/);
    chat.expectBot(/chữ tiếng Việt có dấu \(ễ\)/);
    expect(registrations(chat)).toEqual([]);
    await chat.user('nguyen-an.id.vn');
    expect(registrations(chat)).toHaveLength(1);
  });

  it('the track comes from the suffix: a biz.vn claim counts as biz.vn', async () => {
    chat = conversation();
    await chat.user('shop đăng ký thành công taphoaminhchau.biz.vn rồi');
    expect(registrations(chat)).toEqual([expect.objectContaining({ track: 'biz.vn' })]);
  });

  it('forgetting the person keeps the count but drops their address and domain', async () => {
    chat = conversation();
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    await chat.choose('Không cần');
    await chat.user('đã đăng ký hoten.id.vn');
    await chat.user('/mydata');
    chat.expectBot('• Đăng ký tên miền ngày 23/11/2026: hoten.id.vn');
    await chat.user('/deletedata');
    await chat.choose('forget:yes');
    expect(registrations(chat)).toEqual([{ address: null, channel: 'console', track: 'id.vn', domain: null, referrer: null, source: 'person' }]);
  });

  it('an admin marks a registration: with the domain if that person consented, else anonymously', async () => {
    const app = createTestApp({ admins: ['console:admin'] });
    chat = conversation({ app, user: 'an' });
    await chat.user('20 tuổi');
    await chat.choose('Đồng ý lưu');
    const admin = conversation({ app, user: 'admin' });
    await admin.user('/registered console:an nguyenvanan.id.vn');
    admin.expectBot('Đã ghi nhận console:an đăng ký nguyenvanan.id.vn.');
    await admin.user('/registered zalo:999 shop.biz.vn');
    admin.expectBot(/chỉ lưu ẩn danh/);
    await admin.user('/registered console:an');
    admin.expectBot(/Cú pháp: \/registered <địa chỉ> <tên miền>/);
    expect(registrations(chat)).toEqual([
      { address: 'console:an', channel: 'console', track: 'id.vn', domain: 'nguyenvanan.id.vn', referrer: null, source: 'staff' },
      { address: null, channel: 'zalo', track: 'biz.vn', domain: null, referrer: null, source: 'staff' },
    ]);

    await chat.user('/registered zalo:1 x.id.vn');
    chat.expectBot(/Bạn gõ: \/registered tên-miền-của-bạn/);
    expect(registrations(chat)).toHaveLength(2);
  });
});
