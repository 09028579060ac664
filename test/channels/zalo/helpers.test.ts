import { describe, expect, it } from 'vitest';
import { fileNameFor, pngSize } from '../../../src/channels/zalo/attachment.js';
import { backoffDelay } from '../../../src/channels/shared/backoff.js';
import { createRecentIds } from '../../../src/channels/shared/recent-ids.js';

describe('recent ids (redelivery memory)', () => {
  it('remembers ids for the TTL, then forgets them', () => {
    let now = 0;
    const recent = createRecentIds({ max: 100, ttlMs: 1_000, now: () => now });
    expect(recent.seen(['m:1', 'c:u:1'])).toBe(false);
    expect(recent.seen(['m:1'])).toBe(true);
    expect(recent.seen(['m:2', 'c:u:1'])).toBe(true); // same cliMsgId from the same sender
    now = 1_000;
    expect(recent.seen(['m:1'])).toBe(false);
  });

  it('stays bounded: the oldest ids go first', () => {
    const recent = createRecentIds({ max: 3, ttlMs: 60_000, now: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) recent.seen([id]);
    expect(recent.size).toBe(3);
    expect(recent.seen(['a'])).toBe(false);
    expect(recent.seen(['d'])).toBe(true);
  });
});

describe('back-off', () => {
  it('doubles up to the cap, with jitter between half and the full delay', () => {
    const options = { initialMs: 1_000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 40].map((n) => backoffDelay(n, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(backoffDelay(3, options, () => 0)).toBe(2_000);
  });
});

describe('attachments', () => {
  it('gives zca-js a file name with an extension and reads PNG dimensions', () => {
    expect(fileNameFor('ma-gioi-thieu', 'image/png')).toBe('ma-gioi-thieu.png');
    expect(fileNameFor('bao-cao.xlsx', 'application/octet-stream')).toBe('bao-cao.xlsx');
    expect(fileNameFor('', 'application/x-unknown')).toBe('file.bin');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 44, 0, 0, 0, 200]);
    expect(pngSize(png)).toEqual({ width: 300, height: 200 });
    expect(pngSize(Uint8Array.from([1, 2, 3]))).toBeUndefined();
  });
});
