/**
 * A realistic day of conversations for the minimisation audit: many people on
 * every channel typing birth dates, ages, citizen ID numbers, phone numbers
 * and free text, with consent given, refused or ignored, data viewed,
 * withdrawn and deleted. Deterministic (seeded), so a failure reproduces.
 */
import type { Address, ChannelName } from '../../src/core/message.js';
import type { TestApp } from '../support/app.js';
import { chatUser } from './chat-user.js';

export type Sensitive = {
  /** Birth dates exactly as typed, plus their ISO and zero-padded forms. */
  readonly birthDates: Set<string>;
  readonly birthYears: Set<string>;
  readonly idNumbers: Set<string>;
  readonly phones: Set<string>;
  /** Free-text messages (long enough to be unmistakable). */
  readonly texts: Set<string>;
};

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

type Step = string | { press: string | RegExp };

/** Turns one person's facts into what they type, step by step. */
function script(kind: number, f: { dob: string; id: string; phone: string; phoneIntl: string; age: number; bizDate: string }): Step[] {
  switch (kind % 8) {
    case 0:
      return [
        '/start DTN_KIENAN_07',
        `Chào bạn, mình sinh ngày ${f.dob}, số CCCD ${f.id}, sđt ${f.phone}. Mình có được đăng ký id.vn miễn phí không?`,
        { press: 'Đồng ý lưu' },
        { press: 'Nhắc mình + nhận tin mới' },
        `mình đã đăng ký tên miền rồi nhé, nhắn cho mình qua số ${f.phone} nha`,
        '/mydata',
      ];
    case 1:
      return ['kiểm tra id.vn', f.dob, { press: 'Không lưu' }, `cảm ơn nhé, có gì gọi em số ${f.phoneIntl} ạ`];
    case 2:
      return [`em ${f.age} tuổi, căn cước ${f.id} ạ, đăng ký được không`, 'có', `số điện thoại của em là ${f.phone} nhờ cán bộ gọi lại giúp em`, '/withdraw', 'có'];
    case 3:
      return ['kiểm tra biz.vn', { press: 'Hộ kinh doanh' }, { press: /^Đã có giấy/ }, { press: 'Đồng ý lưu' }, `hộ kinh doanh của tôi đăng ký ngày ${f.bizDate}, chủ hộ sinh ${f.dob}`, '/deletedata', { press: 'Xóa dữ liệu' }];
    case 4:
      return [`sinh ${f.dob} thì còn được miễn phí không ạ`, `Tôi tên là Nguyễn Thị Hoa, CCCD ${f.id}, điện thoại ${f.phone}, nhà ở tổ 5 phường Kiến An`, 'được miễn phí những gì'];
    case 5:
      return ['/lang en', `I was born on ${f.dob}, my phone is ${f.phoneIntl}`, { press: /^Yes/ }, '/privacy', 'withdraw my consent please', { press: /^Withdraw/ }];
    case 6:
      return ['kiểm tra biz.vn', { press: 'Doanh nghiệp (công ty)' }, f.bizDate, 'có', `mã số thuế cá nhân của tôi là ${f.id} và sđt ${f.phone}`];
    default:
      return [`${f.id}`, `${f.phone}`, `ngày sinh: ${f.dob} nhé, lưu giúp em với`, 'không', 'hết 2 năm thì mất phí bao nhiêu ạ?'];
  }
}

export async function runRealisticDay(app: Pick<TestApp, 'handle' | 'clock'>, people = 64, seed = 20261123): Promise<Sensitive> {
  const random = seeded(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const sensitive: Sensitive = { birthDates: new Set(), birthYears: new Set(), idNumbers: new Set(), phones: new Set(), texts: new Set() };
  const channels: readonly ChannelName[] = ['telegram', 'zalo', 'console'];

  for (let i = 0; i < people; i += 1) {
    const [d, m, y] = [int(1, 28), int(1, 12), int(1996, 2008)];
    const dobForms = [`${d}/${m}/${y}`, `${pad(d)}/${pad(m)}/${y}`, `${y}-${pad(m)}-${pad(d)}`];
    const dob = i % 2 === 0 ? `${d}/${m}/${y}` : `${pad(d)}/${pad(m)}/${y}`;
    const id = `0${String(int(10, 99))}${String(int(100_000_000, 999_999_999))}`; // 12 digits, province code first
    const mobile = `9${String(int(10_000_000, 99_999_999))}`;
    const facts = { dob, id, phone: `0${mobile}`, phoneIntl: `+84${mobile}`, age: int(15, 30), bizDate: `${int(1, 28)}/${int(1, 12)}/2025` };
    dobForms.forEach((form) => sensitive.birthDates.add(form));
    sensitive.birthYears.add(String(y));
    sensitive.idNumbers.add(id);
    sensitive.phones.add(facts.phone).add(facts.phoneIntl).add(mobile);

    const channel = channels[i % channels.length] ?? 'console';
    const address = `${channel}:${channel === 'telegram' ? 5_000_000 + i : `p${i}`}` as Address;
    const user = chatUser(app, address);
    for (const step of script(i, facts)) {
      if (typeof step === 'string') {
        if (step.length >= 16 && !step.startsWith('/')) sensitive.texts.add(step);
        await user.send(step);
      } else {
        const offered = user.labels();
        const wanted = step.press;
        if (offered.some((l) => (typeof wanted === 'string' ? l === wanted : wanted.test(l)))) await user.press(wanted);
        else await user.send('1');
      }
      app.clock.set(new Date(app.clock.now().getTime() + int(5, 600) * 1000).toISOString());
    }
  }
  return sensitive;
}
