/**
 * The synchronous half of StaffStore (rolesOf, referrerCode) over
 * PostgreSQL: the engine asks while routing and cannot wait, so each
 * connection keeps a snapshot of the two small tables it needs (member
 * addresses; referrer codes and addresses). This process's own writes
 * reload it before they return; another process's writes (a replica, the
 * CLI) arrive as NOTIFY staff_changed, which a dedicated LISTEN connection
 * turns into a reload within milliseconds. As a safety net the snapshot is
 * also reloaded every `ttlMs`, and a read that finds it older answers from
 * the old one and reloads in the background.
 */
import type { Address } from '../../core/message.js';
import type { StaffDirectory } from '../../core/staff.js';
import type pg from 'pg';
import type { PgDatabase } from './database.js';

/** The NOTIFY channel staff writes announce themselves on. */
export const STAFF_CHANGED = 'staff_changed';

export type PgStaffDirectory = StaffDirectory & {
  /** Loads the snapshot now; resolves when this or a newer load is in place. */
  refresh(): Promise<void>;
  /** True once other replicas' changes arrive by NOTIFY (false while (re)connecting). */
  listening(): boolean;
};

type Snapshot = {
  readonly members: ReadonlySet<string>;
  readonly referrers: ReadonlySet<string>;
  /** ASCII-lower-cased code → stored spelling (SQLite's NOCASE folds ASCII only). */
  readonly codes: ReadonlyMap<string, string>;
};

const EMPTY: Snapshot = { members: new Set(), referrers: new Set(), codes: new Map() };

/** Lower-cases A–Z only, as SQLite's NOCASE and the codes' own alphabet do. */
export function foldCode(code: string): string {
  return code.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** One snapshot per connection, however many staff stores are made over it. */
const directories = new WeakMap<PgDatabase, PgStaffDirectory>();

export function pgStaffDirectory(db: PgDatabase, ttlMs = 5_000): PgStaffDirectory {
  const known = directories.get(db);
  if (known !== undefined) return known;
  let snapshot = EMPTY;
  let loadedAt = Number.NEGATIVE_INFINITY;
  let started = 0;
  let applied = 0;
  let background: Promise<void> | undefined;

  async function load(): Promise<void> {
    const seq = ++started;
    const at = Date.now();
    const [members, referrers] = await Promise.all([
      db.query<{ address: string }>('SELECT address FROM staff_members'),
      db.query<{ code: string; address: string | null }>('SELECT code, address FROM referrers WHERE ended_at IS NULL'),
    ]);
    if (seq < applied) return; // a newer load is already in place
    applied = seq;
    loadedAt = at;
    snapshot = {
      members: new Set(members.map((r) => r.address)),
      referrers: new Set(referrers.flatMap((r) => (r.address === null ? [] : [r.address]))),
      codes: new Map(referrers.map((r) => [foldCode(r.code), r.code])),
    };
  }

  function current(): Snapshot {
    if (background === undefined && Date.now() - loadedAt >= ttlMs) {
      background = load()
        .catch(() => undefined) // keep the old snapshot; the next read tries again
        .finally(() => {
          background = undefined;
        });
    }
    return snapshot;
  }

  // Other replicas' writes: LISTEN on a connection of our own; (re)connect on every tick until it holds.
  let listener: pg.Client | undefined;
  let connecting = false;
  let closed = false;
  async function listen(): Promise<void> {
    if (closed || listener !== undefined || connecting) return;
    connecting = true;
    try {
      const client = await db.dedicatedClient();
      const drop = (): void => {
        if (listener === client) listener = undefined;
        void client.end().catch(() => undefined);
      };
      client.on('error', drop);
      client.on('end', drop);
      client.on('notification', () => void load().catch(() => undefined));
      await client.query(`LISTEN ${STAFF_CHANGED}`);
      if (closed) return void (await client.end());
      listener = client;
      await load(); // whatever changed before we listened
    } catch {
      // The database is unreachable for now: the next tick tries again.
    } finally {
      connecting = false;
    }
  }
  void listen();
  const timer = setInterval(() => {
    void listen();
    void load().catch(() => undefined);
  }, Math.max(ttlMs, 1_000));
  timer.unref();
  db.onClose(async () => {
    closed = true;
    clearInterval(timer);
    await listener?.end().catch(() => undefined);
  });

  const directory: PgStaffDirectory = {
    rolesOf(address: Address) {
      const { members, referrers } = current();
      const roles: ('team' | 'referrer')[] = [];
      if (members.has(address)) roles.push('team');
      if (referrers.has(address)) roles.push('referrer');
      return roles;
    },
    referrerCode: (code) => current().codes.get(foldCode(code)),
    refresh: load,
    listening: () => listener !== undefined,
  };
  directories.set(db, directory);
  return directory;
}
