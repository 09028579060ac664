/** "Message me privately" at most once per group per period, so a busy group is not spammed. */
export type GroupNotices = { due(groupId: string): boolean };

export function createGroupNotices(everyMs: number, now: () => number): GroupNotices {
  const last = new Map<string, number>();
  return {
    due(groupId) {
      const at = now();
      const when = last.get(groupId);
      if (when !== undefined && at - when < everyMs) return false;
      for (const [id, sent] of last) if (at - sent >= everyMs) last.delete(id);
      last.set(groupId, at);
      return true;
    },
  };
}
