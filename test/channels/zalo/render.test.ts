import { describe, expect, it } from 'vitest';
import { choicePrompt, renderOutgoing, ZALO_MAX_TEXT } from '../../../src/channels/shared/numbered-choices.js';
import { splitText } from '../../../src/channels/shared/split-text.js';
import { i18n } from './kit.js';

const prompt = (count: number) => choicePrompt(i18n.t, 'vi', count);

describe('numbered choices', () => {
  it('lists choices as "1. …" lines under the text, then asks for the number in Vietnamese', () => {
    const [text] = renderOutgoing(
      {
        text: 'Bạn muốn kiểm tra gì?',
        choices: [
          { id: 'idvn', label: 'Kiểm tra id.vn' },
          { id: 'bizvn', label: 'Kiểm tra biz.vn' },
          { id: 'more', label: 'Câu hỏi khác' },
        ],
      },
      prompt,
    );
    expect(text).toBe('Bạn muốn kiểm tra gì?\n\n1. Kiểm tra id.vn\n2. Kiểm tra biz.vn\n3. Câu hỏi khác\n\nBạn nhắn 1, 2 hoặc 3 để chọn nhé.');
  });

  it.each([
    [1, 'Bạn nhắn 1 để chọn nhé.', 'Reply 1 to choose.'],
    [2, 'Bạn nhắn 1 hoặc 2 để chọn nhé.', 'Reply 1 or 2.'],
    [3, 'Bạn nhắn 1, 2 hoặc 3 để chọn nhé.', 'Reply 1, 2 or 3.'],
    [4, 'Bạn nhắn 1, 2, 3 hoặc 4 để chọn nhé.', 'Reply 1, 2, 3 or 4.'],
    [7, 'Bạn nhắn một số từ 1 đến 7 để chọn nhé.', 'Reply with a number from 1 to 7.'],
  ])('%i choice(s): the prompt reads naturally in vi and en', (count, vi, en) => {
    expect(choicePrompt(i18n.t, 'vi', count)).toBe(vi);
    expect(choicePrompt(i18n.t, 'en', count)).toBe(en);
  });

  it('leaves a reply without choices as it is', () => {
    expect(renderOutgoing({ text: 'Chào bạn!' }, prompt)).toEqual(['Chào bạn!']);
  });
});

describe('long texts', () => {
  it(`splits above ${ZALO_MAX_TEXT} characters at paragraph breaks, keeping every word`, () => {
    const paragraph = 'Tên miền id.vn miễn phí hai năm cho bạn trẻ. '.repeat(30).trim();
    const text = [paragraph, paragraph, paragraph].join('\n\n');
    const chunks = splitText(text, ZALO_MAX_TEXT);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(ZALO_MAX_TEXT);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('cuts a word only when it alone is too long, and never inside an emoji', () => {
    const chunks = splitText(`${'a'.repeat(9)}😀${'b'.repeat(5)}`, 10);
    expect(chunks[0]).toBe('a'.repeat(9));
    expect(chunks.join('')).toBe(`${'a'.repeat(9)}😀${'b'.repeat(5)}`);
  });

  it('keeps the numbered choices with their prompt when the text before them is long', () => {
    const chunks = renderOutgoing({ text: 'x '.repeat(1500).trim(), choices: [{ id: 'a', label: 'Có' }, { id: 'b', label: 'Không' }] }, prompt);
    expect(chunks.at(-1)).toMatch(/1\. Có\n2\. Không\n\nBạn nhắn 1 hoặc 2 để chọn nhé\.$/);
  });
});
