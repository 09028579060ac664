/**
 * Fresh phrasings (fresh-phrasings.ts): ~250 labelled messages as people type them to the bot,
 * spread over all intents. A classifier is not perfect, so the bar is an accuracy, not 100 %:
 * intent accuracy ≥ 0.95 over the whole set, every intent represented, and entities
 * (age, birthYear, day-first birthDate, establishedDate in business context, businessType)
 * exact-matched on ≥ 0.95 of the messages.
 */
import { describe, expect, it } from 'vitest';
import { normalize, understand } from '../../../src/core/nlu/index.js';
import { INTENTS, type Entities } from '../../../src/core/nlu/types.js';
import { FRESH } from './fresh-phrasings.js';

const TODAY = '2026-11-23';
const canonical = (e: Entities): string => JSON.stringify(Object.fromEntries(Object.entries(e).sort()));

describe('fresh phrasings', () => {
  const results = FRESH.map((ex) => ({ ex, u: understand(ex.text, TODAY) }));

  it('expand the chat slang and English they use', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['hộ kd nx ms lun', 'ho kinh doanh nua moi luon'],
      ['hnay hqua dzay vz', 'hom nay hom qua vay vay'],
      ['after 2 years how much', 'sau 2 nam bao nhieu'],
      ['why should i use .vn', 'tai sao nen i dung vn'],
      ['talk to someone pls', 'noi chuyen voi ai do'],
      ['20 years old', '20 tuoi'],
    ];
    for (const [text, tokens] of cases) expect(normalize(text).tokens.join(' '), text).toBe(tokens);
  });

  it('cover every intent with several messages each', () => {
    for (const intent of INTENTS) expect(FRESH.filter((ex) => ex.intent === intent).length, intent).toBeGreaterThanOrEqual(8);
  });

  it('intent accuracy ≥ 0.95', () => {
    const misses = results.filter(({ ex, u }) => u.intent !== ex.intent).map(({ ex, u }) => `${ex.text} → ${u.intent}`);
    expect(1 - misses.length / FRESH.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('entity exact-match ≥ 0.95', () => {
    const misses = results
      .filter(({ ex, u }) => canonical(u.entities) !== canonical(ex.entities ?? {}))
      .map(({ ex, u }) => `${ex.text} → ${canonical(u.entities)}`);
    expect(1 - misses.length / FRESH.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('read every stated age, birth year and birth date (day-first)', () => {
    for (const { ex, u } of results) {
      for (const key of ['age', 'birthYear', 'birthDate'] as const) {
        if (ex.entities?.[key] !== undefined) expect(u.entities[key], ex.text).toBe(ex.entities[key]);
      }
    }
  });

  it('read founding dates only with business context, and the business type', () => {
    for (const { ex, u } of results) {
      if (ex.entities?.establishedDate !== undefined) expect(u.entities.establishedDate, ex.text).toBe(ex.entities.establishedDate);
      if (ex.entities?.businessType === undefined && ex.intent !== 'check_bizvn') {
        expect(u.entities.establishedDate, ex.text).toBeUndefined();
      }
    }
  });
});
