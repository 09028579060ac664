/**
 * One fuzz input through the whole assistant (runner + engine + SQLite
 * :memory: + real locales) and through the free-text parser `understand`.
 * Returns the problems found; never throws. No vitest here: scripts/fuzz.ts
 * uses it too.
 */
import { readdirSync } from 'node:fs';
import { todayInVietnam } from '../../src/core/calendar.js';
import { MAX_CHOICE_ID_BYTES, formatAddress, type Input, type Outgoing } from '../../src/core/message.js';
import { INTENTS, understand } from '../../src/core/nlu/index.js';
import { defaultLocalesDir } from '../../src/i18n.js';
import { createTestApp, type TestApp } from '../support/app.js';
import type { FuzzCase } from './fuzz-inputs.js';

/** Telegram allows 4,096 characters per message; replies stay well inside. */
export const MAX_REPLY_CHARS = 4000;

const namespaces = readdirSync(`${defaultLocalesDir()}/vi`).map((f) => f.replace(/\.json$/, ''));
const WHOLE_KEY = /^[a-z_]+(\.[a-z0-9_]+)+$/;
const EMBEDDED_KEY = new RegExp(`(?<![\\w.])(?:${namespaces.join('|')})\\.[a-z][a-z0-9_]*(?![\\w.])`, 'g');

export type FuzzTarget = { check(c: FuzzCase): Promise<string[]>; close(): void };

/**
 * `typed` is what the person sent: a reply may quote it back ("Tên "…" chưa đúng quy tắc"),
 * so a key-like word or a "{{" that the person typed is not a missing translation.
 */
function textProblems(where: string, value: string, typed: string): string[] {
  const problems: string[] = [];
  const quoted = (fragment: string): boolean => typed.toLowerCase().includes(fragment.toLowerCase());
  if (value.trim().length === 0) problems.push(`${where} is empty`);
  if (value.length > MAX_REPLY_CHARS) problems.push(`${where} is ${value.length} chars (> ${MAX_REPLY_CHARS})`);
  const keys = [...value.matchAll(EMBEDDED_KEY)].map((m) => m[0]).filter((key) => !quoted(key));
  if ((WHOLE_KEY.test(value.trim()) && !quoted(value.trim())) || keys.length > 0) {
    problems.push(`${where} has an untranslated key: ${value.slice(0, 120)}`);
  }
  if (value.includes('{{') && !quoted('{{')) problems.push(`${where} has an unfilled placeholder: ${value.slice(0, 120)}`);
  return problems;
}

export function replyProblems(replies: readonly Outgoing[], errorTexts: readonly string[], typed: string): string[] {
  if (replies.length === 0) return ['no reply'];
  return replies.flatMap((reply, i) => [
    ...textProblems(`reply ${i}`, reply.text, typed),
    ...(errorTexts.includes(reply.text) ? [`reply ${i} is the apology for a failed turn`] : []),
    ...(reply.choices ?? []).flatMap((choice, j) => [
      ...textProblems(`reply ${i} choice ${j} label`, choice.label, typed),
      ...(new TextEncoder().encode(choice.id).length > MAX_CHOICE_ID_BYTES ? [`choice id ${choice.id} exceeds ${MAX_CHOICE_ID_BYTES} bytes`] : []),
    ]),
  ]);
}

function parserProblems(text: string, at: Date): string[] {
  try {
    const u = understand(text, todayInVietnam({ now: () => at }));
    const problems: string[] = [];
    if (!(INTENTS as readonly string[]).includes(u.intent)) problems.push(`understand: unknown intent ${String(u.intent)}`);
    if (!(u.confidence >= 0 && u.confidence <= 1)) problems.push(`understand: confidence ${u.confidence}`);
    return problems;
  } catch (error) {
    return [`understand threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`];
  }
}

export function createFuzzTarget(): FuzzTarget {
  const app: TestApp = createTestApp();
  const errorTexts = [app.i18n.t('vi', 'common.error'), app.i18n.t('en', 'common.error')];
  return {
    async check(c) {
      app.logs.length = 0;
      app.clock.set(c.at.toISOString());
      const from = formatAddress(c.channel, `fuzz${c.user}`);
      const meta = { ...(c.languageCode === undefined ? {} : { languageCode: c.languageCode }), ...('media' in c.message && c.message.media ? { media: c.message.media } : {}) };
      const input: Input = 'choice' in c.message ? { from, choice: c.message.choice, meta } : { from, text: c.message.text, meta };
      const problems: string[] = [];
      try {
        problems.push(...replyProblems((await app.handle(input)).messages, errorTexts, 'text' in c.message ? c.message.text : ''));
      } catch (error) {
        problems.push(`handle threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
      const failed = app.logs.filter((line) => line.includes('"level":"error"'));
      if (failed.length > 0) problems.push(`error logged: ${failed.join(' | ').slice(0, 500)}`);
      if ('text' in c.message) problems.push(...parserProblems(c.message.text, c.at));
      return problems;
    },
    close: () => app.close(),
  };
}

/** A short, printable description of a case (for failure reports). */
export function describeCase(c: FuzzCase): string {
  return JSON.stringify({ ...c, at: c.at.toISOString() }, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}… (${value.length} chars)` : value,
  );
}
