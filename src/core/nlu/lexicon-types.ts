import type { Intent } from './types.js';

/**
 * One weighted cue: `[pattern, weight]`. A pattern is one or more parts joined by `&`, all
 * of which must occur in the canonical tokens, in any order. A part is a phrase of folded
 * tokens matched contiguously; `#` stands for any number; a leading `!` means the phrase
 * must NOT occur; a leading `^` anchors the phrase to the start of the message, a trailing
 * `$` to its end. Weights of all matching cues are added per intent.
 */
export type LexiconEntry = readonly [pattern: string, weight: number];

export type Lexicon = Partial<Record<Intent, readonly LexiconEntry[]>>;
