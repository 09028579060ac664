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
import type { AppStore } from '../storage/app-store.js';
import { openAppStore } from '../storage/open-app-store.js';
import { HELP } from './help.js';
import { runChat } from './commands/chat.js';
import { runReportCommand } from './commands/reports.js';
import type { StaffServices } from '../core/staff.js';
import { loadLocalities } from '../localities.js';
import { composeStaffServices, createIsAdmin } from '../staff-services.js';
import { runCheck } from './commands/check.js';
import { runClassify } from './commands/classify.js';
import { exportChecks } from './commands/export.js';
import { exportRegistrations } from './commands/export-registrations.js';
import { formatPurge, runBackup, runRestore } from './commands/maintenance.js';
import { formatStats } from './commands/stats.js';
import { formatAssisted, formatFeedback, formatFunnel, isFunnelExport, runFunnelExport } from './commands/funnel.js';
import { runBroadcastCli } from '../jobs/broadcast.js';



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

async function openAssistant(config: Config, clock: Clock) {
  const store = await openAppStore<Session>(config, { clock });
  const log = createLogger({ level: config.LOG_LEVEL, ...(config.LOG_SALT ? { salt: config.LOG_SALT } : {}) });
  const { handle } = createConfiguredAssistant(config, {
    clock,
    sessions: store.sessions,
    records: store.records,
    log,
    isAdmin: createIsAdmin(config.ADMINS),
    staff: staffServices(store, config, clock),
  });
  return { store, handle };
}

function staffServices(store: AppStore<Session>, config: Config, clock: Clock): StaffServices {
  return composeStaffServices({ store: store.staff(), reports: store.reports }, {
    localities: loadLocalities(),
    botUsername: config.TELEGRAM_BOT_USERNAME,
    inviteDays: config.INVITE_DAYS,
    clock,
  });
}

/** `export --report …` / `stats --quarter …` (src/cli/commands/reports.ts), with the ward plan's Vietnamese headings. */
async function runReports(command: 'export' | 'stats', args: readonly string[], config: Config, clock: Clock): Promise<number> {
  const store = await openAppStore<Session>(config);
  const i18n = createI18n();
  try {
    await runReportCommand(command, args, {
      staff: staffServices(store, config, clock),
      records: store.records,
      program: loadProgram(),
      clock,
      label: (t) => i18n.t('vi', t.key, t.params),
      write: async (data, file) => {
        if (file === undefined) {
          process.stdout.write(data);
          return;
        }
        await new Promise<void>((resolve, reject) => createWriteStream(file).on('error', reject).end(data, resolve));
        process.stderr.write(`Wrote ${file}\n`);
      },
    });
  } finally {
    await store.close();
  }
  return 0;
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
      {
        const program = loadProgram();
        await runCheck(stdinLines(), { clock, window: program.program.window, rules: program.rules }, out);
      }
      return 0;
    case 'classify':
      await runClassify(stdinLines(), { clock }, out);
      return 0;
    case 'chat': {
      const { values } = parseArgs({ args: [...rest], options: { jsonl: { type: 'boolean' }, user: { type: 'string' } } });
      const { store, handle } = await openAssistant(config, clock);
      try {
        if (values.jsonl) {
          await runChat(stdinLines(), handle, out);
        } else {
          const chat = createConsoleChannel({ handle, input: process.stdin, output: process.stdout, user: values.user ?? 'local' });
          await chat.start();
          await chat.done;
        }
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'export': {
      if (isFunnelExport(rest)) return runFunnelExport(rest, config);
      if (rest.some((arg) => arg === '--report' || arg.startsWith('--report='))) return runReports('export', rest, config, clock);
      const { values } = parseArgs({ args: [...rest], options: { format: { type: 'string', default: 'json' }, out: { type: 'string' }, registrations: { type: 'boolean' } } });
      if (values.format !== 'json' && values.format !== 'csv') throw new Error(`--format "${values.format}" is not supported. Use --format json or --format csv.`);
      const store = await openAppStore<Session>(config);
      try {
        const body = values.registrations
          ? exportRegistrations(await store.followups.listRegistrations(), values.format)
          : exportChecks(await store.records.listChecks(), values.format);
        if (values.out) {
          await new Promise<void>((resolve, reject) => createWriteStream(values.out as string).on('error', reject).end(body, resolve));
          process.stderr.write(`Wrote ${values.out}\n`);
        } else process.stdout.write(body);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'stats': {
      const funnel = rest.includes('--funnel');
      if (rest.some((arg) => arg !== '--funnel')) return runReports('stats', rest, config, clock);
      const store = await openAppStore<Session>(config);
      try {
        process.stdout.write(formatStats(await store.records.countChecks(), 'All checks', await store.records.countRegistrations()));
        // Issue #11: assisted checks and feedback always; the funnel with --funnel.
        process.stdout.write(`\n${formatAssisted(await store.analytics.assisted())}\n${formatFeedback(await store.analytics.feedback())}`);
        if (funnel) process.stdout.write(`\n${formatFunnel(await store.analytics.funnel())}`);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'backup':
    case 'restore': {
      if (config.DATABASE_URL) {
        throw new Error(`"${command}" copies the SQLite file; with DATABASE_URL (PostgreSQL) use pg_dump / pg_restore instead (README "Deploying at scale").`);
      }
      const deps = { databasePath: config.DATABASE_PATH, out };
      if (command === 'backup') await runBackup(rest, deps);
      else await runRestore(rest, deps);
      return 0;
    }
    case 'purge': {
      const store = await openAppStore<Session>(config);
      try {
        out(formatPurge(await store.purgeExpired(clock.now(), config.RETENTION_DAYS), config.RETENTION_DAYS));
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'broadcast': {
      const store = await openAppStore<Session>(config);
      try {
        await runBroadcastCli(rest, { store: store.followups, clock, out });
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'zalo-login': {
      const { runZaloLogin } = await import('../channels/zalo/index.js');
      await runZaloLogin({ sessionPath: config.ZALO_SESSION_PATH, qrPngPath: env['ZALO_QR_PATH'] ?? 'tmp/zalo-login-qr.png', out, t: createI18n().t });
      return 0;
    }
    case 'zalo-oa-login': {
      const { runZaloOaLogin } = await import('./commands/zalo-oa-login.js');
      const store = await openAppStore<Session>(config);
      const lines = stdinLines()[Symbol.asyncIterator]();
      try {
        return await runZaloOaLogin(rest, {
          config,
          store: store.zaloOa,
          out,
          readLine: async () => {
            const next = await lines.next();
            return next.done === true ? undefined : next.value;
          },
          t: createI18n().t,
          now: () => clock.now(),
        });
      } finally {
        await lines.return?.();
        await store.close();
      }
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
