/**
 * A conversation harness in the style of botbuilder's TestAdapter:
 * `await chat.user('20 tuổi')` sends, `chat.expectBot(/đủ điều kiện/)` checks
 * what the person would see, `chat.choose('Đồng ý lưu')` presses a button.
 */
import { expect } from 'vitest';
import type { Address, Handler, Outgoing } from '../../src/core/message.js';
import { createTestApp, type TestApp } from './app.js';

export type Conversation<A extends { handle: Handler } = TestApp> = {
  readonly app: A;
  readonly address: Address;
  /** Everything the bot said in the last turn. */
  last: Outgoing[];
  user(text: string): Promise<Outgoing[]>;
  /** Presses the offered button whose label matches (or the choice id itself). */
  choose(labelOrId: string | RegExp): Promise<Outgoing[]>;
  /** Asserts the last turn contains a message matching `pattern`; returns helpers on it. */
  expectBot(pattern: string | RegExp): { withChoices(labels: readonly (string | RegExp)[]): void };
  lastChoices(): { id: string; label: string }[];
  text(): string;
};

/** A rendered text that is just a dotted key means a missing translation. */
function assertTranslated(messages: readonly Outgoing[]): void {
  for (const m of messages) {
    expect(m.text, 'untranslated i18n key').not.toMatch(/^[a-z_]+(\.[a-z0-9_]+)+$/);
    for (const c of m.choices ?? []) expect(c.label, 'untranslated choice label').not.toMatch(/^[a-z_]+(\.[a-z0-9_]+)+$/);
  }
}

export function conversation(options?: { now?: string; user?: string }): Conversation;
export function conversation<A extends { handle: Handler }>(options: { user?: string; app: A }): Conversation<A>;
export function conversation(options: { now?: string; user?: string; app?: { handle: Handler } } = {}): Conversation<{ handle: Handler }> {
  const app = options.app ?? createTestApp(options.now === undefined ? {} : { now: options.now });
  const address: Address = `console:${options.user ?? 'an'}`;
  const chat: Conversation<{ handle: Handler }> = {
    app,
    address,
    last: [],
    async user(text) {
      chat.last = (await app.handle({ from: address, text })).messages;
      assertTranslated(chat.last);
      return chat.last;
    },
    async choose(labelOrId) {
      const choices = chat.lastChoices();
      const hit = choices.find((c) => (typeof labelOrId === 'string' ? c.label === labelOrId || c.id === labelOrId : labelOrId.test(c.label)));
      if (!hit) throw new Error(`No offered choice matches ${String(labelOrId)}; offered: ${choices.map((c) => c.label).join(' | ')}`);
      chat.last = (await app.handle({ from: address, choice: hit.id })).messages;
      assertTranslated(chat.last);
      return chat.last;
    },
    expectBot(pattern) {
      const found = chat.last.find((m) => (typeof pattern === 'string' ? m.text.includes(pattern) : pattern.test(m.text)));
      expect(found, `bot said:\n${chat.text()}\n---\nexpected: ${String(pattern)}`).toBeDefined();
      return {
        withChoices(labels) {
          const offered = chat.lastChoices().map((c) => c.label);
          for (const label of labels) {
            expect(
              offered.some((o) => (typeof label === 'string' ? o === label : label.test(o))),
              `choices offered: ${offered.join(' | ')}; expected ${String(label)}`,
            ).toBe(true);
          }
        },
      };
    },
    lastChoices() {
      const withChoices = [...chat.last].reverse().find((m) => m.choices && m.choices.length > 0);
      return withChoices?.choices ? [...withChoices.choices] : [];
    },
    text() {
      return chat.last.map((m) => m.text).join('\n---\n');
    },
  };
  return chat;
}
