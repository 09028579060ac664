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

export const DEFAULT_BLEND: BlendOptions = { mode: 'sum', weight: 0.6, temperature: 1, sure: 0.6 };

const K = INTENTS.length;
const OUT = INTENTS.indexOf('out_of_scope');
const round = (x: number): number => Math.round(Math.min(0.99, Math.max(0.05, x)) * 1000) / 1000;

const POSITION = new Map<Intent, number>(INTENTS.map((intent, i) => [intent, i]));

/** The lexicon's scores as probabilities (INTENTS order). */
export function lexicalDistribution(scores: ReadonlyMap<Intent, number>, temperature: number): Float64Array {
  const out = new Float64Array(K);
  let light = false;
  for (const [intent, score] of scores) if (score > 0 && LIGHT.has(intent)) light = true;
  const floor = Math.max(scores.get('out_of_scope') ?? 0, light ? THRESHOLD / 2 : THRESHOLD) / temperature;
  let max = floor;
  for (const [intent, score] of scores) if (score > 0 && intent !== 'out_of_scope') max = Math.max(max, score / temperature);
  let sum = Math.exp(floor - max);
  out[OUT] = sum;
  for (const [intent, score] of scores) {
    const i = POSITION.get(intent);
    if (score <= 0 || intent === 'out_of_scope' || i === undefined) continue;
    const e = Math.exp(score / temperature - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < K; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** The best intent and up to three runners-up (not out_of_scope, each ≥ 0.02), without sorting all. */
function ranked(p: Float64Array): IntentScore {
  let best = OUT;
  for (let i = 0; i < K; i++) if ((p[i] as number) > (p[best] as number)) best = i;
  const alternatives: Intent[] = [];
  const taken = new Set<number>([best, OUT]);
  for (let round = 0; round < 3; round++) {
    let next = -1;
    for (let i = 0; i < K; i++) if (!taken.has(i) && (next < 0 || (p[i] as number) > (p[next] as number))) next = i;
    if (next < 0 || (p[next] as number) < 0.02) break;
    taken.add(next);
    alternatives.push(INTENTS[next] as Intent);
  }
  return { intent: INTENTS[best] as Intent, confidence: round(p[best] as number), alternatives };
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
