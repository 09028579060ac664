/**
 * A child process for the crash and backup tests: the REAL storage and runner
 * (same modules as the bot) on a FILE database. It leaves one check half-done
 * for `console:half` (prints "half"), then records consented id.vn checks in a
 * loop, printing "ack <address>" after each committed turn, until killed.
 *
 *   node --import tsx test/reliability/crash-writer.ts <db file> [max turns]
 */
import { createAssistant } from '../../src/assistant.js';
import type { Address } from '../../src/core/message.js';
import { understand } from '../../src/core/nlu/index.js';
import type { Session } from '../../src/core/session.js';
import { loadProgram } from '../../src/data.js';
import { createI18n } from '../../src/i18n.js';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/storage/index.js';

const [file, max] = process.argv.slice(2);
if (file === undefined) throw new Error('Usage: crash-writer.ts <db file> [max turns]');
const limit = max === undefined ? Number.POSITIVE_INFINITY : Number(max);

const clock = { now: () => new Date('2026-11-23T02:00:00.000Z') };
const store = openStore<Session>(file, { clock });
const handle = createAssistant({
  clock,
  program: loadProgram(),
  i18n: createI18n(),
  understand,
  sessions: store.sessions,
  records: store.records,
  log: createLogger({ level: 'warn', salt: 'crash-writer-salt-0000' }),
  retentionDays: 730,
  defaultLocale: 'vi',
});

const out = (line: string): void => void process.stdout.write(`${line}\n`);

await handle({ from: 'console:half', text: 'kiểm tra id.vn' });
out('half');
for (let i = 0; i < limit; i += 1) {
  const from: Address = `console:u${process.pid}-${i}`;
  await handle({ from, text: 'tôi 20 tuổi, có được id.vn không' });
  const { messages: replies } = await handle({ from, choice: 'consent:yes' });
  if (!replies.some((r) => /đã lưu kết quả/.test(r.text))) throw new Error(`turn ${i} was not recorded: ${JSON.stringify(replies)}`);
  out(`ack ${from}`);
  // Yield now and then so a parent's signal is handled mid-loop, between and inside turns.
  if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
}
store.close();
out('done');
