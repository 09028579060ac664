import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { createI18n, defaultLocalesDir, flattenKeys, readLocale } from '../src/i18n.js';

describe('locales', () => {
  const dir = defaultLocalesDir();

  it('vi and en have the same files', () => {
    expect(readdirSync(`${dir}/en`).sort()).toEqual(readdirSync(`${dir}/vi`).sort());
  });

  it('vi and en have exactly the same keys', () => {
    const vi = flattenKeys(readLocale(dir, 'vi')).sort();
    const en = flattenKeys(readLocale(dir, 'en')).sort();
    expect(en.filter((k) => !vi.includes(k)), 'keys only in en').toEqual([]);
    expect(vi.filter((k) => !en.includes(k)), 'keys only in vi').toEqual([]);
  });

  it('every text uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const i18n = createI18n(dir);
    const vi = readLocale(dir, 'vi');
    for (const key of flattenKeys(vi)) {
      const raw = (lng: 'vi' | 'en') => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], readLocale(dir, lng));
      expect(placeholders(String(raw('en'))), key).toEqual(placeholders(String(raw('vi'))));
      expect(i18n.has(key)).toBe(true);
    }
  });

  it('renders params, nested texts and falls back to Vietnamese', () => {
    const i18n = createI18n(dir);
    expect(i18n.t('vi', 'idvn.ask_full_date', { year: 2008 })).toContain('15/3/2008');
    expect(i18n.t('en', 'privacy.check_line', { date: '01/01/2026', track: 'id.vn', outcome: { key: 'privacy.outcome_eligible' } })).toContain('eligible');
  });
});
