/**
 * The locality question, asked once right after consent is granted:
 * "Bạn ở phường/xã nào?". It does not block what follows consent (the
 * follow-up question or the menu keep their buttons): the next typed message
 * may answer it, and anything else simply moves on. A name is matched
 * against the province's list (deps.localities): a match is stored on the
 * person and their checks; an ambiguous one offers the three likeliest; an
 * unknown one stores nothing, says that is fine and goes on. Only a name
 * from the list is ever stored.
 */
import { fold } from '../../choices.js';
import { isStopRequest } from '../../domain-name/index.js';
import { choice } from '../../message.js';
import type { Locality } from '../../locality/match.js';
import type { Understanding } from '../../nlu/types.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { reprompt } from '../shared/reprompt.js';
import { CLARIFY_BELOW } from '../shared/confidence.js';

export const LOCALITY_SKIP = 'loc:skip';
export const LOCALITY_PREFIX = 'loc:';
/** Longer messages are something else, not the name of a commune. */
const MAX_WORDS = 6;
const SKIP_WORDS = /^(?:bo qua|bo qua nhe|skip|khong muon noi|khong tien noi|khong biet|chua biet|pass)$/;
const PLACE_WORD = /^(?:phuong|xa|p|x|dac khu|o phuong|o xa|toi o|minh o|em o|nha o)\b/;

/** The question is open for the very next message only: any button pressed closes it too (index.ts, beforeChoice). */
export function closeLocality(turn: Turn): void {
  if (turn.session.localityOpen === true) turn.session = { ...turn.session, localityOpen: false };
}

function keep(turn: Turn, locality: Locality): void {
  closeLocality(turn);
  if (turn.session.consent === 'granted') {
    turn.session = { ...turn.session, locality: locality.name };
    write(turn, { type: 'locality', locality: locality.name });
    say(turn, 'locality.saved', { name: locality.name });
  }
  reprompt(turn);
}

function skip(turn: Turn, key: 'locality.skipped' | 'locality.unknown'): void {
  closeLocality(turn);
  say(turn, key);
  reprompt(turn);
}

/** A button of the "which one?" question: a listed locality or "Bỏ qua". False for any other id. */
export function chooseLocality(turn: Turn, id: string): boolean {
  if (!id.startsWith(LOCALITY_PREFIX)) return false;
  if (id === LOCALITY_SKIP) {
    skip(turn, 'locality.skipped');
    return true;
  }
  const locality = turn.deps.localities?.byCode(id.slice(LOCALITY_PREFIX.length));
  if (locality === undefined || turn.session.localityAsked !== true || turn.session.locality !== null) return false;
  keep(turn, locality);
  return true;
}

/**
 * The first typed message after the question. True when it answered it (a
 * name, "bỏ qua", or what looks like an unknown place name); false when it is
 * something else — a yes/no for the follow-up, a question, a check — which is
 * then routed as usual. Either way the question is closed.
 */
export function answerLocality(turn: Turn, typed: string, u: Understanding): boolean {
  const index = turn.deps.localities;
  if (turn.session.localityOpen !== true || index === undefined) return false;
  closeLocality(turn);
  // Right after consent the person is at the follow-up question or the menu; elsewhere the text is that step's.
  if (turn.session.step.flow !== 'followup' && turn.session.step.flow !== 'menu') return false;
  const folded = fold(typed);
  if (SKIP_WORDS.test(folded)) {
    skip(turn, 'locality.skipped');
    return true;
  }
  if (u.signals.yesNo !== undefined || isStopRequest(typed) || folded.split(' ').length > MAX_WORDS) return false;
  const found = index.match(typed);
  if (found.kind === 'match') {
    keep(turn, found.locality);
    return true;
  }
  if (found.kind === 'ambiguous') {
    const options = found.options.map((l) => choice(`${LOCALITY_PREFIX}${l.code}`, 'locality.option', { name: l.name }));
    offer(turn, 'locality.which', [...options, choice(LOCALITY_SKIP, 'locality.skip')]);
    return true;
  }
  // Not in the list: a place name typed in answer ("Ba Đình") is fine to leave; anything the bot understands goes on.
  const lettersOnly = /^[\p{L} ]+$/u.test(typed.trim());
  const placeLike = PLACE_WORD.test(folded) || (lettersOnly && (u.intent === 'out_of_scope' || u.confidence < CLARIFY_BELOW));
  if (!placeLike) return false;
  skip(turn, 'locality.unknown');
  return true;
}

/** After consent: asks once, as a question the next typed message may answer. */
export function askLocality(turn: Turn): void {
  const { session } = turn;
  const index = turn.deps.localities;
  if (index === undefined || session.consent !== 'granted' || session.localityAsked === true || session.locality !== null) return;
  turn.session = { ...session, localityAsked: true, localityOpen: true };
  say(turn, 'locality.ask', { example: index.example });
}

