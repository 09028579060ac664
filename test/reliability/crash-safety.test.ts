/**
 * Crash safety: a writer using the real storage and runner is SIGKILLed in the
 * middle of its loop. Every turn it acknowledged must be in the database after
 * a restart, the file must pass integrity_check, and a half-finished check
 * resumes where it stopped (one transaction per turn, WAL, synchronous=NORMAL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { createTestApp } from '../support/app.js';
import { startWriter, type Writer } from './child-writer.js';

let folder: string;
let writer: Writer | undefined;
afterEach(async () => {
  await writer?.kill();
  rmSync(folder, { recursive: true, force: true });
});

describe('SIGKILL in the middle of recording', () => {
  it('keeps every acknowledged check, passes integrity_check and resumes a half-finished check', async () => {
    folder = mkdtempSync(join(tmpdir(), 'bot-crash-'));
    const file = join(folder, 'bot.sqlite');
    writer = startWriter(file);
    await writer.waitForAcks(150);
    await writer.kill();
    const acked = [...writer.acked];
    expect(writer.half).toBe(true);
    expect(writer.child.signalCode).toBe('SIGKILL');

    const app = createTestApp({ file });
    try {
      expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(app.store.db.prepare<[], string>('SELECT address FROM checks WHERE address IS NOT NULL').pluck().all());
      expect(acked.filter((address) => !stored.has(address))).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acked.length);
      for (const address of acked.slice(-3)) {
        expect(await app.store.records.getPerson(address as Address)).toMatchObject({ consent: 'granted' });
      }
      // At most the turn in flight was lost, and it left nothing half-written.
      const orphans = app.store.db.prepare('SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM checks c WHERE c.address = p.address)').pluck().get();
      expect(orphans).toBe(0);

      const replies = await app.replies({ from: 'console:half', text: '15/3/2004' });
      expect(replies.map((r) => r.text).join('\n')).toMatch(/đủ điều kiện nhận tên miền id\.vn/);
    } finally {
      app.close();
    }
  });
});
