import { describe, expect, it } from 'vitest';
import { createSerializer } from '../../src/core/serializer.js';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('the per-person serializer', () => {
  it('runs one key\'s tasks in order, other keys alongside; a failure does not block the next task', async () => {
    const serializer = createSerializer();
    const log: string[] = [];
    const slow = gate();
    const first = serializer.run('an', async () => {
      await slow.opened;
      log.push('an 1');
      throw new Error('boom');
    });
    const second = serializer.run('an', async () => void log.push('an 2'));
    await serializer.run('binh', async () => void log.push('binh 1'));
    expect(log).toEqual(['binh 1']);
    slow.open();
    await expect(first).rejects.toThrow('boom');
    await second;
    expect(log).toEqual(['binh 1', 'an 1', 'an 2']);
    await serializer.drain();
    expect(serializer.active).toBe(0);
  });
});
