/**
 * Messages outside a turn (reminders, broadcasts, relayed answers), rendered
 * like replies. Delivery problems are an outcome, never a rejection: a person
 * who blocked the bot (or whose chat is gone) is `blocked`, anything else
 * `failed`; both are logged. A non-Telegram address is a programming error
 * and throws TelegramChannelError (code 'address').
 */
import type { Api } from 'grammy';
import { parseAddress, type Address, type Outgoing } from '../../core/message.js';
import type { SendOutcome } from '../../core/ports.js';
import { describeError, isBlockedError, TelegramChannelError } from './errors.js';
import { sendOutgoing } from './send-outgoing.js';
import type { TelegramLog } from './types.js';

export function createProactiveSend(api: Api, log: TelegramLog): (address: Address, messages: readonly Outgoing[]) => Promise<SendOutcome> {
  return async (address, messages) => {
    const parsed = parseAddress(address);
    const chatId = Number(parsed?.id);
    if (parsed?.channel !== 'telegram' || !Number.isSafeInteger(chatId)) {
      throw new TelegramChannelError(
        'address',
        `send() got an address of channel "${parsed?.channel ?? '?'}", not a Telegram address. Use formatAddress('telegram', chatId).`,
      );
    }
    try {
      await sendOutgoing(api, chatId, messages);
      return { status: 'ok' };
    } catch (error) {
      const detail = describeError(error);
      if (isBlockedError(error)) {
        log.info('telegram: proactive message not delivered: the person has blocked the bot', { address });
        return { status: 'blocked' };
      }
      log.warn('telegram: proactive message failed', { address, error: detail });
      return { status: 'failed', error: detail };
    }
  };
}
