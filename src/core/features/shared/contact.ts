/**
 * The contact card (issue #17): only the fields staff filled in data/program.json `contacts`
 * are shown — never "Điện thoại: —". With none filled, the card names the ward office only.
 */
import { text, type Text } from '../../message.js';
import type { ProgramData } from '../../program.js';
import { joinLines } from './lines.js';

const FIELDS = [
  ['hotline', 'common.contact_phone'],
  ['zalo', 'common.contact_zalo'],
  ['email', 'common.contact_email'],
  ['office', 'common.contact_office'],
  ['hours', 'common.contact_hours'],
] as const;

export function contactCard(data: ProgramData): Text {
  const contacts: Readonly<Record<string, string | undefined>> = data.contacts;
  const lines = FIELDS.flatMap(([field, key]) => {
    const value = contacts[field]?.trim() ?? '';
    return value === '' ? [] : [text(key, { value })];
  });
  return lines.length === 0 ? text('common.contact_none') : joinLines(lines);
}
