/**
 * A feature is one part of the conversation — the id.vn check, privacy, the
 * handoff to staff — in one folder under src/core/features/. It owns its
 * choice ids, its slash commands, the steps of the session it asks from, the
 * text it answers and what it does after every turn. The engine calls the
 * hooks in a fixed order of stages (see `step` in engine.ts) and, within a
 * stage, in the order of FEATURES (features/index.ts): that order is the
 * behaviour. Every hook is optional; a hook that answers returns true.
 */
import type { Understanding } from './nlu/types.js';
import type { Session, Step } from './session.js';
import type { Turn } from './turn.js';

export type Flow = Step['flow'];

/** A typed message. `text` is trimmed and cut to MAX_INPUT_CHARS; `whole` is trimmed, never cut (staff text to relay, broadcasts). */
export type Typed = { readonly text: string; readonly whole: string };

/** A typed message with what it was understood to mean; `isNew` on the first message of a conversation. */
export type Understood = Typed & { readonly understood: Understanding; readonly isNew: boolean };

export type Feature = {
  readonly name: string;
  /**
   * The choice ids it owns: exact ids, and prefixes for ids made at run time
   * (`loc:<code>`). Nobody else parses them; `on` false means "not current"
   * (the person gets "that choice has expired" and the pending question).
   */
  readonly choices?: {
    readonly ids: readonly string[];
    readonly prefixes?: readonly string[];
    readonly on: (turn: Turn, id: string) => boolean;
  };
  /** Sees every choice (pressed, or typed as "2" or its label) before its owner does. */
  readonly beforeChoice?: (turn: Turn, id: string) => void;
  /**
   * Slash commands it owns, by name without the slash (lower case). `run`
   * false: not a command after all (the text goes on as text). One feature
   * also takes the names nobody owns (`others`: the unknown-command answer).
   */
  readonly commands?: { readonly names: readonly string[]; readonly others?: boolean; readonly run: (turn: Turn, typed: Typed) => boolean };
  /** Text read before commands (staff answers "#H12 …", "/reply H12 …"). */
  readonly beforeCommands?: (turn: Turn, typed: Typed) => boolean;
  /** Text read after typed choices, before it is understood ("rút lại đồng ý"). */
  readonly beforeUnderstanding?: (turn: Turn, typed: Typed) => boolean;
  /** Understood text, whatever the step ("dừng", a question about the last result). */
  readonly anyStep?: (turn: Turn, input: Understood) => boolean;
  /**
   * The steps of the session it asks from: `reask` asks again what the step
   * waits for; `answer` takes text typed at that step (only the step's owner is asked).
   */
  readonly steps?: {
    readonly flows: readonly Flow[];
    readonly reask: (turn: Turn) => void;
    readonly answer?: (turn: Turn, input: Understood) => boolean;
  };
  /** Understood text that no step took (a typed domain, several questions, an intent). */
  readonly freeText?: (turn: Turn, input: Understood) => boolean;
  /** After every turn, from the session before it (counts, the feedback question, …). */
  readonly afterTurn?: (previous: Session | undefined, turn: Turn) => void;
};

/** `/name args`: the name in lower case and the rest; undefined when the text is not a command. */
export function parseCommand(raw: string): { name: string; args: string } | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(raw.trim());
  if (!match) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), args: (match[2] ?? '').trim() };
}
