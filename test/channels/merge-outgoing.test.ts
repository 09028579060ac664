import { describe, expect, it } from 'vitest';
import { mergeOutgoing } from '../../src/channels/merge-outgoing.js';

describe('joining a turn\'s replies into fewer chat messages', () => {
  it('joins plain replies and keeps the choices on the last one', () => {
    const merged = mergeOutgoing([{ text: 'Kết quả' }, { text: 'Các bước' }, { text: 'Đồng ý?', choices: [{ id: 'consent:yes', label: 'Có' }] }], 4096);
    expect(merged).toEqual([{ text: 'Kết quả\n\nCác bước\n\nĐồng ý?', choices: [{ id: 'consent:yes', label: 'Có' }] }]);
  });

  it('never joins after a reply with choices, across an attachment, or past the limit', () => {
    const image = { kind: 'image' as const, name: 'qr.png', mime: 'image/png', data: new Uint8Array() };
    expect(mergeOutgoing([{ text: 'a', choices: [{ id: 'x', label: 'X' }] }, { text: 'b' }], 100)).toHaveLength(2);
    expect(mergeOutgoing([{ text: 'a', attachment: image }, { text: 'b' }], 100)).toHaveLength(2);
    expect(mergeOutgoing([{ text: 'a'.repeat(60) }, { text: 'b'.repeat(60) }], 100)).toHaveLength(2);
  });
});
