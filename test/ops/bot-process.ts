/**
 * The bot as a child process with the operations HTTP server on a free
 * 127.0.0.1 port and the console channel on piped stdin (kept open: closing
 * it ends the chat and the process).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/run-cli.js';

export type BotProcess = {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stderr: () => string;
  /** Resolves with the exit code after stdin is closed (the console chat ends, the bot shuts down). */
  quit(): Promise<number | null>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startBotProcess(args: readonly string[]): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: {
      PATH: process.env['PATH'] ?? '',
      HTTP_PORT: String(port),
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'bot-ops-')), 'bot.sqlite'),
      ZALO_ENABLED: 'false',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    quit() {
      child.stdin.end();
      return exited;
    },
  };
}

/** GETs `url` until `accept` holds for the response (connection refused counts as not yet). */
export async function pollUntil(url: string, accept: (status: number, body: string) => boolean, timeoutMs = 40_000): Promise<{ status: number; body: string }> {
  const started = Date.now();
  let last = { status: 0, body: '' };
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      last = { status: response.status, body: await response.text() };
      if (accept(last.status, last.body)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}: gave up after ${timeoutMs} ms; last answer ${last.status} ${last.body.slice(0, 200)}`);
}

/** The value of one sample line (`name{labels}`) in a Prometheus text, or undefined. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
