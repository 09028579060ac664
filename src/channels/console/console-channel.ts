/**
 * The console channel: a readline chat in the terminal, Vietnamese by
 * default, choices shown as numbers. It is what `npm start` runs when no
 * Telegram or Zalo credentials are configured. Typing a number, a label or
 * free text all work: the core resolves them.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Address, Handler, Locale, Outgoing } from '../../core/message.js';
import { formatAddress } from '../../core/message.js';
import type { Channel } from '../../core/ports.js';

export type ConsoleChannelDeps = {
  readonly handle: Handler;
  readonly input: Readable;
  readonly output: Writable;
  /** The console user's name: the person is `console:<user>`. */
  readonly user?: string;
  /** Shown under numbered choices, e.g. "Trả lời bằng số hoặc gõ câu hỏi"; a function gets the turn's language. */
  readonly hint?: string | ((locale: Locale) => string);
  /** Called when the person closes the chat (Ctrl-D, /quit). */
  readonly onClose?: () => void;
};

export function renderForConsole(messages: readonly Outgoing[], hint?: string): string {
  const blocks = messages.map((m) => {
    const lines = [m.text];
    if (m.attachment) lines.push(`[${m.attachment.kind}: ${m.attachment.name}]${m.attachment.caption ? ` ${m.attachment.caption}` : ''}`);
    m.choices?.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
    if (m.choices && m.choices.length > 0 && hint) lines.push(hint);
    return lines.join('\n');
  });
  return `${blocks.map((b) => `🤖 ${b}`).join('\n\n')}\n`;
}

export function createConsoleChannel(deps: ConsoleChannelDeps): Channel & { address: Address; done: Promise<void> } {
  const address = formatAddress('console', deps.user ?? 'local');
  let rl: Interface | undefined;
  let queue: Promise<void> = Promise.resolve();
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const hintIn = (locale: Locale): string | undefined => (typeof deps.hint === 'function' ? deps.hint(locale) : deps.hint);
  const say = async (text: string): Promise<void> => {
    const { messages, locale } = await deps.handle({ from: address, text });
    deps.output.write(`\n${renderForConsole(messages, hintIn(locale))}\n`);
  };

  return {
    name: 'console',
    address,
    done,
    async start() {
      rl = createInterface({ input: deps.input, output: deps.output, terminal: false });
      // Listen before the first await: piped lines arrive while the welcome is being made
      // (a database round trip), and each waits its turn in `queue`.
      queue = say('/start').then(() => void deps.output.write('> '));
      rl.on('line', (line) => {
        const text = line.trim();
        if (text === '/quit' || text === '/exit') {
          rl?.close();
          return;
        }
        queue = queue.then(async () => {
          await say(text);
          deps.output.write('> ');
        });
      });
      rl.on('close', () => {
        void queue.then(() => {
          resolveDone();
          deps.onClose?.();
        });
      });
      await queue;
    },
    async stop() {
      rl?.close();
      await queue;
    },
    /** A message outside a turn (a relayed staff answer, a reminder) is printed like a reply. */
    send(_to, messages) {
      deps.output.write(`\n${renderForConsole(messages)}\n`);
      return Promise.resolve({ status: 'ok' });
    },
  };
}
