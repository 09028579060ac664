/**
 * The PostgreSQL connection (`pg`): a pool for queries and a second pool
 * whose clients hold session-level advisory locks (a person's turn, a job,
 * the Zalo leadership). Two pools, so a turn that holds its lock can always
 * get a query client: lock holders never starve the queries they wait for.
 *
 * BIGINT (ids, count(*)) and NUMERIC (sum()) come back as JS numbers: every
 * count here is far below 2^53.
 */
import pg from 'pg';
import { StorageError } from '../errors.js';

export type Row = Record<string, unknown>;

/** Something that runs SQL: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface PgDatabase extends Queryable {
  /** Runs `fn` in one transaction on one client; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The pool whose clients may hold advisory locks for a while (src/storage/postgres/coordination.ts). */
  readonly lockPool: pg.Pool;
  readonly pool: pg.Pool;
  /** A connection of its own, outside both pools (the leader's lock lives as long as it does). */
  dedicatedClient(): Promise<pg.Client>;
  /** Runs `fn` when the database is closed, before the pools end (listeners, timers). */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export type PgOptions = {
  /** Query connections per process (default 10). */
  readonly poolSize?: number;
  /** Connections that may hold locks at once (default twice poolSize): turns in flight, jobs. */
  readonly lockPoolSize?: number;
  /**
   * How long a turn waits for the person's lock before it gives up with the apology (default
   * 30 s): a replica that hangs mid-turn must not hold that person's next messages forever.
   */
  readonly turnLockTimeoutMs?: number;
};

const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A statement with parameters runs as a named prepared statement: each
 * connection parses and plans it once (the server's cache per connection),
 * like better-sqlite3's prepared statements. Parameterless text (BEGIN,
 * schema steps with several commands) runs as plain text.
 */
const names = new Map<string, string>();
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `s${names.size + 1}`;
    names.set(sql, name);
  }
  return name;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result =
        params.length === 0
          ? await client.query<R>(sql)
          : await client.query<R>({ text: sql, values: params as unknown[], name: nameOf(sql) });
      return result.rows;
    },
  };
}

export function connectPostgres(url: string, options: PgOptions = {}): PgDatabase {
  // keepAlive: a replica that vanishes without closing its socket loses its locks once TCP notices.
  const config = { connectionString: url, types, application_name: 'ten-mien-vn-bot', keepAlive: true };
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
  const lockPool = new pg.Pool({ ...config, max: options.lockPoolSize ?? 2 * (options.poolSize ?? 10) });
  // An idle client whose server went away emits 'error'; without a listener that would end the process.
  pool.on('error', () => undefined);
  lockPool.on('error', () => undefined);
  const lockTimeout = Math.max(1, Math.round(options.turnLockTimeoutMs ?? 30_000));
  lockPool.on('connect', (client) => void client.query(`SET lock_timeout = ${lockTimeout}`).catch(() => undefined));
  const direct = wrap(pool);
  const closers: (() => Promise<void> | void)[] = [];
  let closed: Promise<void> | undefined;
  return {
    pool,
    lockPool,
    query: direct.query,
    async dedicatedClient() {
      // A leader whose network is gone must notice at its next check, not when TCP gives up.
      const client = new pg.Client({ ...config, query_timeout: 10_000 });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(wrap(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    onClose(fn) {
      closers.push(fn);
    },
    close() {
      closed ??= Promise.allSettled(closers.map(async (fn) => fn()))
        .then(() => Promise.all([pool.end(), lockPool.end()]))
        .then(() => undefined);
      return closed;
    },
  };
}

/** DATABASE_URL could not be reached or used: say which and how to fix it, without the password. */
export function cannotConnect(url: string, error: unknown): StorageError {
  return new StorageError(
    'CANNOT_OPEN',
    `Cannot use the PostgreSQL database ${redact(url)} (${error instanceof Error ? error.message : String(error)}). Check DATABASE_URL (postgres://user:password@host:5432/db), that the server runs and that the user may create tables; unset DATABASE_URL to use SQLite (DATABASE_PATH).`,
    { cause: error },
  );
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
