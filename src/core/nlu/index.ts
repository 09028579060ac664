/**
 * Free-text understanding of Vietnamese as people type it (diacritics or not, slang, typos):
 * normalise → date mentions → signals → entities → intent. Pure and synchronous.
 */
import type { IsoDate } from '../calendar.js';
import { findDates } from './dates.js';
import { extractEntities } from './entities.js';
import { classifyIntent } from './intents.js';
import { normalize } from './normalize.js';
import { findSignals } from './signals.js';
import type { Understand, Understanding } from './types.js';

export { foldDiacritics, foldKeepCase, normalize, tokenize, toNfc, type Normalized } from './normalize.js';
export { classifyIntent, scoreIntents } from './intents.js';
export { extractEntities } from './entities.js';
export { findDates, type DateMention } from './dates.js';
export { findSignals, isValidEnterpriseCode } from './signals.js';
export { INTENTS, type Entities, type Intent, type Signals, type Understand, type Understanding } from './types.js';

/** Longer input is cut here: no real chat message is this long, and time stays bounded. */
const MAX_CHARS = 2000;

export const understand: Understand = (text: string, today: IsoDate): Understanding => {
  const n = normalize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const dates = findDates(n.padded, today);
  const signals = findSignals(n, dates, today);
  const entities = extractEntities(n, dates, signals, today);
  const { intent, confidence, alternatives } = classifyIntent(n, entities, signals);
  return { intent, confidence, entities, signals, alternatives };
};
