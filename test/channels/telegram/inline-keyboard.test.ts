import { describe, expect, it } from 'vitest';
import { toInlineKeyboard } from '../../../src/channels/telegram/inline-keyboard.js';

describe('toInlineKeyboard', () => {
  it('puts one long-labelled choice per row', () => {
    expect(toInlineKeyboard([{ id: 'only', label: 'Tôi muốn kiểm tra điều kiện' }]).inline_keyboard).toEqual([
      [{ text: 'Tôi muốn kiểm tra điều kiện', callback_data: 'only' }],
    ]);
  });

  it('refuses callback_data over 64 bytes with a message that names the fix', () => {
    expect(() => toInlineKeyboard([{ id: 'đ'.repeat(33), label: 'x' }])).toThrow(/66 bytes.*Shorten the id/);
  });
});
