import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choice, type Text } from '../../src/core/message.js';
import { fold, resolveTypedChoice } from '../../src/core/choices.js';

const labels: Record<string, string> = { 'a.one': 'Doanh nghiệp (công ty)', 'a.two': 'Hộ kinh doanh', 'a.three': 'Chưa đăng ký kinh doanh' };
const label = (t: Text) => labels[t.key] ?? t.key;
const offered = [choice('biz:enterprise', 'a.one'), choice('biz:household', 'a.two'), choice('biz:none', 'a.three')];
const resolve = (typed: string) => resolveTypedChoice(typed, offered, 'vi', label)?.id;

describe('typed answers to offered choices', () => {
  it('takes a number, "số 2", or the label with or without diacritics', () => {
    expect(resolve('1')).toBe('biz:enterprise');
    expect(resolve('số 2')).toBe('biz:household');
    expect(resolve(' 3. ')).toBe('biz:none');
    expect(resolve('ho kinh doanh')).toBe('biz:household');
    expect(resolve('HỘ KINH DOANH')).toBe('biz:household');
    expect(resolve('doanh nghiep')).toBe('biz:enterprise');
  });

  it('ignores numbers out of range and unrelated text', () => {
    expect(resolve('7')).toBeUndefined();
    expect(resolve('0')).toBeUndefined();
    expect(resolve('tôi 20 tuổi')).toBeUndefined();
  });

  it('rejects a choice id that would not fit Telegram callback_data', () => {
    expect(() => choice('x'.repeat(65), 'a.one')).toThrow(/64/);
  });

  it('folding is idempotent and never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fold(fold(s)) === fold(s)));
  });
});
