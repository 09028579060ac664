/**
 * `deliver` for handoff relays (issue #11), bound to the channels once they
 * run: src/main.ts builds the assistant before it starts the channels, so it
 * passes `deliver` first and calls `attach(running.channels)` after. Sends
 * through the channel of the address (createChannelSend); a failed send
 * rejects, and the runner tells whoever waits.
 */
import type { Deliver } from '../core/handoff.js';
import type { Channel } from '../core/ports.js';
import { createChannelSend, type ProactiveSender } from './channel-send.js';

export type LateDeliver = { readonly deliver: Deliver; attach(channels: readonly Channel[]): void };

export function createLateDeliver(): LateDeliver {
  let send: ProactiveSender | undefined;
  return {
    deliver: async (address, messages) => {
      if (send === undefined) {
        throw new Error('Handoff relay before the channels started: call attach(running.channels) right after startChannels in src/main.ts.');
      }
      const result = await send(address, messages);
      // The address stays out of the message: logs carry it only as a hashed field.
      if (!result.ok) throw new Error(`not delivered: ${result.error}`);
    },
    attach(channels) {
      send = createChannelSend(channels);
    },
  };
}
