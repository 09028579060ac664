import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { foldDiacritics, understand } from '../../../src/core/nlu/index.js';
import { understand as app } from '../../../src/nlu-corpus.js';
import { PHRASINGS } from './phrasings.js';

const base = Object.values(PHRASINGS).flat();
const texts = Array.from({ length: 10_000 }, (_, i) => {
  const text = base[i % base.length] ?? '';
  return i % 3 === 0 ? foldDiacritics(text) : i % 3 === 1 ? `${text} ${i}` : text;
});

function bestOf3(run: (text: string, today: string) => unknown): number {
  run('xin chào', '2026-11-23'); // the app trains its classifier on first use: not part of the timing
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (const text of texts) run(text, '2026-11-23');
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('performance', () => {
  it('the lexicons alone classify 10,000 varied messages in under a second (best of 3 runs)', () => {
    expect(bestOf3(understand)).toBeLessThan(1000);
  });

  // The app's ≥ 10,000 msgs/s is measured on a quiet machine by `npm run eval:nlu` and the
  // bench (nlu.messages_per_second); here, under the suite's parallel load, the bar only
  // catches a gross regression of the classifier (features, look-ups, blend).
  it('the app (lexicons + classifier) classifies 10,000 varied messages in under two seconds', () => {
    expect(bestOf3(app)).toBeLessThan(2000);
  });
});
