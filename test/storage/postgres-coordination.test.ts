/**
 * Coordination across replicas, each replica being its own connection pool
 * on one database (advisory locks belong to a connection, so three pools
 * behave like three processes): turns never interleave, a job tick runs in
 * one replica, one leader at a time with takeover when it dies, and the
 * outbox hands each message to exactly one sender.
 */
import { afterEach, expect, it } from 'vitest';
import pg from 'pg';
import { connectPostgres, migratePostgres, type PgDatabase } from '../../src/storage/postgres/index.js';
import { createPgCoordination } from '../../src/storage/postgres/coordination.js';
import { PG_MIGRATIONS } from '../../src/storage/postgres/migrations/index.js';
import type { Address, Outgoing } from '../../src/core/message.js';
import { describePg, freshPgUrl } from '../support/postgres.js';
import { waitUntil } from '../support/wait.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let opened: PgDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.close()));
  opened = [];
});

async function replicas(n: number, url?: string): Promise<{ url: string; dbs: PgDatabase[] }> {
  const at = url ?? (await freshPgUrl());
  const dbs = Array.from({ length: n }, () => connectPostgres(at));
  opened.push(...dbs);
  await migratePostgres(dbs[0] as PgDatabase);
  return { url: at, dbs };
}

describePg('PostgreSQL coordination between replicas', () => {
  it('a person’s turns never interleave: 3 replicas × 40 read-modify-write turns lose no update', async () => {
    const { dbs } = await replicas(3);
    const lan: Address = 'zalo:lan';
    await dbs[0]!.query("INSERT INTO sessions (address, state, updated_at) VALUES ($1, '0', 'x')", [lan]);
    const turn = (db: PgDatabase) => async () => {
      const [row] = await db.query<{ state: string }>('SELECT state FROM sessions WHERE address = $1', [lan]);
      await sleep(Math.random() * 3);
      await db.query('UPDATE sessions SET state = $2 WHERE address = $1', [lan, String(Number(row!.state) + 1)]);
    };
    const locked = dbs.map((db) => ({ db, coordination: createPgCoordination(db) }));
    await Promise.all(locked.flatMap(({ db, coordination }) => Array.from({ length: 40 }, () => coordination.withTurnLock(lan, turn(db)))));
    const [after] = await dbs[0]!.query<{ state: string }>('SELECT state FROM sessions WHERE address = $1', [lan]);
    expect(after!.state).toBe('120');

    // The same turns without the lock do lose updates: the test can tell.
    await dbs[0]!.query("UPDATE sessions SET state = '0' WHERE address = $1", [lan]);
    await Promise.all(dbs.flatMap((db) => Array.from({ length: 40 }, () => turn(db)())));
    const [unlocked] = await dbs[0]!.query<{ state: string }>('SELECT state FROM sessions WHERE address = $1', [lan]);
    expect(Number(unlocked!.state)).toBeLessThan(120);
  });

  it('different people do not wait for each other, and a failing turn releases its lock', async () => {
    const { dbs } = await replicas(2);
    const [a, b] = dbs.map((db) => createPgCoordination(db));
    let release!: () => void;
    const held = a!.withTurnLock('telegram:1', () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(50);
    expect(await b!.withTurnLock('telegram:2', async () => 'other person served')).toBe('other person served');
    release();
    await held;
    await expect(a!.withTurnLock('telegram:3', async () => Promise.reject(new Error('engine bug')))).rejects.toThrow('engine bug');
    expect(await b!.withTurnLock('telegram:3', async () => 'next turn runs')).toBe('next turn runs');
  });

  it('a turn waits at most the lock timeout for a replica that hangs mid-turn, then gives up', async () => {
    const url = await freshPgUrl();
    const hung = connectPostgres(url);
    const waiting = connectPostgres(url, { turnLockTimeoutMs: 300 });
    opened.push(hung, waiting);
    await migratePostgres(hung);
    let release!: () => void;
    const stuck = createPgCoordination(hung).withTurnLock('zalo:9', () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(50);
    await expect(createPgCoordination(waiting).withTurnLock('zalo:9', async () => 'never')).rejects.toThrow(/lock timeout/);
    release();
    await stuck;
    expect(await createPgCoordination(waiting).withTurnLock('zalo:9', async () => 'served')).toBe('served');
  });

  it('a job tick runs in one replica only while it runs', async () => {
    const { dbs } = await replicas(3);
    let runs = 0;
    const results = await Promise.all(
      dbs.map((db) =>
        createPgCoordination(db).once('followups', async () => {
          runs += 1;
          await sleep(500);
          return 'done';
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    // Once it finished, the next tick may run anywhere.
    expect(await createPgCoordination(dbs[2]!).once('followups', async () => 'again')).toEqual({ ran: true, value: 'again' });
  });

  it('one leader at a time; when its connection dies another replica takes over within seconds', async () => {
    const { url, dbs } = await replicas(2);
    const events: string[] = [];
    const campaign = (name: string, db: PgDatabase) =>
      createPgCoordination(db, { retryMs: 200 }).lead('zalo', {
        onGain: () => void events.push(`${name} leads`),
        onLose: () => void events.push(`${name} steps down`),
      });
    const first = campaign('A', dbs[0]!);
    await waitUntil(() => first.isLeader());
    const second = campaign('B', dbs[1]!);
    await sleep(600);
    expect(events).toEqual(['A leads']);
    expect(first.isLeader() && !second.isLeader()).toBe(true);

    // A's process "dies": the server ends its connections (as when a replica is killed).
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = 3 AND granted",
    );
    await admin.end();
    await waitUntil(() => second.isLeader());
    expect(second.isLeader()).toBe(true);
    await waitUntil(() => !first.isLeader());
    expect(first.isLeader()).toBe(false);
    expect(events).toEqual(expect.arrayContaining(['A steps down', 'B leads']));
    await first.stop();
    await second.stop();
    expect(events.at(-1)).toBe('B steps down');
  });

  it('the outbox: any replica queues, concurrent drains send each message once, 3 failures delete the row (issue #18)', async () => {
    const { dbs } = await replicas(3);
    const [a, b, c] = dbs.map((db) => createPgCoordination(db));
    const now = new Date('2026-11-23T02:00:00.000Z');
    for (let i = 0; i < 30; i++) await a!.outbox.enqueue('zalo', `zalo:${i}`, [{ text: `nhắc ${i}` }], now);
    const sent: string[] = [];
    const send = async (address: Address, messages: readonly Outgoing[]) => {
      await sleep(2);
      sent.push(`${address} ${messages[0]?.text ?? ''}`);
    };
    const results = await Promise.all([b!.outbox.drain('zalo', send, now, 20), c!.outbox.drain('zalo', send, now, 20)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(new Set(sent).size).toBe(30);
    expect(await dbs[0]!.query('SELECT * FROM outbox')).toEqual([]);

    await a!.outbox.enqueue('zalo', 'zalo:x', [{ text: 'không gửi được' }], now);
    const failing = async () => Promise.reject(new Error('Zalo is not connected'));
    expect(await b!.outbox.drain('zalo', failing, now)).toEqual({ sent: 0, failed: 0 });
    await b!.outbox.drain('zalo', failing, now);
    expect(await b!.outbox.drain('zalo', failing, now)).toEqual({ sent: 0, failed: 1 });
    // Issue #18: after the retry budget nothing of the row is kept — no address, no text (it was kept forever before).
    expect(await dbs[0]!.query('SELECT address, messages, attempts, error FROM outbox')).toEqual([]);
    expect(await b!.outbox.drain('zalo', send, now)).toEqual({ sent: 0, failed: 0 });
  });

  it('replicas starting together apply the schema once', async () => {
    const url = await freshPgUrl();
    const dbs = Array.from({ length: 3 }, () => connectPostgres(url));
    opened.push(...dbs);
    const results = await Promise.all(dbs.map((db) => migratePostgres(db)));
    const latest = PG_MIGRATIONS.length;
    expect(results.map((r) => r.to)).toEqual([latest, latest, latest]);
    expect(results.filter((r) => r.from === 0 && r.to === latest).length).toBeGreaterThanOrEqual(1);
    expect(await dbs[0]!.query('SELECT version FROM schema_version')).toEqual([{ version: latest }]);
  });
});
