import type { Message, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { isAddressedToBot } from '../../../src/channels/telegram/group-chat.js';

describe('isAddressedToBot', () => {
  it('treats a reply to the bot in a group as addressed to it', () => {
    const me = { id: 1, username: 'tenmien_test_bot' } as UserFromGetMe;
    const base = { message_id: 2, date: 0, chat: { id: -1, type: 'group', title: 'g' } };
    expect(isAddressedToBot({ ...base, text: 'ok', reply_to_message: { ...base, from: { id: 1 } } } as Message, me)).toBe(true);
    expect(isAddressedToBot({ ...base, text: 'ok' } as Message, me)).toBe(false);
  });
});
