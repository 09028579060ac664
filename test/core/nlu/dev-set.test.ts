/**
 * Regression guard on the labelled dev set (../shared/eval/nlu-dev.jsonl): the same
 * thresholds `npm run eval:nlu` reports against, for the lexicons alone and for the app's
 * understanding (lexicons blended with the classifier trained from data/nlu).
 * Skipped when the shared folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { understand as lexiconOnly } from '../../../src/core/nlu/index.js';
import { understand as app } from '../../../src/nlu-corpus.js';
import type { Entities } from '../../../src/core/nlu/types.js';

const DEV_SET = new URL('../../../../shared/eval/nlu-dev.jsonl', import.meta.url);
const TODAY = '2026-11-23';

type Example = { text: string; intent: string; entities?: Entities };
const canonical = (e: Entities): string => JSON.stringify(Object.fromEntries(Object.entries(e).sort()));

describe.skipIf(!existsSync(DEV_SET))('dev set', () => {
  const examples = (existsSync(DEV_SET) ? readFileSync(DEV_SET, 'utf8') : '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Example);

  it.each([
    ['the lexicons alone', lexiconOnly],
    ['the app (lexicons + classifier)', app],
  ])('%s: intent accuracy ≥ 0.95 and entity exact-match ≥ 0.95', (_, understand) => {
    let intents = 0;
    let entities = 0;
    for (const ex of examples) {
      const u = understand(ex.text, TODAY);
      if (u.intent === ex.intent) intents++;
      if (canonical(u.entities) === canonical(ex.entities ?? {})) entities++;
    }
    expect(intents / examples.length).toBeGreaterThanOrEqual(0.95);
    expect(entities / examples.length).toBeGreaterThanOrEqual(0.95);
  });
});
