/**
 * A SQLite RecordStore whose `commit` and `commitTurn` go through group commit
 * (group-commit.ts): turns of different people ready in the same tick share
 * one transaction, each in its own savepoint, and each resolves after COMMIT.
 * A turn that deletes a person's data commits alone, as before, because its
 * WAL checkpoint (sqlite-record-store.ts) must follow its own COMMIT.
 */
import type { RecordStore } from '../core/ports.js';
import type { GroupCommit } from './group-commit.js';

export function withGroupCommit(records: RecordStore, group: GroupCommit): RecordStore {
  return {
    getPerson: (address) => records.getPerson(address),
    // Issue #16: the whole turn (writes, effects, outbox rows, session) is one savepoint of the batch.
    commit(turn) {
      if (turn.writes.some((w) => w.type === 'forget')) return records.commit(turn);
      return group.run(() => {
        const done = records.commit(turn);
        if (done instanceof Promise) throw new Error('Group commit needs the synchronous SQLite record store.');
        return done;
      });
    },
    commitTurn(address, state, writes, now) {
      if (writes.some((w) => w.type === 'forget')) return records.commitTurn(address, state, writes, now);
      return group.run(() => {
        const done = records.commitTurn(address, state, writes, now);
        if (done instanceof Promise) throw new Error('Group commit needs the synchronous SQLite record store.');
      });
    },
    listChecks: (query) => records.listChecks(query),
    countChecks: (query) => records.countChecks(query),
    checksOf: (address) => records.checksOf(address),
    countRegistrations: (query) => records.countRegistrations(query),
  };
}
