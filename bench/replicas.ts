/**
 * 8. Replicas: the same webhook workload against one bot process and against
 * three, all on one PostgreSQL database (started here, on 127.0.0.1) and the
 * local Bot API emulator. Each of 200 people sends a 10-message script in
 * order; people run in parallel. "1 replica" sends every update to replica 0,
 * "3 replicas" spreads them round-robin (a load balancer). Ratio: throughput
 * 3 replicas / 1. A single SQLite process on the same workload is the detail
 * that shows what PostgreSQL costs a one-process setup. CPU ms per update
 * (busy time of the whole machine / updates) is recorded for each.
 *
 * The machine's core count caps the ratio: three Node processes and the
 * database share them (README "Deploying at scale").
 */
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, type Figure } from './lib/figure.js';
import { sampleInterleaved, toSample, type Plan } from './lib/measure.js';
import { startFakeBotApi } from '../test/fakes/bot-api-server.js';
import { freePort, startPostgres } from '../test/support/postgres-server.js';
import { postText, startWebhookReplica, type Replica } from '../test/support/replicas.js';

const TOKEN = '987654321:AAH-replica-bench-token-0123456789';
const SECRET = 'replica-bench-0123456789abcdef0123456789abcdef';
const PEOPLE = 200;
const SCRIPT = ['xin chào', '1', '15/03/2004', '1', 'tôi 20 tuổi', 'mình 21 tuổi', 'tôi 19 tuổi', 'em 22 tuổi', 'tôi 25 tuổi', 'tôi 18 tuổi'];
const UPDATES = PEOPLE * SCRIPT.length;

type Fleet = { ports: number[]; replicas: Replica[] };

async function startFleet(n: number, env: Record<string, string>, apiRoot: string): Promise<Fleet> {
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await freePort());
  const replicas = ports.map((port, index) =>
    startWebhookReplica(index, { token: TOKEN, apiRoot, secret: SECRET, port, env: { ...env, LOG_LEVEL: 'warn' } }),
  );
  await Promise.all(ports.map(waitListening));
  return { ports, replicas };
}

async function waitListening(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/`, { method: 'GET' }).then((r) => r.status, () => 0);
    if (status === 405) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`replica on port ${port} did not start`);
}

/** Busy CPU time of the whole machine (all processes: replicas, PostgreSQL, emulator, driver), ms. */
function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return ((user + nice + system + irq + softirq) * 1000) / 100;
}

let run = 0;
/** Runs the workload with new people; `pick(person, step)` chooses the replica's port. Returns updates per second. */
async function drive(ports: readonly number[], pick: (person: number, step: number) => number, cpu: number[]): Promise<number> {
  run += 1;
  const base = 1_000_000 + run * 1_000;
  const busy = machineBusyMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PEOPLE }, async (_, p) => {
      const id = base + p;
      for (const [k, text] of SCRIPT.entries()) {
        const status = await postText(ports[pick(p, k)]!, SECRET, id, text);
        if (status !== 200) throw new Error(`replica answered ${status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  cpu.push((machineBusyMs() - busy) / UPDATES);
  return UPDATES / seconds;
}

const round = (value: number): number => Number(value.toFixed(2));

/**
 * Our bar (the issue sets none). Each replica is one Node thread and PostgreSQL needs CPU too, so
 * three replicas can only be faster with cores to spare: from 4 cores we ask 1.5×. Below that the
 * machine is already full with one replica, and we ask only that replicas do not collapse
 * throughput (≥ 0.7×): what they add there is availability, not speed.
 */
function scalingBar(): number {
  return availableParallelism() >= 4 ? 1.5 : 0.7;
}

export async function benchReplicas(plan: Plan): Promise<Figure[]> {
  const api = await startFakeBotApi({ token: TOKEN });
  const pgServer = await startPostgres();
  const fleets: Fleet[] = [];
  try {
    const postgres = await startFleet(3, { DATABASE_URL: pgServer.url }, api.apiRoot);
    fleets.push(postgres);
    const sqlite = await startFleet(1, { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-replicas-')), 'bot.sqlite') }, api.apiRoot);
    fleets.push(sqlite);
    const cpu: number[][] = [[], [], []];
    const [one, three, single] = await sampleInterleaved(
      [
        () => drive(postgres.ports, () => 0, cpu[0]!),
        () => drive(postgres.ports, (p, k) => (p + k) % 3, cpu[1]!),
        () => drive(sqlite.ports, () => 0, cpu[2]!),
      ],
      plan,
    );
    const [cpuOne, cpuThree, cpuSqlite] = cpu.map((runs) => toSample(runs.slice(plan.warmup)));
    if (!one || !three || !single) throw new Error('Replica bench: missing samples.');
    return [
      figure({
        id: 'replicas.three_over_one',
        label: `Replicas on PostgreSQL, webhook updates/s: 3 replicas (${UPDATES.toLocaleString('en-US')} updates, ${PEOPLE} people; ${availableParallelism()} cores)`,
        unit: 'updates/s',
        value: three,
        bar: { op: '>=', limit: scalingBar(), on: 'ratio', source: 'bench' },
        baseline: { label: '1 replica on PostgreSQL', unit: 'updates/s', value: one },
        ratioLabel: 'rate 3 replicas/1',
        ratio: three.median / one.median,
        details: {
          cores: availableParallelism(),
          sqliteSingleProcessUpdatesPerSecond: Math.round(single.median),
          postgresOneOverSqlite: Number((one.median / single.median).toFixed(2)),
          cpuMsPerUpdateOneReplica: round(cpuOne!.median),
          cpuMsPerUpdateThreeReplicas: round(cpuThree!.median),
          cpuMsPerUpdateSqlite: round(cpuSqlite!.median),
        },
      }),
    ];
  } finally {
    await Promise.all(fleets.flatMap((f) => f.replicas.map((r) => r.stop())));
    await api.close();
    pgServer.stop();
  }
}
