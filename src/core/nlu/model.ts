/**
 * Trains the intent classifier from labelled lines ({text, intent}), reading each text with
 * the same pipeline `understand` uses. The caller loads the lines (src/nlu-corpus.ts reads
 * data/nlu/*.jsonl); core never touches files.
 */
import { trainIntentModel, type IntentModel, type TrainOptions } from './classifier.js';
import { featurize } from './features.js';
import { read } from './read.js';
import type { Intent } from './types.js';

export type CorpusLine = { readonly text: string; readonly intent: Intent };

/** The corpus's reference day: relative dates in its lines ("năm nay") are read against it. */
const REFERENCE_DAY = '2026-11-23';

export function trainFromCorpus(lines: readonly CorpusLine[], options?: TrainOptions): IntentModel {
  const examples = lines.map((line) => {
    const { n, entities, signals } = read(line.text, REFERENCE_DAY);
    return { features: featurize(n, entities, signals), intent: line.intent };
  });
  return trainIntentModel(examples, options);
}
