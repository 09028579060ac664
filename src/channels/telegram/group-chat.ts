/**
 * The bot serves people one to one. In a group it answers only when spoken to
 * (an @mention, a command for it, or a reply to its message), and then only
 * with a short "message me privately" notice plus a button to do so.
 */
import type { Message, UserFromGetMe } from 'grammy/types';

/** True when a group message is meant for this bot. */
export function isAddressedToBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const username = me.username.toLowerCase();
  return entities.some((entity) => {
    const part = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    if (entity.type === 'mention') return part === `@${username}`;
    if (entity.type === 'bot_command' && entity.offset === 0) {
      const at = part.indexOf('@');
      return at === -1 || part.slice(at + 1) === username;
    }
    return false;
  });
}

/**
 * The one exception to "groups get a notice" (issue #11): in the configured
 * staff chat, a staff answer to a forwarded question ("#H12 …" or
 * "/reply H12 …") goes to the engine under the group's own address.
 */
export function isStaffChatReply(chatId: number, text: string | undefined, staffChatId: number | undefined): boolean {
  if (staffChatId === undefined || chatId !== staffChatId || text === undefined) return false;
  return /^(?:#H\d|\/reply(?:@\w+)?(?:\s|$))/i.test(text.trim());
}

export function privateChatLink(me: UserFromGetMe): string {
  return `https://t.me/${me.username}`;
}
