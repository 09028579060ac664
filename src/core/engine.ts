/**
 * The conversation engine: a pure, synchronous `step(session, input, deps, context)`
 * → new session, replies and the writes to make. No I/O, no platform types;
 * what storage knows (roles, a referral code) comes in `context`, looked up
 * by the runner before the turn (issue #16).
 * What to do is the features' business (src/core/features/); the engine only
 * calls their hooks, stage by stage, in the order of FEATURES.
 */
import { todayInVietnam } from './calendar.js';
import { resolveTypedChoice } from './choices.js';
import type { Feature, Typed, Understood } from './feature.js';
import type { Input, Locale, Reply } from './message.js';
import type { Write } from './ports.js';
import { newSession, type Session } from './session.js';
import { NO_CONTEXT, type EngineDeps, type Request, type Turn, type TurnContext } from './turn.js';
import { say } from './turn.js';
import { addressReplies } from './features/address/address.js';
import { APP } from './features/index.js';
import { reprompt } from './features/shared/reprompt.js';

export type { EngineDeps, Request, TurnContext } from './turn.js';

export type StepResult = { session: Session; replies: Reply[]; writes: Write[]; requests: Request[] };

/** Longest text the engine reads to understand; the rest of a 10 kB paste is ignored. Staff answers and broadcasts are never cut (src/core/staff-text.ts). */
export const MAX_INPUT_CHARS = 1000;

export function initialLocale(input: Input, fallback: Locale): Locale {
  const hint = input.meta?.languageCode?.toLowerCase();
  if (hint?.startsWith('en')) return 'en';
  if (hint?.startsWith('vi')) return 'vi';
  return fallback;
}

/** Asks again from the current step: its feature's `steps.reask`. */
function reask(turn: Turn): void {
  APP.stepOwner(turn.session.step.flow)?.steps?.reask(turn);
}

export function step(previous: Session | undefined, input: Input, deps: EngineDeps, context: TurnContext = NO_CONTEXT): StepResult {
  const turn: Turn = {
    session: previous ?? newSession(initialLocale(input, deps.defaultLocale)),
    input,
    deps,
    context,
    today: todayInVietnam(deps.clock),
    replies: [],
    writes: [],
    requests: [],
    reask,
  };
  if ('choice' in input) onChoice(turn, input.choice);
  else onText(turn, input.text, previous === undefined);
  for (const feature of APP.features) feature.afterTurn?.(previous, turn);
  return { session: turn.session, replies: addressReplies(turn.replies, turn.session), writes: turn.writes, requests: turn.requests };
}

/** The first feature whose hook answers, in the order of FEATURES. */
function first(hook: (feature: Feature) => boolean | undefined): boolean {
  return APP.features.some((feature) => hook(feature) === true);
}

/** A choice pressed, or typed as "2" or its label: its owner answers, else it has expired. */
function onChoice(turn: Turn, id: string): void {
  turn.session = { ...turn.session, misses: 0 };
  for (const feature of APP.features) feature.beforeChoice?.(turn, id);
  if (APP.choiceOwner(id)?.choices?.on(turn, id) === true) return;
  // An old keyboard, or a forged id: say so and show what is current.
  say(turn, 'common.expired_choice');
  reprompt(turn);
}

/** `/name …`: the feature that owns the name (or takes unknown commands); false when it is not a command after all. */
function onCommand(turn: Turn, typed: Typed): boolean {
  const name = /^\/([a-z_]+)/i.exec(typed.text)?.[1]?.toLowerCase() ?? '';
  return APP.commandOwner(name)?.commands?.run(turn, typed) === true;
}

/**
 * Typed text, stage by stage: read before commands → a command → a choice typed
 * as "2" or its label → read before understanding → understood, whatever the
 * step → the current step's own answer → free text (the intents come last).
 */
function onText(turn: Turn, raw: string, isNew: boolean): void {
  const text = raw.slice(0, MAX_INPUT_CHARS).trim();
  if (text.length === 0) {
    say(turn, turn.input.meta?.media ? 'common.unsupported_media' : 'common.empty');
    return reprompt(turn);
  }
  const typed: Typed = { text, whole: raw.trim() }; // staff text to relay: whole, or refused (issue #18)
  if (first((f) => f.beforeCommands?.(turn, typed))) return;
  if (text.startsWith('/') && onCommand(turn, typed)) return;
  const choice = resolveTypedChoice(text, turn.session.offered, turn.session.locale, turn.deps.label);
  if (choice) return onChoice(turn, choice.id);
  if (first((f) => f.beforeUnderstanding?.(turn, typed))) return;
  const input: Understood = { ...typed, understood: turn.deps.understand(text, turn.today), isNew };
  if (first((f) => f.anyStep?.(turn, input))) return;
  if (APP.stepOwner(turn.session.step.flow)?.steps?.answer?.(turn, input) === true) return;
  first((f) => f.freeText?.(turn, input));
}
