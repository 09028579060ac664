/** What /mydata shows: everything stored about the person, in plain words. */
import { formatVietnamDate } from '../../calendar.js';
import { choice, text, type Reply, type Text } from '../../message.js';
import type { CheckRecord, Person } from '../../ports.js';
import { MENU } from '../menu/ids.js';
import { PRIVACY } from './ids.js';

/** `extra`: lines about follow-ups, news and registrations (outreach-requests.ts). */
export function myDataReplies(person: Person | undefined, checks: readonly CheckRecord[], extra: readonly Text[] = []): Reply[] {
  const actions = [choice(PRIVACY.deleteData, 'privacy.delete_button'), choice(MENU.main, 'menu.main')];
  if (!person) return [{ text: text('privacy.nothing_stored'), choices: [choice(MENU.main, 'menu.main')] }];
  const lines = checks.map((c) =>
    text('privacy.check_line', {
      date: formatVietnamDate(c.createdAt),
      track: c.track,
      outcome: text(`privacy.outcome_${c.outcome}`),
    }),
  );
  const list = lines.length === 0 ? text('privacy.no_checks') : text('privacy.check_list', { count: lines.length });
  return [
    {
      text: text('privacy.mydata', {
        address: person.address,
        locale: person.locale,
        consentAt: person.consentAt ? formatVietnamDate(person.consentAt) : '—',
        referrer: person.referrer ?? '—',
        locality: person.locality ?? '—',
      }),
    },
    ...lines.map((line) => ({ text: line })),
    ...extra.map((line) => ({ text: line })),
    { text: list, choices: actions },
  ];
}
