/** One message read once: normalised tokens, date mentions → signals → entities. */
import type { IsoDate } from '../calendar.js';
import { findDates } from './dates.js';
import { extractEntities } from './entities.js';
import { normalize, type Normalized } from './normalize.js';
import { findSignals } from './signals.js';
import type { Entities, Signals } from './types.js';

/** Longer input is cut here: no real chat message is this long, and time stays bounded. */
const MAX_CHARS = 2000;

/** Everything read from one message before an intent is chosen. */
export type Reading = { n: Normalized; entities: Entities; signals: Signals };

export function read(text: string, today: IsoDate): Reading {
  const n = normalize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const dates = findDates(n.padded, today);
  const signals = findSignals(n, dates, today);
  const entities = extractEntities(n, dates, signals, today);
  return { n, entities, signals };
}
