/**
 * A multinomial logistic-regression intent classifier over sparse binary features
 * (features.ts), trained by a few epochs of plain SGD on a labelled corpus. Training is
 * deterministic: examples are shuffled with a fixed-seed generator, so the same corpus
 * always gives the same weights. Feature vectors are L2-normalised; only features seen in
 * training get a column, so an unseen word costs nothing.
 */
import { INTENTS, type Intent } from './types.js';

export type Labelled = { readonly features: readonly number[]; readonly intent: Intent };

export type IntentModel = {
  /** Feature hash → column, for the features seen in training. */
  readonly vocabulary: ReadonlyMap<number, number>;
  readonly index: FeatureIndex;
  /** Row-major: weights[feature * INTENTS.length + intent]. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
};

export type TrainOptions = { epochs?: number; rate?: number; decay?: number; seed?: number };

const K = INTENTS.length;
const INDEX = new Map<Intent, number>(INTENTS.map((intent, i) => [intent, i]));

/** mulberry32: a small, fast, seeded generator (deterministic shuffles). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Feature hash → column, as an open-addressing table (faster than a Map for the ~60
 * look-ups each message needs). Built once after training.
 */
export type FeatureIndex = { readonly keys: Int32Array; readonly columns: Int32Array; readonly mask: number };

function buildIndex(vocabulary: ReadonlyMap<number, number>): FeatureIndex {
  let size = 16;
  while (size < vocabulary.size * 2) size *= 2;
  const keys = new Int32Array(size);
  const columns = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (const [feature, column] of vocabulary) {
    let slot = Math.imul(feature, 0x9e3779b1) >>> 0 & mask;
    while ((columns[slot] as number) >= 0) slot = (slot + 1) & mask;
    keys[slot] = feature | 0;
    columns[slot] = column;
  }
  return { keys, columns, mask };
}

function lookup(index: FeatureIndex, feature: number): number {
  const key = feature | 0;
  let slot = Math.imul(feature, 0x9e3779b1) >>> 0 & index.mask;
  for (;;) {
    const column = index.columns[slot] as number;
    if (column < 0) return -1;
    if (index.keys[slot] === key) return column;
    slot = (slot + 1) & index.mask;
  }
}

/** Distinct known feature columns of one message (sorted; duplicates dropped). */
function columns(index: FeatureIndex, features: readonly number[]): Int32Array {
  const found = new Int32Array(features.length);
  let count = 0;
  for (const feature of features) {
    const column = lookup(index, feature);
    if (column >= 0) found[count++] = column;
  }
  const sorted = found.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i] as number;
  return sorted.subarray(0, unique);
}

/** Softmax over the linear scores of `cols` (each with value `value`), written into `out`. */
function probabilities(model: IntentModel, cols: Int32Array, value: number, out: Float64Array): void {
  const { weights, bias } = model;
  for (let k = 0; k < K; k++) out[k] = bias[k] as number;
  for (const col of cols) {
    const base = col * K;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (weights[base + k] as number) * value;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, out[k] as number);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp((out[k] as number) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < K; k++) out[k] = (out[k] as number) / sum;
}

export function trainIntentModel(examples: readonly Labelled[], options: TrainOptions = {}): IntentModel {
  const { epochs = 10, rate = 5, decay = 1e-5, seed = 20261123 } = options;
  const vocabulary = new Map<number, number>();
  for (const ex of examples) for (const f of ex.features) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
  const index = buildIndex(vocabulary);
  const model: IntentModel = { vocabulary, index, weights: new Float32Array(vocabulary.size * K), bias: new Float32Array(K) };
  const rows = examples.map((ex) => ({ cols: columns(index, ex.features), label: INDEX.get(ex.intent) ?? 0 }));
  const order = rows.map((_, i) => i);
  const next = random(seed);
  const p = new Float64Array(K);
  const { weights, bias } = model;
  let step = 0;
  const total = Math.max(1, epochs * rows.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = order[i] as number;
      order[i] = order[j] as number;
      order[j] = swap;
    }
    for (const index of order) {
      const row = rows[index];
      if (row === undefined || row.cols.length === 0) continue;
      const value = 1 / Math.sqrt(row.cols.length);
      probabilities(model, row.cols, value, p);
      const lr = rate * (1 - step++ / total) + 0.01;
      const shrink = 1 - lr * decay;
      for (let k = 0; k < K; k++) {
        const g = (p[k] as number) - (k === row.label ? 1 : 0);
        bias[k] = (bias[k] as number) - lr * g * 0.1;
        p[k] = lr * g * value;
      }
      for (const col of row.cols) {
        const base = col * K;
        for (let k = 0; k < K; k++) weights[base + k] = (weights[base + k] as number) * shrink - (p[k] as number);
      }
    }
  }
  return model;
}

/** Probability of every intent (in INTENTS order) for one message's features. */
export function predictIntent(model: IntentModel, features: readonly number[]): Float64Array {
  const out = new Float64Array(K);
  const cols = columns(model.index, features);
  if (cols.length === 0) {
    out.fill(0);
    out[INDEX.get('out_of_scope') ?? 0] = 1;
    return out;
  }
  probabilities(model, cols, 1 / Math.sqrt(cols.length), out);
  return out;
}
