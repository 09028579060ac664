import { describe, expect, it } from 'vitest';
import { CONVERSATION_LEXICON } from '../../../src/core/nlu/lexicon-conversation.js';
import { PROGRAM_LEXICON } from '../../../src/core/nlu/lexicon-program.js';
import { normalize } from '../../../src/core/nlu/normalize.js';
import { INTENTS } from '../../../src/core/nlu/types.js';

const entries = [PROGRAM_LEXICON, CONVERSATION_LEXICON].flatMap((lexicon) =>
  Object.entries(lexicon).flatMap(([intent, list]) => (list ?? []).map(([pattern, weight]) => ({ intent, pattern, weight }))),
);

describe('intent lexicons', () => {
  it('name only known intents, and every intent but out_of_scope has cues', () => {
    for (const { intent } of entries) expect(INTENTS).toContain(intent);
    for (const intent of INTENTS) expect(entries.some((e) => e.intent === intent)).toBe(true);
  });

  it('are written in canonical tokens, so every cue can match (no slang, no diacritics)', () => {
    for (const { pattern } of entries) {
      for (const part of pattern.split('&')) {
        const phrase = part.trim().replace(/^!/, '').replace(/^\^/, '').replace(/\$$/, '').trim();
        if (phrase.includes('#')) continue;
        expect(normalize(phrase).tokens.join(' '), pattern).toBe(phrase);
      }
    }
  });

  it('list each cue once per intent', () => {
    const keys = entries.map((e) => `${e.intent}:${e.pattern}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
