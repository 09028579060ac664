/** Every FAQ answer ends with the link to its official source, taken from data/program.json (sources.faq). */
import { afterEach, describe, expect, it } from 'vitest';
import { FAQ_INTENTS } from '../../src/core/features/faq/faq.js';
import { loadProgram, parseProgram } from '../../src/data.js';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

describe('FAQ sources', () => {
  const program = loadProgram();

  it.each(FAQ_INTENTS.map((intent) => [intent]))('faq "%s" ends with "Nguồn: <its source>"', async (intent) => {
    chat = conversation();
    await chat.user('/menu');
    chat.last = await chat.app.replies({ from: chat.address, choice: `faq:${intent}` });
    const answer = chat.last[0]?.text ?? '';
    expect(answer.split('\n').at(-1)).toBe(`Nguồn: ${program.sources.faq[intent] ?? 'missing'}`);
  });

  it('in English it says "Source:"', async () => {
    chat = conversation();
    await chat.user('/lang en');
    chat.last = await chat.app.replies({ from: chat.address, choice: 'faq:after_free' });
    expect(chat.last[0]?.text).toMatch(/\nSource: https:\/\/tenmien\.vn$/);
  });

  it('staff change a source in data, no release: the answer follows; a missing topic stops start-up with its name', () => {
    const raw = JSON.parse(JSON.stringify(program)) as { sources: { faq: Record<string, string> } };
    raw.sources.faq['after_free'] = 'https://example.gov.vn/thong-tu-20-2023';
    expect(parseProgram(raw).sources.faq['after_free']).toBe('https://example.gov.vn/thong-tu-20-2023');
    delete raw.sources.faq['documents'];
    expect(() => parseProgram(raw)).toThrow(/sources\.faq: needs a source URL for every FAQ topic: .*documents/);
  });
});
