/**
 * Messages outside a turn (reminders, broadcasts), rendered like replies.
 * trySend returns a result and never throws for delivery problems; send (the
 * Channel port, which returns void) turns a failed result into TelegramSendError.
 */
import type { Api } from 'grammy';
import { parseAddress, type Address, type Outgoing } from '../../core/message.js';
import { describeError, isBlockedError, TelegramChannelError, TelegramSendError } from './errors.js';
import { sendOutgoing } from './send-outgoing.js';
import type { SendResult, TelegramLog } from './types.js';

export type ProactiveSend = {
  trySend(address: Address, messages: readonly Outgoing[]): Promise<SendResult>;
  send(address: Address, messages: readonly Outgoing[]): Promise<void>;
};

export function createProactiveSend(api: Api, log: TelegramLog): ProactiveSend {
  const trySend = async (address: Address, messages: readonly Outgoing[]): Promise<SendResult> => {
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
      return { ok: true };
    } catch (error) {
      const detail = describeError(error);
      if (isBlockedError(error)) {
        log.info('telegram: proactive message not delivered: the person has blocked the bot', { address });
        return { ok: false, error: 'blocked', detail };
      }
      log.warn('telegram: proactive message failed', { address, error: detail });
      return { ok: false, error: 'failed', detail };
    }
  };

  const send = async (address: Address, messages: readonly Outgoing[]): Promise<void> => {
    const result = await trySend(address, messages);
    if (!result.ok) {
      throw new TelegramSendError(result.error, `Telegram message not delivered: ${result.detail}`);
    }
  };

  return { trySend, send };
}
