import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/channels/shared/split-text.js';

describe('splitText (Telegram 4,096, Zalo 2,000)', () => {
  it('keeps short text whole and drops blank text', () => {
    expect(splitText('Xin chào', 4096)).toEqual(['Xin chào']);
    expect(splitText('  \n ', 4096)).toEqual([]);
  });

  it('prefers a paragraph break, then a line break, then a space', () => {
    expect(splitText('aaaa bbbb\n\ncccc dd', 12)).toEqual(['aaaa bbbb', 'cccc dd']);
    expect(splitText('aaaa bbbb\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitText('aaaa bbbb cccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('prefers a sentence end to a plain space', () => {
    expect(splitText('Một câu ngắn. Câu nữa dài hơn', 20)).toEqual(['Một câu ngắn.', 'Câu nữa dài hơn']);
  });

  it('cuts a word with no spaces hard, but never inside a surrogate pair', () => {
    expect(splitText('x'.repeat(10), 4)).toEqual(['xxxx', 'xxxx', 'xx']);
    expect(splitText('abc😀def', 4)).toEqual(['abc', '😀de', 'f']);
  });

  it('property: every piece fits, and the pieces keep every non-space character in order', () => {
    const chars = fc.constantFrom('a', 'ă', 'đ', ' ', '\n', '😀', 'x', '<', '&');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 400 }).map((a) => a.join('')), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const pieces = splitText(text, max);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece.trim().length).toBeGreaterThan(0);
        }
        expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});
