/**
 * `npm run eval:nlu [-- path/to/set.jsonl]`: intent accuracy, per-intent precision/recall,
 * entity exact-match accuracy, the confusions, and the time to classify 10,000 messages.
 * Default set: /work/shared/eval/nlu-dev.jsonl (../shared/eval from the repo root).
 * Reference date 2026-11-23 (the set's relative phrases, two-digit years and "this year").
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { foldDiacritics, understand } from '../src/core/nlu/index.js';
import { INTENTS, type Entities, type Intent } from '../src/core/nlu/types.js';

const TODAY = '2026-11-23';
type Example = { text: string; intent: Intent; entities: Entities };

function load(path: string | URL): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const raw = JSON.parse(line) as { text?: unknown; intent?: unknown; entities?: Entities };
      if (typeof raw.text !== 'string' || !INTENTS.includes(raw.intent as Intent)) {
        throw new Error(`${String(path)} line ${i + 1}: expected {"text": "...", "intent": "<one of INTENTS>"}`);
      }
      return { text: raw.text, intent: raw.intent as Intent, entities: raw.entities ?? {} };
    });
}

const canonical = (e: Entities): string => JSON.stringify(Object.fromEntries(Object.entries(e).sort()));
const pct = (x: number): string => x.toFixed(3);

function evaluate(examples: readonly Example[]): void {
  let intentHits = 0;
  let entityHits = 0;
  const confusions: string[] = [];
  const entityMisses: string[] = [];
  const counts = new Map<Intent, { tp: number; fp: number; fn: number }>();
  const count = (intent: Intent): { tp: number; fp: number; fn: number } => {
    const found = counts.get(intent) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(intent, found);
    return found;
  };
  for (const ex of examples) {
    const got = understand(ex.text, TODAY);
    if (got.intent === ex.intent) {
      intentHits++;
      count(ex.intent).tp++;
    } else {
      count(ex.intent).fn++;
      count(got.intent).fp++;
      confusions.push(`  ${ex.intent} → ${got.intent} (${got.confidence})  ${JSON.stringify(ex.text)}`);
    }
    if (canonical(got.entities) === canonical(ex.entities)) entityHits++;
    else entityMisses.push(`  ${JSON.stringify(ex.text)}  expected ${canonical(ex.entities)} got ${canonical(got.entities)}`);
  }
  console.log('Per intent (precision / recall / support):');
  for (const intent of INTENTS) {
    const c = count(intent);
    const support = c.tp + c.fn;
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = support === 0 ? 1 : c.tp / support;
    console.log(`  ${intent.padEnd(16)} ${pct(precision)}  ${pct(recall)}  ${support}`);
  }
  console.log(`\nConfusions (expected → got):\n${confusions.join('\n') || '  none'}`);
  console.log(`\nEntity mismatches:\n${entityMisses.join('\n') || '  none'}`);
  console.log(`\nMessages: ${examples.length}`);
  console.log(`Intent accuracy:        ${pct(intentHits / examples.length)} (${intentHits}/${examples.length})`);
  console.log(`Entity exact-match:     ${pct(entityHits / examples.length)} (${entityHits}/${examples.length})`);
}

/** 10,000 varied messages: the set's texts, folded or not, with a number or a letter changed. */
function benchmark(examples: readonly Example[]): void {
  const texts: string[] = [];
  for (let i = 0; texts.length < 10_000; i++) {
    const base = examples[i % examples.length]?.text ?? '';
    const variant = i % 4 === 1 ? foldDiacritics(base) : i % 4 === 2 ? `${base} ${i}` : i % 4 === 3 ? base.slice(1) : base;
    texts.push(variant);
  }
  const start = performance.now();
  for (const text of texts) understand(text, TODAY);
  const ms = performance.now() - start;
  console.log(`10,000 classifications: ${ms.toFixed(0)} ms (${Math.round(10_000 / (ms / 1000)).toLocaleString('en')} msgs/s)`);
}

const path = process.argv[2] ?? new URL('../../shared/eval/nlu-dev.jsonl', import.meta.url);
const examples = load(path);
evaluate(examples);
benchmark(examples);
