/**
 * `npm run eval:nlu [-- path/to/set.jsonl …] [--verbose]`: how well free-text understanding
 * generalises. Trains the classifier from data/nlu (never from heldout.jsonl), then for the
 * held-out corpus part and ../shared/eval/nlu-dev.jsonl (skipped when absent), or the files
 * given: intent accuracy, entity exact-match, per-intent precision/recall, the worst
 * confusions, and lexicon-only / classifier-only / blended accuracy side by side. Then the
 * training time and the rate of `understand` over 10,000 varied messages.
 * Reference date 2026-11-23 (the sets' relative phrases, two-digit years and "this year").
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createUnderstand, DEFAULT_BLEND, foldDiacritics, trainFromCorpus, type BlendOptions } from '../src/core/nlu/index.js';
import { INTENTS, type Entities, type Intent, type Understand } from '../src/core/nlu/types.js';
import { CORPUS_DIR, HELDOUT_FILE, loadTrainingCorpus, readCorpusFile, type LabelledLine } from '../src/nlu-corpus.js';

const TODAY = '2026-11-23';
const DEV_SET = new URL('../../shared/eval/nlu-dev.jsonl', import.meta.url).pathname;
const verbose = process.argv.includes('--verbose');
const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const canonical = (e: Entities): string => JSON.stringify(Object.fromEntries(Object.entries(e).sort()));
const pct = (x: number): string => x.toFixed(3);
const accuracy = (u: Understand, set: readonly LabelledLine[]): number =>
  set.filter((ex) => u(ex.text, TODAY).intent === ex.intent).length / Math.max(1, set.length);

function evaluate(name: string, examples: readonly LabelledLine[], understand: Understand): void {
  let intentHits = 0;
  let entityHits = 0;
  const misses: string[] = [];
  const entityMisses: string[] = [];
  const counts = new Map<Intent, { tp: number; fp: number; fn: number }>(INTENTS.map((i) => [i, { tp: 0, fp: 0, fn: 0 }]));
  const pairs = new Map<string, number>();
  for (const ex of examples) {
    const got = understand(ex.text, TODAY);
    const expected = counts.get(ex.intent);
    const actual = counts.get(got.intent);
    if (expected === undefined || actual === undefined) continue;
    if (got.intent === ex.intent) {
      intentHits++;
      expected.tp++;
    } else {
      expected.fn++;
      actual.fp++;
      const pair = `${ex.intent} → ${got.intent}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      misses.push(`  ${pair} (${got.confidence})  ${JSON.stringify(ex.text)}`);
    }
    if (canonical(got.entities) === canonical(ex.entities)) entityHits++;
    else entityMisses.push(`  ${JSON.stringify(ex.text)}  expected ${canonical(ex.entities)} got ${canonical(got.entities)}`);
  }
  console.log(`\n=== ${name}: ${examples.length} messages ===`);
  const rows = INTENTS.map((intent) => {
    const c = counts.get(intent) ?? { tp: 0, fp: 0, fn: 0 };
    const support = c.tp + c.fn;
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = support === 0 ? 1 : c.tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, precision, recall, f1, support };
  });
  console.log('Worst intents (F1; precision / recall / support):');
  for (const r of [...rows].sort((a, b) => a.f1 - b.f1).slice(0, 6)) {
    console.log(`  ${r.intent.padEnd(16)} ${pct(r.f1)}  ${pct(r.precision)} / ${pct(r.recall)} / ${r.support}`);
  }
  const top = [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`Most frequent confusions (expected → got):\n${top.map(([p, n]) => `  ${n} × ${p}`).join('\n') || '  none'}`);
  if (verbose) {
    console.log(`Every intent miss:\n${misses.join('\n') || '  none'}`);
    console.log(`Every entity mismatch:\n${entityMisses.join('\n') || '  none'}`);
  }
  console.log(`Intent accuracy:    ${pct(intentHits / examples.length)} (${intentHits}/${examples.length})`);
  console.log(`Entity exact-match: ${pct(entityHits / examples.length)} (${entityHits}/${examples.length})`);
}

/** Lexicon alone, classifier alone and the blend actually used, on the same messages. */
function compare(examples: readonly LabelledLine[], model: ReturnType<typeof trainFromCorpus>): void {
  const modes: readonly [string, BlendOptions][] = [
    ['lexicon only', { ...DEFAULT_BLEND, mode: 'lexicon' }],
    ['classifier only', { ...DEFAULT_BLEND, mode: 'classifier' }],
    ['lexicon when sure (≥ 0.6), else classifier', { ...DEFAULT_BLEND, mode: 'fallback', sure: 0.6 }],
    ['sum, classifier weight 0.5', { ...DEFAULT_BLEND, mode: 'sum', weight: 0.5 }],
    [`sum, classifier weight ${DEFAULT_BLEND.weight} (used)`, DEFAULT_BLEND],
  ];
  console.log('Intent accuracy by combination:');
  for (const [label, blend] of modes) console.log(`  ${pct(accuracy(createUnderstand(model, blend), examples))}  ${label}`);
}

/** 10,000 varied messages: the sets' texts, folded or not, with a number or a letter changed. */
function benchmark(examples: readonly LabelledLine[], understand: Understand): void {
  const texts: string[] = [];
  for (let i = 0; texts.length < 10_000; i++) {
    const base = examples[i % examples.length]?.text ?? '';
    const variant = i % 4 === 1 ? foldDiacritics(base) : i % 4 === 2 ? `${base} ${i}` : i % 4 === 3 ? base.slice(1) : base;
    texts.push(variant);
  }
  const rate = (run: Understand): string => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      for (const text of texts) run(text, TODAY);
      best = Math.min(best, performance.now() - start);
    }
    return `${best.toFixed(0)} ms (${Math.round(10_000 / (best / 1000)).toLocaleString('en')} msgs/s)`;
  };
  console.log(`\n10,000 classifications, best of 3: ${rate(understand)}`);
  console.log(`  the same with the lexicons alone: ${rate(createUnderstand())} (for comparison on a busy machine)`);
}

const started = performance.now();
const cpu = process.cpuUsage();
const corpus = loadTrainingCorpus();
const model = trainFromCorpus(corpus);
const trainMs = performance.now() - started;
const trainCpu = process.cpuUsage(cpu);
const understand = createUnderstand(model);
const perIntent = INTENTS.map((i) => `${i} ${corpus.filter((l) => l.intent === i).length}`).join(', ');
console.log(
  `Trained on ${corpus.length} lines of ${CORPUS_DIR} in ${trainMs.toFixed(0)} ms ` +
    `(CPU ${((trainCpu.user + trainCpu.system) / 1000).toFixed(0)} ms; ${model.vocabulary.size} features).`,
);
console.log(`Per intent: ${perIntent}`);

const sets: [string, LabelledLine[]][] =
  given.length > 0
    ? given.map((path) => [path, readCorpusFile(path)])
    : [
        [`held-out (data/nlu/${HELDOUT_FILE})`, readCorpusFile(`${CORPUS_DIR}/${HELDOUT_FILE}`)],
        ...(existsSync(DEV_SET) ? [['dev set (../shared/eval/nlu-dev.jsonl)', readCorpusFile(DEV_SET)] as [string, LabelledLine[]]] : []),
      ];
if (given.length === 0 && !existsSync(DEV_SET)) console.log(`\n(dev set ${DEV_SET} not found: skipped)`);
for (const [name, examples] of sets) {
  evaluate(name, examples, understand);
  compare(examples, model);
}
benchmark(sets.flatMap(([, examples]) => examples), understand);
