/**
 * Three bot processes (src/main.ts, webhook mode) share one PostgreSQL
 * database and the local Telegram API fake; this test is the load balancer.
 * 30 people send 300 messages: first a check step by step, each step to a
 * different replica (state must cross processes), then a burst of six
 * messages each, all at once, spread over the replicas. Nothing may be lost
 * or doubled, and the turn-lock log lines of all three processes show that
 * no two turns of one person ever overlapped.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { startFakeBotApi, type FakeBotApi } from '../fakes/bot-api-server.js';
import { describePg, freshPgUrl } from '../support/postgres.js';
import { freePort } from '../support/postgres-server.js';
import { postText, startWebhookReplica, type Replica } from '../support/replicas.js';

const TOKEN = '987654321:AAH-replica-test-token-0123456789';
const SECRET = 'replica-secret-0123456789abcdef0123456789abcdef';
const USERS = Array.from({ length: 30 }, (_, i) => 5_000 + i);
const STEPS = ['xin chào', '1', '15/03/2004', '1'];
const BURST = ['tôi 20 tuổi', 'mình 21 tuổi', 'tôi 19 tuổi', 'em 22 tuổi', 'tôi 20 tuổi', 'tôi 18 tuổi'];

let api: FakeBotApi;
let url: string;
let ports: number[] = [];
let replicas: Replica[] = [];
/** The load balancer: one update to one replica's webhook. */
const deliver = (replica: number, user: number, text: string): Promise<number> => postText(ports[replica]!, SECRET, user, text);

describePg('three replicas on one PostgreSQL database', () => {
  beforeAll(async () => {
    api = await startFakeBotApi({ token: TOKEN });
    url = await freshPgUrl();
    ports = [await freePort(), await freePort(), await freePort()];
    replicas = ports.map((port, index) =>
      startWebhookReplica(index, {
        token: TOKEN,
        apiRoot: api.apiRoot,
        secret: SECRET,
        port,
        env: { DATABASE_URL: url, LOG_LEVEL: 'debug', LOG_SALT: 'replica-test-salt-0123456789' },
      }),
    );
    await Promise.all(replicas.map((r) => r.waitFor((l) => typeof l === 'object' && l['msg'] === 'channel started', 'the Telegram channel', 60_000)));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await api?.close();
  });

  it('300 messages from 30 people: none lost or doubled, no turn of one person overlaps another', async () => {
    // Step by step: each person's next message goes to the next replica.
    const statuses: number[] = [];
    await Promise.all(
      USERS.map(async (user, u) => {
        for (const [k, text] of STEPS.entries()) statuses.push(await deliver((u + k) % 3, user, text));
      }),
    );
    // The burst: six messages per person at once, over all three replicas.
    statuses.push(...(await Promise.all(USERS.flatMap((user, u) => BURST.map((text, k) => deliver((u + k) % 3, user, text))))));
    expect(statuses).toHaveLength(300);
    expect(statuses.every((s) => s === 200)).toBe(true);

    // Every person saw the consent step land on a replica that knew the state another one saved.
    for (const user of USERS) {
      const texts = api.sent(user).map((m) => m.text).join('\n');
      expect(texts).toMatch(/đủ điều kiện nhận tên miền id\.vn/);
      expect(texts).toMatch(/Mình đã lưu kết quả/);
    }

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const perPerson = await db.query<{ address: string; n: string }>(
        "SELECT address, count(*) AS n FROM checks GROUP BY address ORDER BY address",
      );
      // One consented check from the steps plus six from the burst, each exactly once, for everyone.
      expect(perPerson.rows).toHaveLength(30);
      expect(perPerson.rows.every((r) => r.address.startsWith('telegram:') && Number(r.n) === 7)).toBe(true);
      const people = await db.query("SELECT count(*)::int AS n FROM people WHERE consent = 'granted'");
      expect(people.rows[0]).toEqual({ n: 30 });
    } finally {
      await db.end();
    }

    // The turn-lock intervals of all three processes: per person, sorted, never overlapping.
    const held = replicas.flatMap((r) =>
      r.logs.filter((l) => l['msg'] === 'turn lock held').map((l) => ({ replica: r.index, address: String(l['address']), from: Number(l['from']), to: Number(l['to']) })),
    );
    expect(held).toHaveLength(300);
    const byPerson = new Map<string, typeof held>();
    for (const h of held) byPerson.set(h.address, [...(byPerson.get(h.address) ?? []), h]);
    expect(byPerson.size).toBe(30);
    for (const turns of byPerson.values()) {
      const sorted = turns.sort((a, b) => a.from - b.from);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.from).toBeGreaterThanOrEqual(sorted[i - 1]!.to);
      expect(new Set(sorted.map((t) => t.replica)).size).toBe(3);
    }
    // …while different people's turns did run at the same time (the test exercised concurrency).
    const all = held.sort((a, b) => a.from - b.from);
    expect(all.some((h, i) => i > 0 && h.from < all[i - 1]!.to)).toBe(true);
  }, 120_000);
});
