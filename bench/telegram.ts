/**
 * 2. Telegram pipeline: 2,000 updates across 125 chats through the real
 * grammY bot + engine + SQLite versus a bare grammY echo bot, both on a
 * local Bot API emulator over HTTP with the same runner. Ratio: time
 * ours/bare (issue's bar ≤ 1.5×).
 *
 * A third bot, replay (same replies as ours, none of our work), is measured
 * in the same interleaved runs; it splits the ratio into the cost of sending
 * more and richer replies and the cost of our code (second row).
 */
import { figure, type Figure } from './lib/figure.js';
import { sampleInterleaved, type Plan } from './lib/measure.js';
import { precomputeReplies, startBareBot, startOurBot, startReplayBot } from './telegram-bots.js';
import { CHATS, createDriver, SCRIPTS, scriptOf, UPDATES } from './telegram-workload.js';

/** Our bar for the second row (the 1.5×, applied to our code alone). */
const MAX_OURS_OVER_REPLAY = 1.5;

export async function benchTelegram(plan: Plan): Promise<Figure[]> {
  if (plan.warmup < 1) throw new Error('The Telegram bench needs a warm-up run: it learns the expected number of replies there.');
  const replies = await precomputeReplies(SCRIPTS);
  const bots = [await startOurBot(), await startBareBot(), await startReplayBot(replies, scriptOf)];
  try {
    const [oursDriver, bareDriver, replayDriver] = bots.map(createDriver);
    if (!oursDriver || !bareDriver || !replayDriver) throw new Error('Telegram bench: a bot did not start.');
    const [ours, bare, replay] = await sampleInterleaved(
      [() => oursDriver.runOnce(), () => bareDriver.runOnce(), () => replayDriver.runOnce()],
      plan,
    );
    if (!ours || !bare || !replay) throw new Error('Telegram bench: missing samples.');
    const details = {
      repliesPerRunOurs: oursDriver.repliesPerRun() ?? 0,
      repliesPerRunBare: bareDriver.repliesPerRun() ?? 0,
      repliesPerRunReplay: replayDriver.repliesPerRun() ?? 0,
    };
    return [
      figure({
        id: 'telegram.updates_per_second',
        label: `Telegram pipeline: ours (grammY + engine + SQLite), updates/s (${UPDATES.toLocaleString('en-US')} updates, ${CHATS} chats)`,
        unit: 'updates/s',
        value: ours,
        bar: { op: '<=', limit: 1.5, on: 'ratio', source: 'issue' },
        baseline: { label: 'bare grammY echo bot', unit: 'updates/s', value: bare },
        ratioLabel: 'time ours/bare',
        ratio: bare.median / ours.median,
        details,
      }),
      figure({
        id: 'telegram.replay_updates_per_second',
        label: `Telegram pipeline: replay bot (ours' ${details.repliesPerRunReplay.toLocaleString('en-US')} replies, none of our work), updates/s`,
        unit: 'updates/s',
        value: replay,
        bar: { op: '<=', limit: MAX_OURS_OVER_REPLAY, on: 'ratio', source: 'bench' },
        baseline: { label: 'ours', unit: 'updates/s', value: ours },
        ratioLabel: 'time ours/replay',
        ratio: replay.median / ours.median,
        details: { timeReplayOverBare: bare.median / replay.median },
      }),
    ];
  } finally {
    for (const bot of bots) await bot.stop();
  }
}
