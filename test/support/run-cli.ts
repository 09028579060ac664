/** Runs `src/cli/index.ts` as a child process, the way `npm run --silent cli -- …` does. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = new URL('../..', import.meta.url).pathname;

export function tempDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), 'bot-cli-')), 'bot.sqlite');
}

export type CliResult = { code: number | null; stdout: string; stderr: string; lines: string[] };

export function runCli(args: readonly string[], input: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: REPO,
      env: { PATH: process.env['PATH'] ?? '', BOT_CLOCK: '2026-11-23T09:00:00+07:00', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, lines: stdout.split('\n').filter((l) => l !== '') }));
    child.stdin.end(input);
  });
}
