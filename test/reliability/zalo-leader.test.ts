/**
 * Zalo allows one web session per account: of three replicas exactly one
 * runs the listener and sends what the others queue. Kill it (SIGKILL, no
 * goodbye) and another replica takes over within 30 s — with the default
 * 5 s retry, in about that — and sends what was queued meanwhile, once.
 */
import { afterAll, expect, it } from 'vitest';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/index.js';
import { createPgCoordination } from '../../src/storage/postgres/coordination.js';
import { describePg, freshPgUrl } from '../support/postgres.js';
import { startReplica, type Replica } from '../support/replicas.js';

let replicas: Replica[] = [];
let db: PgDatabase | undefined;
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop('SIGKILL')));
  await db?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const leaders = () => replicas.filter((r) => r.stdout.includes('LEADER') && r.child.exitCode === null && r.child.signalCode === null);

describePg('the Zalo listener across replicas', () => {
  it('one leader; killed, another takes over within 30 s and drains the outbox; nothing is sent twice', async () => {
    const url = await freshPgUrl();
    replicas = [0, 1, 2].map((i) => startReplica(i, { DATABASE_URL: url }, 'test/fixtures/zalo-replica.ts'));
    await Promise.race(replicas.map((r) => r.waitFor((line) => line === 'LEADER', 'a leader', 30_000)));
    await sleep(1_500);
    expect(leaders()).toHaveLength(1);
    const first = leaders()[0]!;
    expect(first.stdout).toContain('LISTENING');

    // Another replica (here: the test) queues a reminder; the leader sends it.
    db = connectPostgres(url);
    const outbox = createPgCoordination(db).outbox;
    await outbox.enqueue('zalo', 'zalo:lan', [{ text: 'nhắc-1' }], new Date());
    await first.waitFor((line) => line === 'SENT zalo:lan nhắc-1', 'the first reminder', 10_000);
    // Sent, then deleted in the same transaction; a kill between the two would send it again
    // (at least once, documented in README "Deploying at scale"), so kill after the commit.
    while ((await db.query('SELECT id FROM outbox')).length > 0) await sleep(50);

    first.child.kill('SIGKILL');
    await outbox.enqueue('zalo', 'zalo:minh', [{ text: 'nhắc-2' }], new Date());
    const others = replicas.filter((r) => r !== first);
    await Promise.race(others.map((r) => r.waitFor((line) => line === 'LEADER', 'a new leader', 30_000)));
    const second = others.find((r) => r.stdout.includes('LEADER'))!;
    await second.waitFor((line) => line === 'SENT zalo:minh nhắc-2', 'the queued reminder', 10_000);
    await sleep(1_000);
    expect(leaders()).toEqual([second]);
    const sent = replicas.flatMap((r) => r.stdout.filter((l) => l.startsWith('SENT')));
    expect(sent.sort()).toEqual(['SENT zalo:lan nhắc-1', 'SENT zalo:minh nhắc-2']);
  }, 90_000);
});
