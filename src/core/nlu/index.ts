/**
 * Free-text understanding of Vietnamese as people type it (diacritics or not, slang, typos):
 * normalise → date mentions → signals → entities → intent. Pure and synchronous.
 * The intent comes from the weighted lexicons, blended with a statistical classifier when
 * one trained from the labelled corpus is given (createUnderstand; see model.ts).
 */
import type { IsoDate } from '../calendar.js';
import { blendIntent, DEFAULT_BLEND, type BlendOptions } from './blend.js';
import { predictIntent, type IntentModel } from './classifier.js';
import { featurize } from './features.js';
import { decideIntent, scoreIntents } from './intents.js';
import { read } from './read.js';
import type { Understand, Understanding } from './types.js';

export { foldDiacritics, foldKeepCase, normalize, tokenize, toNfc, type Normalized } from './normalize.js';
export { classifyIntent, scoreIntents } from './intents.js';
export { extractEntities } from './entities.js';
export { findDates, type DateMention } from './dates.js';
export { findSignals, isValidEnterpriseCode } from './signals.js';
export { trainIntentModel, predictIntent, type IntentModel } from './classifier.js';
export { trainFromCorpus, type CorpusLine } from './model.js';
export { INTENTS, type Entities, type Intent, type Signals, type Understand, type Understanding } from './types.js';

export { read, type Reading } from './read.js';
export { blendIntent, DEFAULT_BLEND, type BlendMode, type BlendOptions } from './blend.js';

/** `understand` with the lexicons alone (model absent) or blended with a trained classifier. */
export function createUnderstand(model?: IntentModel, blend: BlendOptions = DEFAULT_BLEND): Understand {
  return (text: string, today: IsoDate): Understanding => {
    const { n, entities, signals } = read(text, today);
    const scores = scoreIntents(n, entities, signals);
    const { intent, confidence, alternatives } =
      model === undefined ? decideIntent(scores) : blendIntent(scores, predictIntent(model, featurize(n, entities, signals)), blend);
    return { intent, confidence, entities, signals, alternatives };
  };
}

/** The lexicons alone: what callers without a trained model get (pure, no corpus needed). */
export const understand: Understand = createUnderstand();
