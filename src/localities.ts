/**
 * The locality list for the locality question and the reports:
 * data/localities.json names a province (a staff setting, default "31",
 * Thành phố Hải Phòng) and the ward of this team; the communes themselves are
 * read from data/vn-admin-units-2025.json at load time, never duplicated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createLocalityIndex, type Locality, type LocalityIndex } from './core/locality/match.js';

const settingsSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/, 'expected a two-digit province code such as "31"').default('31'),
  home: z.string().regex(/^\d{5}$/, 'expected a five-digit commune code such as "11443"').optional(),
});

const unitsSchema = z.object({
  provinces: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      communes: z.array(z.object({ code: z.string(), name: z.string(), type: z.enum(['xã', 'phường', 'đặc khu']) })),
    }),
  ),
});

export type Localities = {
  readonly province: { readonly code: string; readonly name: string; readonly shortName: string };
  readonly index: LocalityIndex;
  /** This team's own ward (data/localities.json `home`), named in report headings. */
  readonly home?: Locality;
};

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}. Restore the file from git or fix its JSON.`);
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, path: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`${path} has invalid values:\n${problems.join('\n')}\nFix them and start again.`);
}

export function buildLocalities(settingsRaw: unknown, unitsRaw: unknown, path = 'data/localities.json'): Localities {
  const settings = parse(settingsSchema, settingsRaw, path);
  const units = parse(unitsSchema, unitsRaw, 'data/vn-admin-units-2025.json');
  const province = units.provinces.find((p) => p.code === settings.provinceCode);
  if (province === undefined) {
    throw new Error(
      `${path}: provinceCode "${settings.provinceCode}" is not in data/vn-admin-units-2025.json. Use one of: ${units.provinces.map((p) => p.code).join(', ')}.`,
    );
  }
  const list: Locality[] = province.communes.map((c) => ({ code: c.code, name: c.name, type: c.type }));
  const index = createLocalityIndex(list, province.shortName, settings.home);
  const home = settings.home === undefined ? undefined : index.byCode(settings.home);
  if (settings.home !== undefined && home === undefined) {
    throw new Error(`${path}: home "${settings.home}" is not a commune of ${province.name}. Use a code from data/vn-admin-units-2025.json, or remove home.`);
  }
  const base = { province: { code: province.code, name: province.name, shortName: province.shortName }, index };
  return home === undefined ? base : { ...base, home };
}

export function loadLocalities(dir: string = new URL('../data', import.meta.url).pathname): Localities {
  const path = join(dir, 'localities.json');
  return buildLocalities(readJson(path), readJson(join(dir, 'vn-admin-units-2025.json')), path);
}
