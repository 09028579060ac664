/**
 * `classify`: one JSON line in, one JSON line out (the CLI contract; keep it exact).
 *   in:  {"text":"e 19t co dc dk id.vn free ko ad","today":"2026-11-23"}   ("today" optional)
 *   out: {"intent":"check_idvn","confidence":0.93,"entities":{"age":19}}
 * Entities are `{}` when none; dates are YYYY-MM-DD; signals are not printed.
 * A bad line gets {"error":"<what is wrong, in plain English>"} and the next line is read.
 * Pure of process: the caller passes the lines, the clock and a writer.
 */
import { z } from 'zod';
import { isIsoDate, todayInVietnam, type Clock, type IsoDate } from '../../core/calendar.js';
import { understand } from '../../nlu-corpus.js';
import type { Entities } from '../../core/nlu/types.js';

export type ClassifyDeps = { clock: Clock };

const EXAMPLE = '{"text":"em 19 tuoi co dang ky duoc khong"}';

const classifyLine = z.object({
  text: z.string({ error: `"text" must be a string, e.g. ${EXAMPLE}` }),
  today: z
    .string({ error: '"today" must be a date written "YYYY-MM-DD", e.g. "2026-11-23"' })
    .refine(isIsoDate, {
      error: (issue) => `"today" ${JSON.stringify(issue.input)} is not a real date written "YYYY-MM-DD", e.g. "2026-11-23"`,
    })
    .optional(),
});

/** Schema order, so the output is stable whatever order the extractors found things in. */
const ENTITY_ORDER = ['age', 'birthYear', 'birthDate', 'establishedDate', 'businessType'] as const;

function ordered(entities: Entities): Entities {
  const out: Record<string, unknown> = {};
  for (const key of ENTITY_ORDER) if (entities[key] !== undefined) out[key] = entities[key];
  return out as Entities;
}

const error = (message: string): string => JSON.stringify({ error: message });

function parse(line: string): { text: string; today?: IsoDate | undefined } | string {
  const trimmed = line.trim();
  if (trimmed === '') return `empty line; write one JSON object per line, e.g. ${EXAMPLE}`;
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return `not valid JSON (${trimmed.slice(0, 40)}…); write one JSON object per line, e.g. ${EXAMPLE}`;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return `expected a JSON object with "text", e.g. ${EXAMPLE}`;
  }
  const parsed = classifyLine.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((issue) => issue.message).join('; ');
  return parsed.data;
}

/** Classifies one line; always returns exactly one line of JSON and never throws. */
export function classifyOne(line: string, deps: ClassifyDeps): string {
  try {
    const parsed = parse(line);
    if (typeof parsed === 'string') return error(parsed);
    const today = parsed.today ?? todayInVietnam(deps.clock);
    const { intent, confidence, entities } = understand(parsed.text, today);
    return JSON.stringify({ intent, confidence, entities: ordered(entities) });
  } catch (cause) {
    return error(`unexpected failure (${String(cause).slice(0, 120)}); please report this line to the developers`);
  }
}

/** Writes one output line per input line, in order, blank lines included. */
export async function runClassify(
  lines: AsyncIterable<string> | Iterable<string>,
  deps: ClassifyDeps,
  write: (line: string) => void,
): Promise<void> {
  for await (const line of lines) write(classifyOne(line, deps));
}
