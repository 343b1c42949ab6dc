import { WriteQueue } from '../services/sqlite';

describe('the SQLite write queue', () => {
  it('gives turns in the order asked, one at a time', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const job = (name: string) =>
      queue.run(async () => {
        log.push(`${name} begins`);
        await Promise.resolve();
        await Promise.resolve();
        log.push(`${name} ends`);
      });
    await Promise.all(['a', 'b', 'c'].map(job));
    expect(log).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
    expect(queue.pending).toBe(0);
  });

  it('a turn that fails lets the next one go', async () => {
    const queue = new WriteQueue();
    const failing = queue.run(async () => {
      throw new Error('refused');
    });
    const next = queue.run(async () => 'saved');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('saved');
  });

  it('a turn not given within the patience is taken anyway, and said', async () => {
    jest.useFakeTimers();
    try {
      const queue = new WriteQueue(1000);
      const held = await queue.acquire();
      let said = 0;
      let named: WriteQueue['holder'] = null;
      const waiting = queue.acquire((holder) => {
        said++;
        named = holder;
      });
      jest.advanceTimersByTime(1000);
      const release = await waiting;
      expect([said, queue.impatient]).toEqual([1, 1]);
      // the waiter names the holder: where it asked for its turn (this test), and since when
      expect(String(named!.asked.stack)).toContain('write-queue.unit.test');
      expect(typeof named!.since).toBe('number');
      release();
      held();
      expect(queue.pending).toBe(0);
      expect(queue.holder).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
