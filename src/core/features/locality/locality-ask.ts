/**
 * Asks the locality question once, right after consent is granted (see
 * locality.ts for the answer). Its own module so consent.ts can ask without
 * importing the answer side, which needs reprompt.ts (no import cycle).
 */
import { say, type Turn } from '../../turn.js';

/** After consent: asks once, as a question the next typed message may answer. */
export function askLocality(turn: Turn): void {
  const { session } = turn;
  const index = turn.deps.localities;
  if (index === undefined || session.consent !== 'granted' || session.localityAsked === true || session.locality !== null) return;
  turn.session = { ...session, localityAsked: true, localityOpen: true };
  say(turn, 'locality.ask', { example: index.example });
}

