/**
 * 1. Engine: complete id.vn checks through the pure `step` with the real NLU,
 * no storage, in turns per second.
 *
 * Baseline: the very same turns with the NLU answers precomputed (a Map
 * lookup instead of `understand`). The ratio full/NLU-free is the share of a
 * turn's speed left after NLU: it says whether tuning should go to the NLU or
 * to the flows and choice resolution.
 */
import { step } from '../src/core/engine.js';
import type { Input } from '../src/core/message.js';
import type { Understand, Understanding } from '../src/core/nlu/types.js';
import { understand } from '../src/core/nlu/index.js';
import type { Session } from '../src/core/session.js';
import { idvnChecks, type ScriptTurn } from './fixtures/idvn-scripts.js';
import { engineDeps } from './lib/app-parts.js';
import { figure, type Figure } from './lib/figure.js';
import { ratePerSecond, samplePair, type Plan } from './lib/measure.js';

const CHECKS = 2_000;

function toInput(index: number, turn: ScriptTurn): Input {
  const from = `telegram:${100_000 + index}` as const;
  return 'text' in turn ? { from, text: turn.text } : { from, choice: turn.choice };
}

/** Runs every conversation from a new session; returns the number of turns stepped. */
function runAll(conversations: readonly (readonly Input[])[], nlu: Understand): number {
  const deps = engineDeps(nlu);
  let turns = 0;
  let recorded = 0;
  for (const inputs of conversations) {
    let session: Session | undefined;
    for (const input of inputs) {
      const result = step(session, input, deps);
      session = result.session;
      recorded += result.writes.length;
      turns += 1;
    }
  }
  if (recorded === 0) throw new Error('Engine bench recorded no checks: the scripts no longer complete an id.vn check.');
  return turns;
}

export async function benchEngine(plan: Plan): Promise<Figure> {
  const conversations = idvnChecks(CHECKS).map((turns, i) => turns.map((t) => toInput(i, t)));
  const answers = new Map<string, Understanding>();
  runAll(conversations, (text, today) => {
    const u = understand(text, today);
    answers.set(`${today}|${text}`, u);
    return u;
  });
  const precomputed: Understand = (text, today) => answers.get(`${today}|${text}`) ?? understand(text, today);

  const [full, nluFree] = await samplePair(
    () => ratePerSecond(() => runAll(conversations, understand)),
    () => ratePerSecond(() => runAll(conversations, precomputed)),
    plan,
  );
  const turns = conversations.reduce((sum, c) => sum + c.length, 0);
  return figure({
    id: 'engine.turns_per_second',
    label: `Engine: id.vn checks, turns/s (${CHECKS.toLocaleString('en-US')} checks, ${turns.toLocaleString('en-US')} turns)`,
    unit: 'turns/s',
    value: full,
    bar: { op: '>=', limit: 20_000, on: 'value', source: 'issue' },
    baseline: { label: 'same turns, NLU precomputed', unit: 'turns/s', value: nluFree },
    ratioLabel: 'rate full/NLU-free',
    ratio: full.median / nluFree.median,
  });
}
