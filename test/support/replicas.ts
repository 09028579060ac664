/**
 * Several bot processes for multi-process tests: `startReplica(env)` runs
 * `src/main.ts` (or another entry) as a child process, collects its JSON log
 * lines and resolves once a line matching `ready` appears.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO } from './run-cli.js';

export type Replica = {
  readonly child: ChildProcess;
  readonly index: number;
  /** Every JSON line the process wrote to stderr (the logger) and stdout, parsed. */
  readonly logs: Record<string, unknown>[];
  readonly stdout: string[];
  waitFor(match: (line: Record<string, unknown> | string) => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export function startReplica(index: number, env: Record<string, string>, entry = 'src/main.ts'): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stdout: string[] = [];
  const waiters = new Set<() => void>();
  const lines = (into: (line: string) => void) => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) if (part.trim() !== '') into(part);
      waiters.forEach((check) => check());
    };
  };
  child.stderr?.on('data', lines((line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
  }));
  child.stdout?.on('data', lines((line) => stdout.push(line)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    index,
    logs,
    stdout,
    waitFor(match, what, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (logs.some(match) || stdout.some(match)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`replica ${index}: timed out waiting for ${what}. Last lines: ${JSON.stringify(logs.slice(-5))} ${stdout.slice(-5).join(' | ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export type WebhookReplicaOptions = {
  readonly token: string;
  readonly apiRoot: string;
  readonly secret: string;
  readonly port: number;
  /** DATABASE_URL or DATABASE_PATH, LOG_LEVEL… */
  readonly env: Record<string, string>;
};

/** `src/main.ts` in Telegram webhook mode on `port`, against a local Bot API, Zalo off. */
export function startWebhookReplica(index: number, options: WebhookReplicaOptions): Replica {
  return startReplica(index, {
    TELEGRAM_BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram',
    TELEGRAM_WEBHOOK_SECRET: options.secret,
    TELEGRAM_WEBHOOK_PORT: String(options.port),
    ZALO_ENABLED: 'false',
    ...options.env,
  });
}

let nextUpdateId = 1;

/**
 * The load balancer: POSTs a private text message from `user` to the webhook
 * on `port`; resolves to the HTTP status once that replica answered (after the turn).
 */
export async function postText(port: number, secret: string, user: number, text: string): Promise<number> {
  const id = nextUpdateId++;
  const person = { id: user, is_bot: false, first_name: 'Bạn' };
  const update = { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: user, type: 'private', first_name: 'Bạn' }, from: person, text } };
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
  await response.arrayBuffer();
  return response.status;
}
