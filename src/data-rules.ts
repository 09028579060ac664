/**
 * Schemas of data/program.json `rules` (the policy's numbers) and `handoff`
 * (staff chat and on-duty hours), issue #11. Both have defaults, so a data
 * file without them still loads with RULES.md's numbers and no relay.
 */
import { z } from 'zod';
import { DEFAULT_RULES } from './core/eligibility/types.js';
import { HOURS_RANGE, WEEKDAYS, type HandoffData, type Weekday } from './core/handoff.js';
import { parseAddress, type Address } from './core/message.js';

const age = z.number().int().min(0).max(120);

export const rulesSchema = z
  .object({
    idvnMinAge: age.default(DEFAULT_RULES.idvnMinAge),
    idvnMaxAge: age.default(DEFAULT_RULES.idvnMaxAge),
    bizvnEnterpriseYears: z.number().int().min(1).max(10).default(DEFAULT_RULES.bizvnEnterpriseYears),
  })
  .refine((r) => r.idvnMinAge <= r.idvnMaxAge, 'idvnMinAge must not be above idvnMaxAge')
  .default({ ...DEFAULT_RULES });

/** "" or null: no relay. Null is accepted too, so parsed data parses again. */
const staffChat = z
  .union([z.null(), z.string().trim()])
  .refine((v) => v === null || v === '' || parseAddress(v) !== undefined, 'expected "" (no relay) or a chat address such as "telegram:-1001234567890" or "zalo:<thread id>"')
  .transform((v): Address | null => (v === null || v === '' ? null : (v as Address)));

const ranges = z.array(z.string().regex(HOURS_RANGE, 'expected "HH:MM-HH:MM" in Vietnam time, e.g. "07:30-11:30"')).default([]);

const noHours = (): Record<Weekday, string[]> => ({ sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] });

export const handoffSchema = z
  .object({
    staffChat: staffChat.default(null),
    hours: z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])) as Record<Weekday, typeof ranges>).default(noHours),
  })
  .default(() => ({ staffChat: null, hours: noHours() })) satisfies z.ZodType<HandoffData>;
