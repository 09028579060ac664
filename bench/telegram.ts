/**
 * 2. Telegram pipeline (issue #21): three bots on their own local Bot API
 * emulators with the same runner and the same closed-loop driver, at 1, 10
 * and 100 concurrent chats, interleaved run by run (ours, peer, echo…):
 * - ours: createTelegramChannel + assistant + SQLite file DB, like src/main.ts;
 * - peer: the id.vn check as a grammY developer writes it (bench/peer-bot.ts);
 * - echo: a bare grammY bot echoing each text.
 * Bars (the issue's): ours ≥ the peer in updates/s at every concurrency, and
 * within 1.5× of echo (time per update) at 100 concurrent chats.
 */
import { figure, type Figure } from './lib/figure.js';
import { median, sampleInterleaved, type Plan, type Sample } from './lib/measure.js';
import { formatNumber } from './lib/table.js';
import { startPeerBot } from './peer-bot.js';
import { startBareBot, startOurBot, type PipelineBot } from './telegram-bots.js';
import { createLoadDriver, type LoadDriver, type LoadRun } from './telegram-load.js';

/** Concurrent chats, and how many 16-message chats one run sends at that concurrency. */
const LEVELS = [
  { concurrency: 1, chats: 30 },
  { concurrency: 10, chats: 125 },
  { concurrency: 100, chats: 250 },
] as const;
const BOTS = ['ours', 'peer', 'echo'] as const;
type BotName = (typeof BOTS)[number];
const MAX_OURS_OVER_ECHO = 1.5;

export type SideBySide = { readonly concurrency: number; readonly bot: BotName; readonly updatesPerSecond: number; readonly p50Ms: number; readonly p99Ms: number };

export type TelegramBench = { readonly figures: Figure[]; readonly table: SideBySide[] };

async function startBots(): Promise<Record<BotName, PipelineBot>> {
  return { ours: await startOurBot(), peer: await startPeerBot(), echo: await startBareBot() };
}

type Level = { readonly concurrency: number; readonly rates: Record<BotName, Sample>; readonly rows: SideBySide[]; readonly turnsPerCommit: number };

async function measureLevel(bots: Record<BotName, PipelineBot>, drivers: Record<BotName, LoadDriver>, concurrency: number, chats: number, plan: Plan): Promise<Level> {
  const runs: Record<BotName, LoadRun[]> = { ours: [], peer: [], echo: [] };
  const before = bots.ours.commits?.();
  const variants = BOTS.map((name) => {
    return async () => {
      const run = await drivers[name].run(concurrency, chats);
      runs[name].push(run);
      return run.updatesPerSecond;
    };
  });
  const samples = await sampleInterleaved(variants, plan);
  const after = bots.ours.commits?.();
  const turnsPerCommit = before && after ? (after.turns - before.turns) / Math.max(1, after.transactions - before.transactions) : Number.NaN;
  const rates = Object.fromEntries(BOTS.map((name, i) => [name, samples[i]])) as Record<BotName, Sample>;
  const rows = BOTS.map((name) => {
    const measured = runs[name].slice(plan.warmup);
    return {
      concurrency,
      bot: name,
      updatesPerSecond: rates[name].median,
      p50Ms: median(measured.map((r) => r.p50Ms)),
      p99Ms: median(measured.map((r) => r.p99Ms)),
    };
  });
  return { concurrency, rates, rows, turnsPerCommit };
}

function levelFigure(level: Level, updates: number): Figure {
  const { ours, peer, echo } = level.rates;
  const row = (bot: BotName) => level.rows.find((r) => r.bot === bot);
  const details: Record<string, number> = { echoUpdatesPerSecond: echo.median, oursTurnsPerCommit: level.turnsPerCommit };
  for (const bot of BOTS) {
    details[`${bot}P50Ms`] = row(bot)?.p50Ms ?? Number.NaN;
    details[`${bot}P99Ms`] = row(bot)?.p99Ms ?? Number.NaN;
  }
  return figure({
    id: `telegram.c${level.concurrency}.ours_over_peer`,
    label: `Telegram, ${level.concurrency} concurrent chat${level.concurrency === 1 ? '' : 's'}: ours, updates/s (${updates.toLocaleString('en-US')} updates/run)`,
    unit: 'updates/s',
    value: ours,
    bar: { op: '>=', limit: 1, on: 'ratio', source: 'issue' },
    baseline: { label: 'peer (grammY developer)', unit: 'updates/s', value: peer },
    ratioLabel: 'rate ours/peer',
    ratio: ours.median / peer.median,
    details,
  });
}

export async function benchTelegram(plan: Plan): Promise<TelegramBench> {
  const bots = await startBots();
  try {
    const drivers = { ours: createLoadDriver(bots.ours), peer: createLoadDriver(bots.peer), echo: createLoadDriver(bots.echo) };
    const levels: Level[] = [];
    for (const { concurrency, chats } of LEVELS) levels.push(await measureLevel(bots, drivers, concurrency, chats, plan));
    const figures = levels.map((level, i) => levelFigure(level, (LEVELS[i]?.chats ?? 0) * 16));
    const busiest = levels.at(-1);
    if (busiest) {
      figures.push(
        figure({
          id: `telegram.c${busiest.concurrency}.ours_over_echo`,
          label: `Telegram, ${busiest.concurrency} concurrent chats: ours vs bare grammY echo bot, updates/s`,
          unit: 'updates/s',
          value: busiest.rates.ours,
          bar: { op: '<=', limit: MAX_OURS_OVER_ECHO, on: 'ratio', source: 'issue' },
          baseline: { label: 'bare grammY echo bot', unit: 'updates/s', value: busiest.rates.echo },
          ratioLabel: 'time ours/echo',
          ratio: busiest.rates.echo.median / busiest.rates.ours.median,
        }),
      );
    }
    return { figures, table: levels.flatMap((l) => l.rows) };
  } finally {
    for (const bot of Object.values(bots)) await bot.stop();
  }
}

/** The side-by-side table: one row per concurrency, the three bots in columns. */
export function formatSideBySide(rows: readonly SideBySide[]): string {
  const cell = (r: SideBySide | undefined): string =>
    r === undefined ? '—' : `${formatNumber(r.updatesPerSecond)}/s, p50 ${formatNumber(r.p50Ms)} ms, p99 ${formatNumber(r.p99Ms)} ms`;
  const levels = [...new Set(rows.map((r) => r.concurrency))];
  const lines = levels.map((c) => {
    const at = (bot: BotName) => rows.find((r) => r.concurrency === c && r.bot === bot);
    return `| ${String(c).padStart(11)} | ${BOTS.map((b) => cell(at(b))).join(' | ')} |`;
  });
  return ['| concurrency | ours | peer (grammY developer) | bare echo |', '|------------:|---|---|---|', ...lines].join('\n');
}
