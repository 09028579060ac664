/**
 * Issue #18, item 13: a consent button pressed when no result is waiting
 * (an old message, a second tap) must not claim "Mình đã lưu kết quả" or ask
 * for the ward: nothing was stored. It says the question has expired and
 * shows the menu.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

describe('a consent button that no longer applies (issue #18)', () => {
  it('pressed with nothing pending: "expired" and the menu, nothing stored, no ward question', async () => {
    chat = conversation();
    await chat.user('xin chào');
    for (const id of ['consent:yes', 'consent:no']) {
      chat.last = await chat.app.replies({ from: chat.address, choice: id }); // an old message's button
      chat.expectBot(/hết hạn.*không lưu gì/);
      expect(chat.text()).not.toMatch(/đã lưu kết quả|phường|xã nào|không lưu thông tin của bạn, chỉ đếm/i);
      expect(chat.lastChoices().map((c) => c.id)).toContain('check:idvn');
    }
    expect(await chat.app.store.records.getPerson(chat.address)).toBeUndefined();
    expect(await chat.app.store.records.listChecks()).toEqual([]);
  });

  it('a second tap on "Đồng ý lưu" stores nothing twice and says the question has expired', async () => {
    chat = conversation();
    await chat.user('tôi 20 tuổi, có được id.vn không');
    const consentTurn = chat.lastChoices();
    await chat.choose('Đồng ý lưu');
    chat.expectBot(/đã lưu kết quả/);
    const yes = consentTurn.find((c) => c.id === 'consent:yes');
    chat.last = await chat.app.replies({ from: chat.address, choice: yes!.id });
    chat.expectBot(/hết hạn/);
    expect(chat.text()).not.toMatch(/đã lưu kết quả/);
    expect(await chat.app.store.records.listChecks()).toHaveLength(1);
  });
});
