/**
 * The deletion ledger (issue #18): who deleted their data, as a salted hash
 * of the address (HMAC-SHA256 with the database's random `ledger_salt`) and
 * the date — never the address. `restore` re-applies it: anyone in the
 * restored backup whose hash is in the live database's ledger is forgotten
 * again before the backup goes live, so a deletion survives a restore.
 *
 * The salt lives in the database (and so in its backups): the hashes are
 * unreadable without it, and whoever holds the database holds the addresses
 * anyway. Every address-bearing column is walked when re-applying.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Address } from '../core/message.js';

export type Ledger = { readonly salt: string; readonly entries: ReadonlyMap<string, string> };

/** Hex written with the letters a–p: the same bits, and no run of digits for an audit to mistake for a phone number. */
function letters(hex: string): string {
  return hex.replace(/[0-9a-f]/g, (digit) => 'abcdefghijklmnop'.charAt(Number.parseInt(digit, 16)));
}

export function ledgerHash(salt: string, address: string): string {
  return letters(createHmac('sha256', salt).update(address).digest('hex'));
}

/** A new salt: 32 random bytes, 64 letters. */
export function newLedgerSalt(): string {
  return letters(randomBytes(32).toString('hex'));
}

/** The SQLite statements commitTurn's `forget` uses: one ledger row per deleted person. */
export function prepareLedgerWrite(db: BetterSqlite3.Database): (address: Address, now: string) => void {
  const salt = db.prepare<[], string>('SELECT salt FROM ledger_salt WHERE id = 1').pluck();
  const makeSalt = db.prepare<[string]>('INSERT INTO ledger_salt (id, salt) VALUES (1, ?) ON CONFLICT (id) DO NOTHING');
  const insert = db.prepare<[string, string]>('INSERT INTO deletion_ledger (hash, deleted_at) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING');
  return (address, now) => {
    let value = salt.get();
    if (value === undefined) {
      makeSalt.run(newLedgerSalt());
      value = salt.get() ?? '';
    }
    insert.run(ledgerHash(value, address), now);
  };
}

function hasTable(db: BetterSqlite3.Database, name: string): boolean {
  return db.prepare<[string], number>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) !== undefined;
}

/** The ledger of a database (a live file or a backup); undefined when it has none (schema before 6). */
export function readLedger(db: BetterSqlite3.Database): Ledger | undefined {
  if (!hasTable(db, 'deletion_ledger') || !hasTable(db, 'ledger_salt')) return undefined;
  const salt = db.prepare<[], string>('SELECT salt FROM ledger_salt WHERE id = 1').pluck().get();
  if (salt === undefined) return undefined;
  const rows = db.prepare<[], { hash: string; deleted_at: string }>('SELECT hash, deleted_at FROM deletion_ledger').all();
  return { salt, entries: new Map(rows.map((r) => [r.hash, r.deleted_at])) };
}

/** Tables and columns that may name a person, as far as they exist in `db`. */
const ADDRESS_COLUMNS: readonly [string, string][] = [
  ['people', 'address'],
  ['sessions', 'address'],
  ['checks', 'address'],
  ['checks', 'helper'],
  ['followups', 'address'],
  ['news_optins', 'address'],
  ['registrations', 'address'],
  ['handoffs', 'address'],
  ['renewals', 'address'],
  ['join_failures', 'address'],
  ['join_blocks', 'address'],
];

function addressesIn(db: BetterSqlite3.Database): Set<string> {
  const found = new Set<string>();
  for (const [table, column] of ADDRESS_COLUMNS) {
    if (!hasTable(db, table)) continue;
    const columns = new Set(db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table));
    if (!columns.has(column)) continue;
    for (const value of db.prepare<[], string>(`SELECT DISTINCT ${column} FROM ${table} WHERE ${column} IS NOT NULL`).pluck().all()) found.add(value);
  }
  return found;
}

/**
 * Forgets, in `db` (migrated to the latest schema), everyone whose hash is in
 * `ledger`, with `forget` (the record store's own erasure), then makes `db`
 * carry the live salt and every ledger entry. Returns how many were forgotten.
 */
export function applyLedger(db: BetterSqlite3.Database, ledger: Ledger, forget: (address: Address) => void): number {
  const own = readLedger(db);
  let forgotten = 0;
  db.transaction(() => {
    if (own !== undefined && own.salt !== ledger.salt) db.prepare('DELETE FROM deletion_ledger').run();
    db.prepare('INSERT INTO ledger_salt (id, salt) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET salt = excluded.salt').run(ledger.salt);
    for (const address of addressesIn(db)) {
      if (!ledger.entries.has(ledgerHash(ledger.salt, address))) continue;
      forget(address as Address);
      forgotten += 1;
    }
    const insert = db.prepare<[string, string]>('INSERT INTO deletion_ledger (hash, deleted_at) VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET deleted_at = min(deleted_at, excluded.deleted_at)');
    for (const [hash, at] of ledger.entries) insert.run(hash, at);
  })();
  return forgotten;
}
