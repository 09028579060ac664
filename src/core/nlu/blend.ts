/**
 * Blends the lexicon's decision with the classifier's probabilities. The lexicon's raw
 * scores become a distribution by a softmax in which out_of_scope competes with the
 * lexicon's own threshold; the blend is a weighted sum of the two distributions. Other modes
 * exist to measure the choice (`npm run eval:nlu` compares them on the held-out corpus).
 */
import { decideIntent, LIGHT, THRESHOLD, type IntentScore } from './intents.js';
import { INTENTS, type Intent } from './types.js';

export type BlendMode = 'lexicon' | 'classifier' | 'sum' | 'fallback';
export type BlendOptions = {
  readonly mode: BlendMode;
  /** 'sum': the classifier's share (0..1). */
  readonly weight: number;
  /** Softmax temperature over the lexicon's raw scores. */
  readonly temperature: number;
  /** 'fallback': the lexicon decides when at least this sure. */
  readonly sure: number;
};

export const DEFAULT_BLEND: BlendOptions = { mode: 'sum', weight: 0.7, temperature: 1.5, sure: 0.6 };

const K = INTENTS.length;
const OUT = INTENTS.indexOf('out_of_scope');
const round = (x: number): number => Math.round(Math.min(0.99, Math.max(0.05, x)) * 1000) / 1000;

/** The lexicon's scores as probabilities (INTENTS order). */
export function lexicalDistribution(scores: ReadonlyMap<Intent, number>, temperature: number): Float64Array {
  const out = new Float64Array(K);
  const light = [...scores].some(([intent, score]) => LIGHT.has(intent) && score > 0);
  out[OUT] = Math.max(scores.get('out_of_scope') ?? 0, light ? THRESHOLD / 2 : THRESHOLD) / temperature;
  let max = out[OUT] ?? 0;
  for (const [intent, score] of scores) {
    if (score <= 0 || intent === 'out_of_scope') continue;
    const i = INTENTS.indexOf(intent);
    out[i] = score / temperature;
    max = Math.max(max, out[i] ?? 0);
  }
  let sum = 0;
  for (let i = 0; i < K; i++) {
    const present = i === OUT || (scores.get(INTENTS[i] ?? 'out_of_scope') ?? 0) > 0;
    const e = present ? Math.exp((out[i] ?? 0) - max) : 0;
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < K; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

function ranked(p: Float64Array): IntentScore {
  const order = INTENTS.map((intent, i) => ({ intent, p: p[i] ?? 0 })).sort((a, b) => b.p - a.p);
  const best = order[0] ?? { intent: 'out_of_scope' as const, p: 0 };
  const alternatives = order
    .slice(1)
    .filter((x) => x.intent !== 'out_of_scope' && x.p >= 0.02)
    .slice(0, 3)
    .map((x) => x.intent);
  return { intent: best.intent, confidence: round(best.p), alternatives };
}

/** The intent, a 0..1 confidence and the runners-up from both sources. */
export function blendIntent(
  scores: ReadonlyMap<Intent, number>,
  probabilities: Float64Array,
  options: BlendOptions = DEFAULT_BLEND,
): IntentScore {
  const lexical = decideIntent(scores);
  switch (options.mode) {
    case 'lexicon':
      return lexical;
    case 'classifier':
      return ranked(probabilities);
    case 'fallback':
      return lexical.intent !== 'out_of_scope' && lexical.confidence >= options.sure ? lexical : ranked(probabilities);
    case 'sum': {
      const lex = lexicalDistribution(scores, options.temperature);
      const mixed = new Float64Array(K);
      for (let i = 0; i < K; i++) mixed[i] = options.weight * (probabilities[i] ?? 0) + (1 - options.weight) * (lex[i] ?? 0);
      const blended = ranked(mixed);
      // Both agree: at least as sure as the lexicon alone was (its scale is what the flows' thresholds expect).
      return blended.intent === lexical.intent && lexical.confidence > blended.confidence
        ? { ...blended, confidence: lexical.confidence }
        : blended;
    }
  }
}
