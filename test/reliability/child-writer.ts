/** Starts test/reliability/crash-writer.ts as a child process and follows its acknowledgements. */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO } from '../support/run-cli.js';

export type Writer = {
  readonly child: ChildProcess;
  readonly acked: string[];
  half: boolean;
  stderr: string;
  /** Resolves once `count` turns are acknowledged (rejects if the child exits first). */
  waitForAcks(count: number): Promise<void>;
  /** SIGKILL, then resolves when the process is gone. */
  kill(): Promise<void>;
};

export function startWriter(file: string, maxTurns?: number): Writer {
  const args = ['--import', 'tsx', 'test/reliability/crash-writer.ts', file, ...(maxTurns === undefined ? [] : [String(maxTurns)])];
  const child = spawn(process.execPath, args, { cwd: REPO, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiters: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let buffered = '';
  const writer: Writer = {
    child,
    acked: [],
    half: false,
    stderr: '',
    waitForAcks(count) {
      if (writer.acked.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ count, resolve, reject }));
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'half') writer.half = true;
      else if (line.startsWith('ack ')) writer.acked.push(line.slice(4));
    }
    for (const waiter of waiters.filter((w) => writer.acked.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (writer.stderr += chunk.toString('utf8')));
  void exited.then(() => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`writer exited after ${writer.acked.length} acks: ${writer.stderr}`));
  });
  return writer;
}
