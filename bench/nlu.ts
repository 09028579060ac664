/** 6. Free-text understanding: `understand` over a varied message set, messages per second. */
import { understand } from '../src/nlu-corpus.js';
import { varietyMessages } from './fixtures/messages.js';
import { figure, type Figure } from './lib/figure.js';
import { ratePerSecond, sample, type Plan } from './lib/measure.js';

const MESSAGES = 5_000;
const TODAY = '2026-11-23';

export async function benchNlu(plan: Plan): Promise<Figure> {
  const messages = varietyMessages(MESSAGES);
  const intents = new Set<string>();
  understand('xin chào', TODAY); // trains the classifier from data/nlu once, outside the timing
  const value = await sample(
    () =>
      ratePerSecond(() => {
        for (const text of messages) intents.add(understand(text, TODAY).intent);
        return messages.length;
      }),
    plan,
  );
  return figure({
    id: 'nlu.messages_per_second',
    label: `Free text: understand(), messages/s (${MESSAGES.toLocaleString('en-US')} varied)`,
    unit: 'msg/s',
    value,
    bar: { op: '>=', limit: 10_000, on: 'value', source: 'issue' },
    details: { distinctIntents: intents.size },
  });
}
