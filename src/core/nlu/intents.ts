/**
 * Intent classification: weighted phrase cues over canonical folded tokens (lexicon-*.ts),
 * compiled once at module load and indexed by their first word, plus boosts from entities
 * and signals (an age → check_idvn, a founding date → check_bizvn). The best score wins;
 * nothing above the threshold means out_of_scope.
 */
import { CONVERSATION_LEXICON } from './lexicon-conversation.js';
import { PROGRAM_LEXICON } from './lexicon-program.js';
import { isFoundingContext } from './entities.js';
import type { Lexicon } from './lexicon-types.js';
import type { Normalized } from './normalize.js';
import { INTENTS, type Entities, type Intent, type Signals } from './types.js';

type Part = { probe: string; negative: boolean; shaped: boolean; anchor: 'start' | 'end' | 'both' | 'none' };
type Cue = { intent: Intent; weight: number; parts: readonly Part[] };

export type IntentScore = { intent: Intent; confidence: number; alternatives: readonly Intent[] };

/** Below this total, no intent is recognised and the message is out_of_scope. */
export const THRESHOLD = 1.5;
/**
 * A clearly unrelated topic (weather, bank accounts, marriage registration) wins over generic
 * cues such as "cách đăng ký … online" unless the message also names something of the program.
 */
const TOPIC_VETO = 5;
const PROGRAM_TERMS =
  / (?:ten mien|idvn|bizvn|vn|website|email|chuong trinh|hien dien|vnnic|du lieu|thong tin|luu|xoa|giay to|ho so) /;
/** Intents that may win with a small score (a lone "chào", "ok"). */
export const LIGHT: ReadonlySet<Intent> = new Set<Intent>(['greeting', 'thanks_bye']);

function compilePart(source: string): Part {
  let text = source.trim();
  const negative = text.startsWith('!');
  if (negative) text = text.slice(1);
  const start = text.startsWith('^');
  const end = text.endsWith('$');
  text = text.replace(/^\^|\$$/g, '').trim();
  const anchor = start && end ? 'both' : start ? 'start' : end ? 'end' : 'none';
  return { probe: ` ${text} `, negative, shaped: text.split(' ').includes('#'), anchor };
}

function compile(lexicons: readonly Lexicon[]): Map<string, Cue[]> {
  const index = new Map<string, Cue[]>();
  for (const lexicon of lexicons) {
    for (const intent of INTENTS) {
      for (const [pattern, weight] of lexicon[intent] ?? []) {
        const parts = pattern.split('&').map(compilePart);
        const key = parts.find((p) => !p.negative)?.probe.trim().split(' ')[0] ?? '';
        const cues = index.get(key) ?? [];
        cues.push({ intent, weight, parts });
        index.set(key, cues);
      }
    }
  }
  return index;
}

const CUES_BY_FIRST_WORD = compile([PROGRAM_LEXICON, CONVERSATION_LEXICON]);

function partMatches(part: Part, n: Normalized): boolean {
  const text = part.shaped ? n.shape : n.padded;
  switch (part.anchor) {
    case 'both':
      return text === part.probe;
    case 'start':
      return text.startsWith(part.probe);
    case 'end':
      return text.endsWith(part.probe);
    default:
      return text.includes(part.probe);
  }
}

const cueMatches = (cue: Cue, n: Normalized): boolean =>
  cue.parts.every((part) => partMatches(part, n) !== part.negative);

/** Boosts from what the message states: facts only one intent asks about. */
function boost(scores: Map<Intent, number>, n: Normalized, entities: Entities, signals: Signals): void {
  const add = (intent: Intent, weight: number): void => {
    scores.set(intent, (scores.get(intent) ?? 0) + weight);
  };
  if (entities.age !== undefined || entities.birthYear !== undefined || entities.birthDate !== undefined) {
    add('check_idvn', 5);
  }
  if (entities.establishedDate !== undefined) add('check_bizvn', 5);
  if (entities.businessType !== undefined) add('check_bizvn', 3);
  if (signals.hasCertificate !== undefined) add('check_bizvn', 3);
  if (signals.enterpriseCode !== undefined) add('check_bizvn', 4);
  if (signals.foreigner === true) add('check_idvn', 2);
  if (signals.impossibleDate !== undefined) {
    add(entities.businessType === undefined && !isFoundingContext(n.padded) ? 'check_idvn' : 'check_bizvn', 4);
  }
}

/** Raw scores per intent (for diagnostics and tests). */
export function scoreIntents(n: Normalized, entities: Entities, signals: Signals): Map<Intent, number> {
  const scores = new Map<Intent, number>();
  const seen = new Set<string>();
  for (const token of [...n.tokens, ...(n.shape.includes(' # ') ? ['#'] : [])]) {
    if (seen.has(token)) continue;
    seen.add(token);
    for (const cue of CUES_BY_FIRST_WORD.get(token) ?? []) {
      if (cueMatches(cue, n)) scores.set(cue.intent, (scores.get(cue.intent) ?? 0) + cue.weight);
    }
  }
  boost(scores, n, entities, signals);
  if ((scores.get('out_of_scope') ?? 0) >= TOPIC_VETO && !PROGRAM_TERMS.test(n.padded)) {
    for (const intent of scores.keys()) if (intent !== 'out_of_scope') scores.set(intent, Math.min(scores.get(intent) ?? 0, 1));
  }
  return scores;
}

/** The best intent, a 0..1 confidence and the runners-up (best first). */
export function classifyIntent(n: Normalized, entities: Entities, signals: Signals): IntentScore {
  return decideIntent(scoreIntents(n, entities, signals));
}

/** The lexical decision from raw scores: best above the threshold, else out_of_scope. */
export function decideIntent(scores: ReadonlyMap<Intent, number>): IntentScore {
  const ranked = [...scores.entries()]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || INTENTS.indexOf(a[0]) - INTENTS.indexOf(b[0]));
  const [first, second] = ranked;
  if (first === undefined || (first[1] < THRESHOLD && !LIGHT.has(first[0]))) {
    const alternatives = ranked.map(([intent]) => intent).filter((i) => i !== 'out_of_scope').slice(0, 3);
    return { intent: 'out_of_scope', confidence: first === undefined ? 0.6 : 0.4, alternatives };
  }
  const best = first[1];
  const margin = best - (second?.[1] ?? 0);
  const strength = 1 - Math.exp(-best / 3);
  const separation = 0.5 + 0.5 * Math.min(1, margin / Math.max(best, 1e-9));
  const confidence = Math.round(Math.min(0.99, Math.max(0.05, strength * separation)) * 1000) / 1000;
  return { intent: first[0], confidence, alternatives: ranked.slice(1, 4).map(([intent]) => intent) };
}
