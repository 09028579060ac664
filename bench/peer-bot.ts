/**
 * The peer: the same id.vn check written the way a competent grammY developer
 * would in an afternoon (issue #21). grammY Bot, @grammyjs/runner with
 * `sequentialize` (what grammY's docs prescribe for sessions under the
 * runner), the session plugin over a small better-sqlite3 StorageAdapter
 * (WAL, synchronous=NORMAL, prepared statements), a regex step machine
 * menu → birth date → result → consent, and one INSERT per consented check.
 * One sendMessage per update, HTML with an inline keyboard where ours has
 * choices, like ours after merging. Not handicapped: no logging, no metrics,
 * no rate limit, no NLU — only what the check needs.
 */
import { join } from 'node:path';
import { run, sequentialize } from '@grammyjs/runner';
import Database from 'better-sqlite3';
import { Bot, InlineKeyboard, session, type Context, type SessionFlavor, type StorageAdapter } from 'grammy';
import { startFakeBotApi } from '../test/fakes/bot-api-server.js';
import { BENCH_NOW } from './lib/app-parts.js';
import { tempDir } from './lib/temp-dir.js';
import { RUNNER_OPTIONS, type PipelineBot } from './telegram-bots.js';

type Outcome = 'eligible' | 'too_young' | 'too_old';
type PeerSession = { step: 'idle' | 'menu' | 'birth' | 'consent'; consent: boolean; pending?: Outcome };
type PeerContext = Context & SessionFlavor<PeerSession>;

/** A small StorageAdapter over better-sqlite3 (there is no maintained SQLite adapter package). */
function sqliteStorage(db: Database.Database): StorageAdapter<PeerSession> {
  const get = db.prepare<[string], string>('SELECT value FROM sessions WHERE key = ?').pluck();
  const put = db.prepare<[string, string]>('INSERT INTO sessions (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const del = db.prepare<[string]>('DELETE FROM sessions WHERE key = ?');
  return {
    read: (key) => {
      const value = get.get(key);
      return value === undefined ? undefined : (JSON.parse(value) as PeerSession);
    },
    write: (key, value) => void put.run(key, JSON.stringify(value)),
    delete: (key) => void del.run(key),
  };
}

function openPeerDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS checks (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL, outcome TEXT NOT NULL, created_at TEXT NOT NULL)`);
  return db;
}

const TODAY = new Date(BENCH_NOW);
const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();

const DATE = /(\d{1,2})(?:\s*[/.-]\s*|\s+thang\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+nam\s+)(\d{4}|\d{2})\b/;
const YEAR = /\b(?:sinh|nam)\s+(?:nam\s+)?((?:19|20)\d{2})\b/;
const AGE = /\b(\d{1,2})\s*(?:t|tuoi)\b/;
const ASK_CHECK = /\b(?:id\.?vn|kiem tra)\b/;
const YES = /^(?:1|dong y|co|ok|yes|u|uh)$/;
const NO = /^(?:2|khong|ko|no)$/;
const FEES = /\b(?:phi|gia han|bao nhieu|bnhieu)\b/;
const PAPERS = /\bgiay to\b/;
const THANKS = /\b(?:cam on|tks|thanks|thank)\b/;

function ageFromDate(day: number, month: number, year: number): number {
  const full = year < 100 ? (year > TODAY.getFullYear() % 100 ? 1900 : 2000) + year : year;
  const hadBirthday = TODAY.getMonth() + 1 > month || (TODAY.getMonth() + 1 === month && TODAY.getDate() >= day);
  return TODAY.getFullYear() - full - (hadBirthday ? 0 : 1);
}

function ageOf(text: string): number | undefined {
  const date = DATE.exec(text);
  if (date) return ageFromDate(Number(date[1]), Number(date[2]), Number(date[3]));
  const year = YEAR.exec(text);
  if (year) return TODAY.getFullYear() - Number(year[1]);
  const age = AGE.exec(text);
  return age ? Number(age[1]) : undefined;
}

const outcomeOf = (age: number): Outcome => (age < 18 ? 'too_young' : age >= 24 ? 'too_old' : 'eligible');

const TEXT = {
  welcome: 'Xin chào! 👋 Mình là trợ lý của Chương trình tên miền .vn miễn phí.\nMình giúp bạn kiểm tra xem bạn có được nhận miễn phí 2 năm tên miền id.vn (từ đủ 18 đến 23 tuổi) hoặc biz.vn không, và chỉ bạn cách đăng ký.\nBạn chọn một mục bên dưới nhé.',
  askBirth: 'Bạn sinh ngày nào? Bạn gõ theo kiểu ngày/tháng/năm, ví dụ 15/3/2004, hoặc cho mình biết tuổi.\nMình chỉ dùng để kiểm tra, không lưu ngày sinh.',
  eligible: '🎉 Bạn đủ điều kiện nhận tên miền id.vn miễn phí 2 năm, đến trước sinh nhật 24 tuổi.\nCách đăng ký: chọn tên, kiểm tra còn trống tại https://tenmien.vn, rồi đăng ký với một nhà đăng ký tham gia chương trình. Cổng chương trình: https://hiendienonline.tenmien.vn',
  too_young: 'Bạn chưa đủ 18 tuổi nên chưa nhận được id.vn miễn phí. Từ sinh nhật 18 tuổi là đăng ký được rồi — hẹn gặp lại bạn nhé!',
  too_old: 'Ưu đãi id.vn miễn phí dành cho công dân từ đủ 18 tuổi đến trước sinh nhật 24 tuổi, nên bạn không thuộc diện miễn phí.\nBạn vẫn đăng ký được id.vn có phí tại https://tenmien.vn.',
  consent: 'Bạn có đồng ý để mình lưu kết quả này không? Mình chỉ lưu loại tên miền và kết quả, không lưu ngày sinh.',
  saved: 'Cảm ơn bạn! Mình đã lưu kết quả. Bạn cần mình giúp gì thêm? Chọn một mục bên dưới nhé.',
  notSaved: 'Được, mình không lưu gì. Bạn cần mình giúp gì thêm? Chọn một mục bên dưới nhé.',
  fees: 'Sau 2 năm miễn phí, bạn trả phí để giữ tên miền: id.vn 10.000 đồng khi đăng ký, 50.000 đồng/năm.\nNguồn: https://tenmien.vn',
  papers: 'Bạn cần căn cước công dân (CCCD) cho id.vn; giấy chứng nhận đăng ký doanh nghiệp cho biz.vn.\nNguồn: https://hiendienonline.tenmien.vn',
  thanks: 'Cảm ơn bạn! Khi cần, bạn cứ nhắn mình bất cứ lúc nào nhé. 🌿',
  unknown: 'Mình chưa hiểu ý bạn. Bạn chọn một mục bên dưới nhé.',
} as const;

const MENU = new InlineKeyboard().text('Kiểm tra id.vn (18–23 tuổi)', 'check:idvn').row().text('Kiểm tra biz.vn', 'check:bizvn').row().text('Câu hỏi thường gặp', 'faq');
const BIRTH = new InlineKeyboard().text('Tôi không nhớ ngày sinh', 'idvn:no_date').row().text('Về menu chính', 'menu:main');
const CONSENT = new InlineKeyboard().text('Đồng ý', 'consent:yes').text('Không', 'consent:no');

/** The peer's handlers: a step machine in the session, one INSERT per consented check. */
function buildPeer(bot: Bot<PeerContext>, db: Database.Database): void {
  const insertCheck = db.prepare<[number, string, string]>('INSERT INTO checks (chat_id, outcome, created_at) VALUES (?, ?, ?)');
  const reply = (ctx: PeerContext, text: string, keyboard?: InlineKeyboard) =>
    ctx.reply(text, { parse_mode: 'HTML', ...(keyboard ? { reply_markup: keyboard } : {}) });
  const save = (ctx: PeerContext, outcome: Outcome): void => void insertCheck.run(ctx.chat?.id ?? 0, outcome, new Date().toISOString());

  const answerConsent = (ctx: PeerContext, yes: boolean) => {
    const pending = ctx.session.pending;
    ctx.session = { step: 'menu', consent: ctx.session.consent || yes };
    if (yes && pending) save(ctx, pending);
    return reply(ctx, yes ? TEXT.saved : TEXT.notSaved, MENU);
  };
  const result = (ctx: PeerContext, age: number) => {
    const outcome = outcomeOf(age);
    if (ctx.session.consent) {
      save(ctx, outcome);
      ctx.session.step = 'menu';
      return reply(ctx, TEXT[outcome], MENU);
    }
    ctx.session = { step: 'consent', consent: false, pending: outcome };
    return reply(ctx, `${TEXT[outcome]}\n\n${TEXT.consent}`, CONSENT);
  };
  const askBirth = (ctx: PeerContext) => {
    ctx.session.step = 'birth';
    return reply(ctx, TEXT.askBirth, BIRTH);
  };

  bot.command('start', (ctx) => {
    ctx.session.step = 'menu';
    return reply(ctx, TEXT.welcome, MENU);
  });
  bot.callbackQuery('check:idvn', async (ctx) => {
    await ctx.answerCallbackQuery();
    return askBirth(ctx);
  });
  bot.callbackQuery(/^consent:(yes|no)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    return answerConsent(ctx, ctx.match[1] === 'yes');
  });
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery());
  bot.on('message:text', (ctx) => {
    const text = fold(ctx.msg.text);
    const step = ctx.session.step;
    if (step === 'consent' && YES.test(text)) return answerConsent(ctx, true);
    if (step === 'consent' && NO.test(text)) return answerConsent(ctx, false);
    const age = ageOf(text);
    if (age !== undefined) return result(ctx, age);
    if (text === '1' || ASK_CHECK.test(text)) return askBirth(ctx);
    if (FEES.test(text)) return reply(ctx, TEXT.fees, MENU);
    if (PAPERS.test(text)) return reply(ctx, TEXT.papers, MENU);
    if (THANKS.test(text)) return reply(ctx, TEXT.thanks);
    return reply(ctx, TEXT.unknown, MENU);
  });
}

export async function startPeerBot(): Promise<PipelineBot> {
  const api = await startFakeBotApi();
  const db = openPeerDatabase(join(tempDir('peer'), 'peer.sqlite'));
  const bot = new Bot<PeerContext>(api.token, { botInfo: api.botInfo, client: { apiRoot: api.apiRoot } });
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(session({ initial: (): PeerSession => ({ step: 'idle', consent: false }), storage: sqliteStorage(db) }));
  buildPeer(bot, db);
  let stopping = false;
  // The session plugin writes after the reply went out: the last writes may meet a closing database.
  bot.catch((error) => {
    if (!stopping) process.stderr.write(`peer bot: ${String(error.error)}\n`);
  });
  const runner = run(bot, RUNNER_OPTIONS);
  return {
    api,
    async stop() {
      stopping = true;
      if (runner.isRunning()) await runner.stop();
      db.close();
      await api.close();
    },
  };
}
