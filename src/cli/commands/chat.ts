/**
 * `chat --jsonl`: the conversation over JSON lines (the CLI contract; keep it exact).
 *   in:  {"user":"u1","text":"..."}  or  {"user":"u1","choice":"<choice id>"}
 *   out: {"user":"u1","messages":[{"text":"...","choices":[{"id":"...","label":"..."}]}]}
 * Exactly one line out per line in; a bad line gets {"error":"..."}. Users are `console:<user>`.
 */
import { z } from 'zod';
import type { Handler, Input } from '../../core/message.js';
import { formatAddress } from '../../core/message.js';

const line = z.union([
  z.object({ user: z.string().min(1).max(200), text: z.string() }),
  z.object({ user: z.string().min(1).max(200), choice: z.string().min(1).max(200) }),
]);

const EXAMPLE = '{"user":"u1","text":"xin chào"}';

export async function chatLine(raw: string, handle: Handler): Promise<string> {
  if (raw.trim() === '') return JSON.stringify({ error: `empty line; send one JSON object per line, e.g. ${EXAMPLE}` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return JSON.stringify({ error: `not valid JSON; send one JSON object per line, e.g. ${EXAMPLE}` });
  }
  const result = line.safeParse(parsed);
  if (!result.success) {
    return JSON.stringify({ error: `expected {"user":"…","text":"…"} or {"user":"…","choice":"…"}, e.g. ${EXAMPLE}` });
  }
  const from = formatAddress('console', result.data.user);
  const input: Input = 'text' in result.data ? { from, text: result.data.text } : { from, choice: result.data.choice };
  const { messages } = await handle(input);
  return JSON.stringify({
    user: result.data.user,
    messages: messages.map((m) => (m.choices && m.choices.length > 0 ? { text: m.text, choices: m.choices } : { text: m.text })),
  });
}

export async function runChat(lines: AsyncIterable<string> | Iterable<string>, handle: Handler, write: (line: string) => void): Promise<void> {
  for await (const raw of lines) write(await chatLine(raw, handle));
}
