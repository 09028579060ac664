/**
 * `npm run cli -- <command>`: the staff and test interface. Its contracts
 * (chat --jsonl, check, classify, export, stats) are how the product is
 * checked from outside: keep them stable and documented in README.md.
 */
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createConfiguredAssistant } from '../assistant.js';
import { createConsoleChannel } from '../channels/console/console-channel.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { Clock } from '../core/calendar.js';
import type { Session } from '../core/session.js';
import { loadProgram } from '../data.js';
import { createI18n } from '../i18n.js';
import { createLogger } from '../log.js';
import { openStore } from '../storage/index.js';
import { runChat } from './commands/chat.js';
import { runCheck } from './commands/check.js';
import { runClassify } from './commands/classify.js';
import { exportChecks } from './commands/export.js';
import { formatStats } from './commands/stats.js';

const HELP = `Usage: npm run --silent cli -- <command> [options]

Commands:
  chat --jsonl            Chat over JSON lines on stdin/stdout: {"user":"u1","text":"..."} or
                          {"user":"u1","choice":"<id>"} in, {"user":"u1","messages":[...]} out.
  chat                    Chat in the terminal (same as npm start without tokens).
  check                   Eligibility from JSON lines, e.g. {"track":"id.vn","birthDate":"2004-03-15"}.
  classify                Intent and entities from JSON lines, e.g. {"text":"em 19t co dc dk ko"}.
  export [--format json|csv] [--out FILE]
                          Every stored check: channel, track, outcome, reason, referrer, locality, createdAt.
  stats                   A summary of stored checks by track and outcome.
  zalo-login              Log the bot's Zalo account in: saves a QR image to scan with the bot's phone,
                          then stores the login at ZALO_SESSION_PATH (mode 0600).
  --help                  This text.

Every command honours DATABASE_PATH (default data/bot.sqlite). See README.md.`;

/** BOT_CLOCK pins "now" (ISO timestamp) for reproducible runs and tests; unset means the real time. */
function clockFrom(env: NodeJS.ProcessEnv): Clock {
  const pinned = env['BOT_CLOCK'];
  if (pinned === undefined || pinned === '') return { now: () => new Date() };
  const at = new Date(pinned);
  if (Number.isNaN(at.getTime())) throw new Error(`BOT_CLOCK "${pinned}" is not a date. Use an ISO timestamp such as 2026-11-23T09:00:00+07:00, or unset it.`);
  return { now: () => new Date(at) };
}

function stdinLines(): AsyncIterable<string> {
  return createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function openAssistant(config: Config, clock: Clock) {
  const store = openStore<Session>(config.DATABASE_PATH);
  const log = createLogger({ level: config.LOG_LEVEL, ...(config.LOG_SALT ? { salt: config.LOG_SALT } : {}) });
  const { handle } = createConfiguredAssistant(config, { clock, sessions: store.sessions, records: store.records, log });
  return { store, handle };
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return command === undefined ? 1 : 0;
  }
  const config = loadConfig(env);
  const clock = clockFrom(env);
  switch (command) {
    case 'check':
      await runCheck(stdinLines(), { clock, window: loadProgram().program.window }, out);
      return 0;
    case 'classify':
      await runClassify(stdinLines(), { clock }, out);
      return 0;
    case 'chat': {
      const { values } = parseArgs({ args: [...rest], options: { jsonl: { type: 'boolean' }, user: { type: 'string' } } });
      const { store, handle } = openAssistant(config, clock);
      try {
        if (values.jsonl) {
          await runChat(stdinLines(), handle, out);
        } else {
          const chat = createConsoleChannel({ handle, input: process.stdin, output: process.stdout, user: values.user ?? 'local' });
          await chat.start();
          await chat.done;
        }
      } finally {
        store.close();
      }
      return 0;
    }
    case 'export': {
      const { values } = parseArgs({ args: [...rest], options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
      if (values.format !== 'json' && values.format !== 'csv') throw new Error(`--format "${values.format}" is not supported. Use --format json or --format csv.`);
      const store = openStore<Session>(config.DATABASE_PATH);
      try {
        const body = exportChecks(await store.records.listChecks(), values.format);
        if (values.out) {
          await new Promise<void>((resolve, reject) => createWriteStream(values.out as string).on('error', reject).end(body, resolve));
          process.stderr.write(`Wrote ${values.out}\n`);
        } else process.stdout.write(body);
      } finally {
        store.close();
      }
      return 0;
    }
    case 'stats': {
      const store = openStore<Session>(config.DATABASE_PATH);
      try {
        process.stdout.write(formatStats(await store.records.countChecks()));
      } finally {
        store.close();
      }
      return 0;
    }
    case 'zalo-login': {
      const { runZaloLogin } = await import('../channels/zalo/index.js');
      await runZaloLogin({ sessionPath: config.ZALO_SESSION_PATH, qrPngPath: env['ZALO_QR_PATH'] ?? 'tmp/zalo-login-qr.png', out, t: createI18n().t });
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}". Run "npm run cli -- --help" for the list.\n`);
      return 2;
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
