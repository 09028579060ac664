import { describe, expect, it } from 'vitest';
import { localeOf, stripOwnMention } from '../../../src/channels/telegram/to-input.js';

describe('telegram text helpers', () => {
  it('drops only our own @botname from a leading command', () => {
    expect(stripOwnMention('/start@TenMien_Test_Bot ref1', 'tenmien_test_bot')).toBe('/start ref1');
    expect(stripOwnMention('/start@other_bot', 'tenmien_test_bot')).toBe('/start@other_bot');
    expect(stripOwnMention('hỏi @tenmien_test_bot', 'tenmien_test_bot')).toBe('hỏi @tenmien_test_bot');
  });

  it('uses English notices for en* language codes and Vietnamese otherwise', () => {
    expect([localeOf('en'), localeOf('en-GB'), localeOf('vi'), localeOf('fr'), localeOf(undefined)]).toEqual(['en', 'en', 'vi', 'vi', 'vi']);
  });
});
