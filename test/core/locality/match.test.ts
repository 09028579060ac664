import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseName, createLocalityIndex, foldName, type Locality, type LocalityMatch } from '../../../src/core/locality/match.js';
import { loadLocalities } from '../../../src/localities.js';

const { index, province } = loadLocalities();

function nameOf(m: LocalityMatch): string {
  if (m.kind === 'match') return m.locality.name;
  if (m.kind === 'ambiguous') return `? ${m.options.map((o) => o.name).join(' | ')}`;
  return '-';
}

/** Removes diacritics from some letters only: what people type half-accented. */
function partlyFolded(text: string, keep: readonly boolean[]): string {
  const strip = (ch: string) => ch.normalize('NFD').replace(/\p{M}/gu, '').replace('đ', 'd').replace('Đ', 'D');
  return [...text.normalize('NFC')].map((ch, i) => (keep[i % keep.length] === true ? ch : strip(ch))).join('');
}

describe('locality list', () => {
  it('is generated from vn-admin-units-2025.json by province code (31 = Hải Phòng, with Phường Kiến An 11443)', () => {
    expect(province).toMatchObject({ code: '31', name: 'Thành phố Hải Phòng' });
    expect(index.all.length).toBe(114);
    expect(index.byCode('11443')?.name).toBe('Phường Kiến An');
    expect(index.example).toBe('Kiến An');
  });
});

describe('matching typed names', () => {
  it.each([
    ['Kiến An', 'Phường Kiến An'],
    ['kien an', 'Phường Kiến An'],
    ['p. Kiến An', 'Phường Kiến An'],
    ['P.Kiến An', 'Phường Kiến An'],
    ['phuong kien an', 'Phường Kiến An'],
    ['Phường Kiến An, TP Hải Phòng', 'Phường Kiến An'],
    ['mình ở phường kiến an', 'Phường Kiến An'],
    ['kien ann', 'Phường Kiến An'],
    ['kein an', 'Phường Kiến An'],
    ['KIẾN AN', 'Phường Kiến An'],
    ['xa kien thuy', 'Xã Kiến Thụy'],
    ['Kiến Thuỵ', 'Xã Kiến Thụy'],
    ['le chan', 'Phường Lê Chân'],
  ])('"%s" → %s', (typed, expected) => {
    expect(nameOf(index.match(typed))).toBe(expected);
  });

  it('offers at most three likely names when it is ambiguous', () => {
    const kien = index.match('kiến');
    expect(kien.kind).toBe('ambiguous');
    expect(kien.kind === 'ambiguous' && kien.options.length).toBe(3);
    expect(nameOf(index.match('Cẩm Giàng'))).toBe('? Xã Cẩm Giang | Xã Cẩm Giàng');
  });

  it('knows nothing of other provinces, questions or numbers', () => {
    for (const typed of ['Hà Nội', 'Ba Đình', 'mã số thuế của tôi là 0123456789', 'phường', 'abc', '', '12']) {
      expect(index.match(typed).kind, typed).toBe('unknown');
    }
  });

  it('property: removing diacritics (all or some) never changes the match', () => {
    fc.assert(
      fc.property(fc.constantFrom(...index.all), fc.constantFrom('', 'p. ', 'phường ', 'xã ', 'ở '), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (locality, prefix, keep) => {
        const typed = `${prefix}${locality.name.replace(/^(?:Phường|Xã|Đặc khu) /u, '')}`;
        expect(nameOf(index.match(partlyFolded(typed, keep)))).toBe(nameOf(index.match(typed)));
        expect(nameOf(index.match(foldName(typed)))).toBe(nameOf(index.match(typed)));
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('property: every commune is found by its own name, exactly or among the options', () => {
    for (const locality of index.all) {
      const found = index.match(locality.name);
      const hit = found.kind === 'match' ? [found.locality] : found.kind === 'ambiguous' ? found.options : [];
      expect(hit.map((l) => l.code), locality.name).toContain(locality.code);
    }
  });

  it('property: one typo in a long name still finds it', () => {
    const long = index.all.filter((l) => baseName(l.name).length >= 8);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.constantFrom('x', 'q', 'z'), (locality, at, letter) => {
        const base = baseName(locality.name);
        const i = at % base.length;
        const typo = base.slice(0, i) + letter + base.slice(i + 1);
        const found = index.match(typo);
        const hit = found.kind === 'match' ? [found.locality] : found.kind === 'ambiguous' ? found.options : [];
        expect(hit.map((l) => l.code)).toContain(locality.code);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('works on any list (the matcher is pure; the list comes in)', () => {
    const list: Locality[] = [
      { code: '1', name: 'Phường Hòa Bình', type: 'phường' },
      { code: '2', name: 'Xã Hòa Bình', type: 'xã' },
    ];
    const small = createLocalityIndex(list);
    expect(nameOf(small.match('hoa binh'))).toBe('? Phường Hòa Bình | Xã Hòa Bình');
    expect(nameOf(small.match('xã Hoà Bình'))).toBe('Xã Hòa Bình');
  });
});
