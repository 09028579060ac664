/**
 * 7. Cold start: from spawning `node --import tsx src/main.ts` (console
 * channel, empty DB in a fresh temp folder) until the welcome text appears on
 * stdout. Baseline: spawning `node -e ""` until it exits, in the same run.
 * Both go through the same spawn path; the warm-up fills tsx's compile cache,
 * as any second start of the bot finds it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { figure, type Figure } from './lib/figure.js';
import { samplePair, type Plan } from './lib/measure.js';
import { tempDir } from './lib/temp-dir.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Our bar, the issue sets none: back in service within 3 s of a restart (Telegram keeps updates meanwhile). */
const MAX_START_MS = 3_000;
/** The console channel prefixes every bot message with this. */
const BOT_MARK = '🤖';

function botEnv(databasePath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: databasePath, ZALO_ENABLED: 'false', LOG_LEVEL: 'warn' };
  delete env['TELEGRAM_BOT_TOKEN'];
  delete env['TELEGRAM_WEBHOOK_URL'];
  return env;
}

/** Milliseconds until the bot's first message; then stdin is closed and the bot shuts down. */
function timeBotStart(): Promise<number> {
  const database = join(tempDir('cold'), 'bot.sqlite');
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: botEnv(database), stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let ready: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (ready === undefined && out.includes(BOT_MARK)) {
        ready = performance.now() - start;
        child.stdin.end();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (ready !== undefined) resolve(ready);
      else reject(new Error(`src/main.ts exited (${String(code)}) without a welcome; stderr: ${err.trim().slice(0, 500)}`));
    });
  });
}

function timeNodeStart(): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { cwd: ROOT, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - start));
  });
}

export async function benchColdStart(plan: Plan): Promise<Figure> {
  const [bot, node] = await samplePair(timeBotStart, timeNodeStart, plan);
  return figure({
    id: 'cold_start.ms',
    label: 'Cold start: src/main.ts to welcome text (console, empty DB)',
    unit: 'ms',
    value: bot,
    bar: { op: '<=', limit: MAX_START_MS, on: 'value', source: 'bench' },
    baseline: { label: 'node -e ""', unit: 'ms', value: node },
    ratioLabel: 'time bot/node',
    ratio: bot.median / node.median,
  });
}
