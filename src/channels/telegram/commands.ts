/**
 * The command menu, localized: Vietnamese as the default list (no
 * language_code) and English for clients set to English. A failure is logged,
 * never fatal — the commands still work when typed.
 */
import type { Api } from 'grammy';
import { LOCALES } from '../../core/message.js';
import type { Translate } from '../../i18n.js';
import { describeError } from './errors.js';
import type { TelegramLog } from './types.js';

export const COMMANDS = ['start', 'menu', 'help', 'lang', 'privacy', 'mydata', 'deletedata', 'withdraw', 'stop'] as const;

export async function setLocalizedCommands(api: Api, t: Translate, log: TelegramLog): Promise<void> {
  for (const locale of LOCALES) {
    const commands = COMMANDS.map((command) => ({ command, description: t(locale, `telegram.commands.${command}`) }));
    try {
      await api.setMyCommands(commands, locale === 'vi' ? {} : { language_code: locale });
    } catch (error) {
      log.warn('telegram: setMyCommands failed; the command menu may be stale (commands still work when typed)', {
        locale,
        error: describeError(error),
      });
    }
  }
}
