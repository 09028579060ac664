/**
 * The locality question (issue #7): asked once right after consent, without
 * blocking what follows (the follow-up question keeps its buttons); the next
 * typed message may answer it. A matched commune/ward is stored on the person
 * and their checks; an ambiguous name offers three; an unknown one stores
 * nothing; anything else is answered as usual.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

async function consented(user = 'an') {
  const chat = conversation({ user });
  await chat.user('em sinh 15/3/2006');
  await chat.choose('Đồng ý lưu');
  return chat;
}

describe('locality question', () => {
  it('is asked after consent next to the follow-up question; a name typed without diacritics is stored as the official name', async () => {
    const chat = await consented();
    chat.expectBot('Bạn ở phường/xã nào? Bạn gõ tên giúp mình (ví dụ Kiến An), hoặc bỏ qua câu này cũng được.');
    chat.expectBot(/nhắc bạn đăng ký/).withChoices(['Có, nhắc mình', 'Không cần']);
    await chat.user('p. kien an');
    chat.expectBot('mình đã ghi nhận: Phường Kiến An');
    chat.expectBot(/nhắc bạn đăng ký/);
    expect(await chat.app.store.records.getPerson(chat.address)).toMatchObject({ locality: 'Phường Kiến An' });
    expect((await chat.app.store.records.listChecks()).map((c) => c.locality)).toEqual(['Phường Kiến An']);
    // Later checks carry it too, and it is never asked again.
    await chat.choose('Không cần');
    await chat.user('hộ kinh doanh có giấy phép rồi');
    expect(chat.text()).not.toMatch(/phường\/xã nào/);
    expect((await chat.app.store.records.listChecks()).map((c) => c.locality)).toEqual(['Phường Kiến An', 'Phường Kiến An']);
  });

  it('"có" after consent answers the follow-up question, not the locality one', async () => {
    const chat = await consented();
    await chat.user('có');
    chat.expectBot(/Mình sẽ nhắc bạn/);
    expect(await chat.app.store.records.getPerson(chat.address)).toMatchObject({ locality: null });
  });

  it('an ambiguous name offers the three likeliest as buttons', async () => {
    const chat = await consented();
    await chat.user('kiến');
    chat.expectBot(/Có mấy nơi tên gần giống/).withChoices(['Phường Kiến An', 'Xã Kiến Thụy', 'Xã Kiến Minh', 'Bỏ qua']);
    await chat.choose('Xã Kiến Thụy');
    chat.expectBot('mình đã ghi nhận: Xã Kiến Thụy');
    expect(await chat.app.store.records.getPerson(chat.address)).toMatchObject({ locality: 'Xã Kiến Thụy' });
  });

  it('an unknown place stores nothing, says it is fine and goes on', async () => {
    const chat = await consented();
    await chat.user('Ba Đình');
    chat.expectBot('không sao cả');
    chat.expectBot(/nhắc bạn đăng ký/);
    expect(await chat.app.store.records.getPerson(chat.address)).toMatchObject({ locality: null });
    expect(JSON.stringify(chat.app.store.db.prepare('SELECT * FROM people').all())).not.toMatch(/Ba Đình|ba dinh/i);
  });

  it('"bỏ qua" (typed, or the button of the ambiguous question) skips it', async () => {
    const chat = await consented();
    await chat.user('bỏ qua');
    chat.expectBot('mình bỏ qua câu này');
    const other = await consented('binh');
    await other.user('kiến');
    await other.choose('Bỏ qua');
    other.expectBot('mình bỏ qua câu này');
    expect(await other.app.store.records.getPerson(other.address)).toMatchObject({ locality: null });
  });

  it('a question typed instead is answered as usual, and the locality question is closed', async () => {
    const chat = await consented();
    await chat.user('hết 2 năm thì mất phí bao nhiêu');
    chat.expectBot(/50\.000/);
    await chat.user('Kiến An');
    expect(await chat.app.store.records.getPerson(chat.address)).toMatchObject({ locality: null });
  });

  it('is not asked without consent', async () => {
    const chat = conversation();
    await chat.user('em sinh 15/3/2006');
    await chat.choose('Không lưu');
    expect(chat.text()).not.toMatch(/phường\/xã nào/);
    await chat.user('Kiến An');
    expect(await chat.app.store.records.getPerson(chat.address)).toBeUndefined();
  });

  it('deleting the data deletes the locality with the person', async () => {
    const app = createTestApp();
    const chat = conversation({ app });
    await chat.user('em sinh 15/3/2006');
    await chat.choose('Đồng ý lưu');
    await chat.user('Kiến An');
    await chat.user('/deletedata');
    await chat.choose(/^Xóa/);
    expect(await app.store.records.getPerson(chat.address)).toBeUndefined();
  });
});
