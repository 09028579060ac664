/**
 * A person on any channel talking to a TestApp: `send` text, `press` a button
 * by label or id, and read what the bot said. Like test/support/conversation.ts
 * but for any address (telegram:…, zalo:…, console:…).
 */
import type { Address, Outgoing } from '../../src/core/message.js';
import type { TestApp } from '../support/app.js';

export type ChatUser = {
  readonly address: Address;
  last: Outgoing[];
  send(text: string): Promise<string>;
  press(labelOrId: string | RegExp): Promise<string>;
  labels(): string[];
};

export function chatUser(app: Pick<TestApp, 'handle'>, address: Address): ChatUser {
  const said = (messages: Outgoing[]): string => messages.map((m) => m.text).join('\n---\n');
  const user: ChatUser = {
    address,
    last: [],
    async send(text) {
      user.last = (await app.handle({ from: address, text })).messages;
      return said(user.last);
    },
    async press(labelOrId) {
      const offered = user.last.flatMap((m) => m.choices ?? []);
      const hit = offered.find((c) => (typeof labelOrId === 'string' ? c.label === labelOrId || c.id === labelOrId : labelOrId.test(c.label)));
      if (!hit) throw new Error(`No offered choice matches ${String(labelOrId)}; offered: ${offered.map((c) => c.label).join(' | ')}`);
      user.last = (await app.handle({ from: address, choice: hit.id })).messages;
      return said(user.last);
    },
    labels: () => user.last.flatMap((m) => m.choices ?? []).map((c) => c.label),
  };
  return user;
}
