/**
 * What the fuzzer sends: random Unicode, emoji, RTL and zero-width text, 10 kB
 * pastes, SQL/HTML/markdown injection, out-of-range numbers, random dates,
 * random choice ids and commands with junk — mixed with real phrasings so the
 * conversation goes deep into every flow. Used by engine-fuzz.test.ts and
 * scripts/fuzz.ts.
 */
import fc from 'fast-check';
import { APP } from '../../src/core/features/index.js';
import { CHANNELS, type ChannelName, type InputMeta } from '../../src/core/message.js';

export type FuzzCase = {
  readonly user: number;
  readonly channel: ChannelName;
  readonly message: { readonly text: string; readonly media?: NonNullable<InputMeta['media']> } | { readonly choice: string };
  readonly languageCode?: string;
  /** "Now" for this turn (the engine's clock) and `today` for the parser. */
  readonly at: Date;
};

const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇻🇳', '❤️', '🏳️‍🌈', '🤷‍♀️', '🙏', '🥲', '\u{1F9D1}\u{200D}\u{1F4BB}'];
const RTL = ['مرحبا بك', 'שלום עולם', '\u202Eabc\u202C', '\u200F', 'اختبار ١٢٣ ٤٥', '\u202Btôi 20 tuổi\u202C'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u180E', '\u034F'];
const INJECTION = [
  "'; DROP TABLE checks; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM people;--",
  '<script>alert(1)</script>',
  '<b>đậm</b><i>',
  '**đậm** _nghiêng_ `code` [link](javascript:alert(1))',
  '{{days}}',
  "{{constructor.constructor('x')()}}",
  '${process.exit(1)}',
  '%s%s%n%d',
  '__proto__',
  'constructor',
  '\u0000\u0001\u001f\u007f',
  '\r\n\r\n\t',
  '../../../etc/passwd',
  'common.error',
  'privacy.summary',
  '$(rm -rf /)',
  '=HYPERLINK("http://x")',
  '\\',
  "'",
  '"',
];
const PHRASES = [
  'kiểm tra id.vn', 'kiem tra biz.vn', 'hộ kinh doanh', 'doanh nghiệp', 'chi nhánh', 'có', 'không', 'ok', '1', '2', '3', '9', 'số 2',
  'tôi 20 tuổi', 'sinh 15/3/2004', 'em 17t', 'thành lập 1/2/2025', 'đăng ký ở đâu', 'rút lại đồng ý', 'xóa dữ liệu',
  'ma GT: DTN_KIENAN_07', 'menu', 'cảm ơn', 'chào', 'hết 2 năm mất phí bao nhiêu', 'Đồng ý lưu', 'Không lưu', 'Giữ lại',
  'I am 20', 'born 29/2/2004', 'đã đăng ký', 'tên miền nguyenvana.id.vn', '0312345678', 'mst 0101234567-001',
];
const COMMANDS = ['start', 'menu', 'help', 'lang', 'language', 'privacy', 'mydata', 'deletedata', 'withdraw', 'unknown', 'START', 'broadcast', 'registered', 'stats', ''];
const MEDIA = ['sticker', 'photo', 'voice', 'video', 'file', 'location', 'other'] as const;

const junk = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI, ...RTL, ...ZERO_WIDTH, ...INJECTION) },
);

const outOfRange = fc
  .oneof(fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String), fc.constantFrom('-1', '0', '17', '18', '23', '24', '150', '1e21', '9007199254740993', 'NaN', 'Infinity', '-0'))
  .chain((n: string) => fc.constantFrom(`tôi ${String(n)} tuổi`, String(n), `sinh năm ${String(n)}`, `${String(n)}t`, `năm ${String(n)} thành lập`));

const randomDate = fc
  .record({ d: fc.integer({ min: -3, max: 40 }), m: fc.integer({ min: -1, max: 14 }), y: fc.integer({ min: -10, max: 3000 }) })
  .chain(({ d, m, y }) =>
    fc.constantFrom(`${d}/${m}/${y}`, `${d}-${m}-${y}`, `${y}-${m}-${d}`, `ngày ${d} tháng ${m} năm ${y}`, `${d}/${m}/${y % 100}`, `${d}.${m}.${y}`, `sinh ${d}/${m}/${y}`, `thành lập ${d}/${m}/${y}`),
  );

/** 2–10 kB: repeated units, cut anywhere (also in the middle of a surrogate pair). */
const longPaste = fc
  .tuple(fc.constantFrom('a', 'ă', '😀', 'tôi 20 tuổi ', '\u200B', '<', "'", 'đ\u0303', '👨‍👩‍👧'), fc.integer({ min: 2_000, max: 10_240 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const command = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.constantFrom('', '@TenMienBot'), junk)
  .map(([name, mention, rest]) => `/${name}${mention} ${rest}`);

const mixed = fc.array(fc.oneof(fc.constantFrom(...PHRASES), junk, randomDate, outOfRange), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

export const fuzzText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 4, arbitrary: junk },
  { weight: 3, arbitrary: mixed },
  { weight: 2, arbitrary: randomDate },
  { weight: 2, arbitrary: outOfRange },
  { weight: 2, arbitrary: command },
  { weight: 1, arbitrary: longPaste },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTION, ...EMOJI, ...RTL, ...ZERO_WIDTH, '', ' ', '\n') },
);

const KNOWN_CHOICES = [...APP.choiceIds, 'faq:free_what', 'faq:privacy', 'faq:nope', 'faq:', 'menu:', 'lang:fr', 'check:', 'consent:maybe'];

export const fuzzChoice: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KNOWN_CHOICES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record(
  {
    user: fc.integer({ min: 0, max: 11 }),
    channel: fc.constantFrom(...CHANNELS),
    message: fc.oneof(
      { weight: 7, arbitrary: fuzzText.map((text) => ({ text })) },
      { weight: 3, arbitrary: fuzzChoice.map((choice) => ({ choice })) },
      { weight: 1, arbitrary: fc.constantFrom(...MEDIA).map((media) => ({ text: '', media })) },
    ),
    languageCode: fc.constantFrom('vi', 'en', 'en-US', 'fr', '', 'zz-ZZ'),
    at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }),
  },
  { requiredKeys: ['user', 'channel', 'message', 'at'] },
);
