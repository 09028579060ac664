/**
 * The labelled intent corpus (data/nlu/*.jsonl) and the app's `understand`: the lexicons
 * blended with a classifier trained from the corpus once per process — at start-up when the
 * assistant is configured (createConfiguredAssistant), else on first use. Deterministic.
 * `heldout.jsonl` is never trained on: it measures how well understanding generalises
 * (`npm run eval:nlu`). A malformed line stops start-up with the file, line and the fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createUnderstand, trainFromCorpus } from './core/nlu/index.js';
import { INTENTS, type Entities, type Understand } from './core/nlu/types.js';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'data', 'nlu');
export const HELDOUT_FILE = 'heldout.jsonl';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const lineSchema = z.strictObject({
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  entities: z
    .strictObject({
      age: z.number().int().min(0).max(130).optional(),
      birthYear: z.number().int().min(1900).max(2100).optional(),
      birthDate: isoDate.optional(),
      establishedDate: isoDate.optional(),
      businessType: z.enum(['enterprise', 'household']).optional(),
    })
    .optional(),
});

export type LabelledLine = { text: string; intent: (typeof INTENTS)[number]; entities: Entities };

/** Reads one JSONL file; throws naming the file, the line and what a line must look like. */
export function readCorpusFile(path: string): LabelledLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${path} line ${i + 1}: not valid JSON; write {"text": "...", "intent": "<intent>"}`);
      }
      const parsed = lineSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${path} line ${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
      }
      const { text, intent, entities } = parsed.data;
      return [{ text, intent, entities: Object.fromEntries(Object.entries(entities ?? {}).filter(([, v]) => v !== undefined)) as Entities }];
    });
}

/** Every training line: all *.jsonl files of the corpus folder except the held-out one, by name. */
export function loadTrainingCorpus(dir: string = CORPUS_DIR): LabelledLine[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl') && name !== HELDOUT_FILE)
    .sort();
  return files.flatMap((name) => readCorpusFile(join(dir, name)));
}

export function loadHeldout(dir: string = CORPUS_DIR): LabelledLine[] {
  return readCorpusFile(join(dir, HELDOUT_FILE));
}

let trained: Understand | undefined;

/** Trains the classifier now (once per process) rather than on the first message. */
export function trainUnderstanding(): Understand {
  trained ??= createUnderstand(trainFromCorpus(loadTrainingCorpus()));
  return trained;
}

/** The app's understanding: trained once, at start-up or on first use, from data/nlu. */
export const understand: Understand = (text, today) => trainUnderstanding()(text, today);
