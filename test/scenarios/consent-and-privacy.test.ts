import { afterEach, describe, expect, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';
import { seedReferrers } from '../support/referrers.js';

let chat: Conversation;
afterEach(() => chat.app.close());

async function eligibleResult(c: Conversation): Promise<void> {
  await c.user('tôi 20 tuổi, có được id.vn không');
  c.expectBot(/Bạn có đồng ý/);
}

describe('consent before recording', () => {
  it('with consent, the person and the check are stored — never the birth date', async () => {
    chat = conversation();
    seedReferrers(chat.app.store.db, 'REF_doan-phuong_01');
    await chat.user('/start REF_doan-phuong_01');
    await chat.user('sinh 15/3/2004');
    await chat.choose('Đồng ý lưu');
    chat.expectBot(/đã lưu kết quả/);
    const person = await chat.app.store.records.getPerson(chat.address);
    expect(person).toMatchObject({ consent: 'granted', referrer: 'REF_doan-phuong_01', locale: 'vi' });
    const checks = await chat.app.store.records.listChecks();
    expect(checks).toEqual([expect.objectContaining({ address: chat.address, channel: 'console', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: 'REF_doan-phuong_01' })]);
    const dump = JSON.stringify(chat.app.store.db.prepare('SELECT * FROM sessions').all()) + JSON.stringify(chat.app.store.db.prepare('SELECT * FROM people').all());
    expect(dump).not.toMatch(/2004/);
  });

  it('without consent the full answer is given and only an anonymous count is kept', async () => {
    chat = conversation();
    await eligibleResult(chat);
    await chat.choose('Không lưu');
    chat.expectBot(/không lưu thông tin/);
    expect(await chat.app.store.records.getPerson(chat.address)).toBeUndefined();
    const checks = await chat.app.store.records.listChecks();
    expect(checks).toEqual([expect.objectContaining({ address: null, outcome: 'eligible' })]);
  });

  it('moving on without answering keeps an anonymous count, and asks again next time', async () => {
    chat = conversation();
    await eligibleResult(chat);
    await chat.user('được miễn phí những gì');
    chat.expectBot(/website và email/);
    expect(await chat.app.store.records.listChecks()).toEqual([expect.objectContaining({ address: null })]);
    await chat.user('kiểm tra biz.vn');
    await chat.choose('Hộ kinh doanh');
    await chat.choose('Đã có giấy chứng nhận');
    chat.expectBot(/Bạn có đồng ý/);
  });

  it('typed "có" answers the consent question', async () => {
    chat = conversation();
    await eligibleResult(chat);
    await chat.user('có');
    chat.expectBot(/đã lưu kết quả/);
  });
});

describe('privacy rights in the chat', () => {
  it('/mydata shows what is stored, /deletedata removes the person and keeps anonymous counts', async () => {
    chat = conversation();
    await eligibleResult(chat);
    await chat.choose('Đồng ý lưu');
    await chat.user('/mydata');
    chat.expectBot(/Dữ liệu mình đang lưu/);
    chat.expectBot(/id\.vn — đủ điều kiện/);
    await chat.user('/deletedata');
    chat.expectBot(/chắc chắn muốn xóa/);
    await chat.choose('Xóa dữ liệu');
    chat.expectBot(/đã xóa dữ liệu/);
    expect(await chat.app.store.records.getPerson(chat.address)).toBeUndefined();
    expect(await chat.app.store.records.listChecks()).toEqual([expect.objectContaining({ address: null, outcome: 'eligible' })]);
    await chat.user('/mydata');
    chat.expectBot(/không lưu thông tin cá nhân nào/);
  });

  it('/privacy explains what is stored, why, for how long and how to delete', async () => {
    chat = conversation();
    await chat.user('/privacy');
    chat.expectBot(/730 ngày/);
    chat.expectBot(/\/deletedata/);
  });
});
