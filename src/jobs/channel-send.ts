/**
 * Sends proactive messages through the channel a person used (the address
 * prefix). Telegram's and the Zalo OA's trySend report blocked / outside the
 * person's window (permanent: never retried) or failed without throwing; other
 * channels' `send` rejects, which is turned into `{ ok: false }`.
 */
import { parseAddress, type Address, type Outgoing } from '../core/message.js';
import type { Channel } from '../core/ports.js';

export type SendOutcome = { ok: true } | { ok: false; error: string; /** Retrying cannot help (the person blocked the bot). */ permanent?: boolean };
export type ProactiveSender = (address: Address, messages: readonly Outgoing[]) => Promise<SendOutcome>;

type TrySend = (address: Address, messages: readonly Outgoing[]) => Promise<{ ok: true } | { ok: false; error: string; detail?: string; permanent?: boolean }>;

function trySendOf(channel: Channel): TrySend | undefined {
  const candidate = (channel as Channel & { trySend?: unknown }).trySend;
  return typeof candidate === 'function' ? (candidate.bind(channel) as TrySend) : undefined;
}

export function createChannelSend(channels: readonly Channel[]): ProactiveSender {
  return async (address, messages) => {
    const name = parseAddress(address)?.channel;
    const channel = channels.find((c) => c.name === name);
    if (channel === undefined) return { ok: false, error: `no running channel for ${name ?? 'this address'}` };
    const trySend = trySendOf(channel);
    if (trySend !== undefined) {
      const result = await trySend(address, messages);
      return result.ok ? { ok: true } : { ok: false, error: result.error, permanent: result.permanent === true || result.error === 'blocked' };
    }
    if (channel.send === undefined) return { ok: false, error: `the ${channel.name} channel cannot send proactive messages`, permanent: true };
    try {
      await channel.send(address, messages);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
