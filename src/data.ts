/**
 * Loads and validates the staff-editable files in data/. A wrong value stops
 * start-up with the file, the field's path and what was expected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isIsoDate } from './core/calendar.js';
import type { ProgramData } from './core/program.js';
import { FAQ_INTENTS } from './core/features/faq/faq.js';
import { handoffSchema, rulesSchema } from './data-rules.js';

/** Every FAQ answer ends with its official source (data/program.json sources.faq). */
const FAQ_SOURCE_TOPICS: readonly string[] = FAQ_INTENTS;

const isoDate = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');
const url = z.url({ protocol: /^https?$/ });
const money = z.number().int().nonnegative();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (24 h, Vietnam time)');
/** Issue #22: reminders before the free period ends, and the hours they may go out. */
const renewalSchema = z
  .object({
    daysBefore: z.array(z.number().int().min(1).max(365)).min(1).default([60, 30, 7]),
    sendAt: clock.default('09:00'),
    hours: z.object({ from: clock, to: clock }).refine((h) => h.from < h.to, 'from must be before to').default({ from: '08:00', to: '21:00' }),
  })
  .refine((r) => r.hours.from <= r.sendAt && r.sendAt < r.hours.to, 'sendAt must be inside hours')
  .default({ daysBefore: [60, 30, 7], sendAt: '09:00', hours: { from: '08:00', to: '21:00' } });
const share = z.object({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) });

export const programSchema = z.object({
  program: z.object({
    name: z.string().min(1),
    decision: z.string(),
    window: z.object({ start: isoDate, end: isoDate }).refine((w) => w.start <= w.end, 'start must not be after end'),
    freeYears: z.number().int().positive(),
  }),
  links: z.object({ portal: url, whois: url, registrars: url, media: url }),
  fees: z.object({
    currency: z.string(),
    source: z.string(),
    idvn: z.object({ registration: money, yearly: money }),
    bizvn: z.object({ registration: money, yearly: money }),
  }),
  registrars: z.array(z.object({ name: z.string().min(1), url })).min(1),
  contacts: z.object({ team: z.string(), hotline: z.string(), office: z.string(), hours: z.string(), email: z.string().optional(), zalo: z.string().optional() }),
  targets: z.object({
    province: z.object({
      period: z.string(),
      /** Progress toward the targets counts from this day (the plan's first day). */
      from: isoDate,
      domains: z.number().int().nonnegative(),
      idvn: z.number().int().nonnegative(),
    }),
    ward: z.object({
      deadline: isoDate,
      idvnShare: share,
      bizvnShare: share,
      groups: z.object({ youth: z.number().int().nonnegative(), businesses: z.number().int().nonnegative() }),
    }),
  }),
  sources: z.object({
    rules: z.string(),
    fees: z.string(),
    faq: z.record(z.string(), url).refine((map) => FAQ_SOURCE_TOPICS.every((topic) => topic in map), {
      message: `needs a source URL for every FAQ topic: ${FAQ_SOURCE_TOPICS.join(', ')}`,
    }),
  }),
  followups: z.object({
    remindAfterDays: z.number().int().min(1).max(365).default(7),
    deadlineDaysBefore: z.array(z.number().int().min(1).max(365)).default([30, 7]),
  }).default({ remindAfterDays: 7, deadlineDaysBefore: [30, 7] }),
  rules: rulesSchema,
  handoff: handoffSchema,
  renewal: renewalSchema,
}) satisfies z.ZodType<ProgramData>;

export function defaultDataDir(): string {
  return new URL('../data', import.meta.url).pathname;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}. Restore the file from git or fix its JSON.`);
  }
}

export function parseProgram(raw: unknown, path = 'data/program.json'): ProgramData {
  const result = programSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`${path} has invalid values:\n${problems.join('\n')}\nFix them and start again.`);
}

export function loadProgram(dir: string = defaultDataDir()): ProgramData {
  const path = join(dir, 'program.json');
  return parseProgram(readJson(path), path);
}
