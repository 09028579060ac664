/**
 * The domain-name helper: asks for a full name (id.vn) or a business name
 * (biz.vn), suggests names built from it, explains every broken naming rule
 * and has the runner check availability. The name itself stays in this turn:
 * it is never put in the session, a write or a log.
 */
import { MENU } from '../menu/ids.js';
import { checkName, findDomain, findSuggestionAsk, findSuggestionRequest, isRegistrationClaim, splitDomain, suggestDomains, type Violation } from '../../domain-name/index.js';
import type { Track } from '../../eligibility/types.js';
import { choice, text, type Text } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import { offer, say, type Turn } from '../../turn.js';
import { joinLines } from '../shared/lines.js';
import { mainChoices } from '../menu/menu.js';
import { suggestChoice } from './ids.js';

/** The menu after an eligible result: "Gợi ý tên miền" first. */
export function showEligibleMenu(turn: Turn, track: Track, key = 'result.what_next'): void {
  turn.session = { ...turn.session, step: { flow: 'menu' } };
  offer(turn, key, [suggestChoice(track), ...mainChoices()]);
}

export function askName(turn: Turn, track: Track): void {
  turn.session = { ...turn.session, step: { flow: 'domain', track } };
  offer(turn, track === 'id.vn' ? 'domain.ask_full_name' : 'domain.ask_business_name', [choice(MENU.main, 'menu.main')], {
    whois: turn.deps.data.links.whois,
  });
}

function askAnother(turn: Turn, track: Track): void {
  turn.session = { ...turn.session, step: { flow: 'domain', track } };
  const other: Track = track === 'id.vn' ? 'biz.vn' : 'id.vn';
  offer(turn, 'domain.try_another', [suggestChoice(other), choice(MENU.main, 'menu.main')], { track });
}

function violationText(v: Violation): Text {
  switch (v.rule) {
    case 'diacritics':
    case 'invalid_chars':
      return text(`domain.rule_${v.rule}`, { chars: v.chars });
    case 'too_long':
      return text('domain.rule_too_long', { length: v.length, max: 63 });
    default:
      return text(`domain.rule_${v.rule}`);
  }
}

/** Says why a typed name breaks the rules, every rule on its own line, and the closest valid name. */
export function explainInvalid(turn: Turn, typed: string, violations: readonly Violation[], fixed: string | undefined): void {
  say(turn, 'domain.invalid', { name: typed, rules: joinLines(violations.map(violationText)) });
  if (fixed !== undefined) say(turn, 'domain.fixed_hint', { domain: fixed });
}

/** Validates a typed domain (or bare label) and, when valid, has the runner check availability. */
export function checkTyped(turn: Turn, typed: string, track: Track): void {
  const checked = checkName(typed, track);
  if (!checked.ok) {
    explainInvalid(turn, typed.trim(), checked.violations, checked.fixed);
  } else {
    say(turn, 'domain.valid', { domain: checked.domain });
    turn.requests.push({ type: 'domain_availability', domains: [checked.domain], at: turn.replies.length });
  }
  askAnother(turn, checked.track);
}

export function suggestFor(turn: Turn, name: string, track: Track): void {
  const domains = suggestDomains(name, track);
  if (domains.length === 0) {
    say(turn, 'domain.no_suggestions');
    return askName(turn, track);
  }
  say(turn, track === 'id.vn' ? 'domain.suggestions_idvn' : 'domain.suggestions_bizvn');
  turn.requests.push({ type: 'domain_availability', domains, at: turn.replies.length });
  askAnother(turn, track);
}

/** A confident question about something else leaves the name question (and gets answered). */
function asksSomethingElse(u: Understanding): boolean {
  if (u.confidence < 0.45) return false;
  if (u.intent === 'out_of_scope' || u.intent === 'domain_name') return false;
  if (u.intent === 'check_bizvn' || u.intent === 'check_idvn') {
    return Object.keys(u.entities).some((k) => k !== 'businessType') || u.signals.hasCertificate !== undefined;
  }
  return true;
}

/** The answer to the name question; false when the text is about something else. */
export function answerDomainStep(turn: Turn, raw: string, u: Understanding): boolean {
  const step = turn.session.step;
  if (step.flow !== 'domain') return false;
  const typed = raw.trim();
  if (isRegistrationClaim(typed)) return false;
  // "nguyen van an.id.vn" is a name to check as a whole (its spaces are a broken rule).
  if (splitDomain(typed, step.track).suffixed) {
    checkTyped(turn, typed, step.track);
    return true;
  }
  if (asksSomethingElse(u)) return false;
  const request = findSuggestionRequest(typed);
  if (request) {
    suggestFor(turn, request.name, step.track);
    return true;
  }
  if (!/\s/.test(typed)) {
    checkTyped(turn, typed, step.track);
    return true;
  }
  suggestFor(turn, typed, step.track);
  return true;
}

/** Outside the helper: "gợi ý tên miền cho Nguyễn Văn An", "gợi ý tên miền", or a domain typed in a question. */
export function answerDomainText(turn: Turn, raw: string): boolean {
  const request = findSuggestionRequest(raw);
  if (request) {
    suggestFor(turn, request.name, request.track);
    return true;
  }
  const ask = findSuggestionAsk(raw);
  if (ask) {
    if (ask.track !== undefined) askName(turn, ask.track);
    else offer(turn, 'domain.which_track', [suggestChoice('id.vn'), suggestChoice('biz.vn'), choice(MENU.main, 'menu.main')]);
    return true;
  }
  const found = findDomain(raw);
  if (found) {
    checkTyped(turn, found.typed, found.track);
    return true;
  }
  return false;
}
