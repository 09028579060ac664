/**
 * Sends proactive messages through the channel a person used (the address
 * prefix) and turns the channel's typed outcome into what the jobs keep:
 * `blocked` (the person blocked the bot, or is outside the Zalo OA's window)
 * and `unsupported` are permanent failures, never retried; `failed` may work
 * on a later run.
 */
import { parseAddress, type Address, type Outgoing } from '../core/message.js';
import type { Channel } from '../core/ports.js';

export type ProactiveOutcome = { ok: true } | { ok: false; error: string; /** Retrying cannot help (the person blocked the bot). */ permanent?: boolean };
export type ProactiveSender = (address: Address, messages: readonly Outgoing[]) => Promise<ProactiveOutcome>;

export function createChannelSend(channels: readonly Channel[]): ProactiveSender {
  return async (address, messages) => {
    const name = parseAddress(address)?.channel;
    const channel = channels.find((c) => c.name === name);
    if (channel === undefined) return { ok: false, error: `no running channel for ${name ?? 'this address'}` };
    try {
      const outcome = await channel.send(address, messages);
      switch (outcome.status) {
        case 'ok':
          return { ok: true };
        case 'blocked':
          return { ok: false, error: 'blocked', permanent: true };
        case 'unsupported':
          return { ok: false, error: `the ${channel.name} channel cannot send proactive messages`, permanent: true };
        case 'failed':
          return { ok: false, error: outcome.error };
      }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
