import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { foldDiacritics, understand } from '../../../src/core/nlu/index.js';
import { PHRASINGS } from './phrasings.js';

describe('performance', () => {
  it('classifies 10,000 varied messages in under a second (best of 3 runs)', () => {
    const base = Object.values(PHRASINGS).flat();
    const texts = Array.from({ length: 10_000 }, (_, i) => {
      const text = base[i % base.length] ?? '';
      return i % 3 === 0 ? foldDiacritics(text) : i % 3 === 1 ? `${text} ${i}` : text;
    });
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      for (const text of texts) understand(text, '2026-11-23');
      best = Math.min(best, performance.now() - start);
    }
    expect(best).toBeLessThan(1000);
  });
});
