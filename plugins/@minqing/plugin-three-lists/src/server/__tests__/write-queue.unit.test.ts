import { ColumnTypes, ReadGate, WriteQueue } from '../services/sqlite';

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

  it('a waiter out of patience names the turn that is stuck, not the one that went ahead before it', async () => {
    jest.useFakeTimers();
    try {
      const queue = new WriteQueue(1000);
      const stuck = await queue.acquire();
      const stuckTurn = queue.holder;
      const first = queue.acquire();
      jest.advanceTimersByTime(1000);
      const wentAhead = await first;
      let named: WriteQueue['holder'] = null;
      const second = queue.acquire((holder) => (named = holder));
      jest.advanceTimersByTime(1000);
      (await second)();
      expect(named).toBe(stuckTurn);
      wentAhead();
      stuck();
      expect(queue.live.size).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the SQLite write queue under load', () => {
  it('a waiter behind a long queue that moves waits its turn, however long the queue', async () => {
    jest.useFakeTimers();
    try {
      const queue = new WriteQueue(1000);
      let said = 0;
      const turns = [queue.acquire(), ...[1, 2, 3, 4].map(() => queue.acquire(() => said++))];
      // five writers, each holding the turn 600 ms: the last waits 2.4 s, past the patience
      for (const turn of turns) {
        const release = await turn;
        await jest.advanceTimersByTimeAsync(600);
        release();
      }
      expect([said, queue.impatient, queue.pending]).toEqual([0, 0, 0]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the SQLite read gate', () => {
  it('lets `slots` reads run at once, the others in the order they came, and passes a failed one on', async () => {
    const gate = new ReadGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const read = (i: number) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(i);
        running--;
        if (i === 1) throw new Error('no such table');
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(read));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    // every slot given back
    await expect(Promise.all([5, 6].map((i) => gate.run(async () => i)))).resolves.toEqual([5, 6]);
  });
});

describe("SQLite's column types, kept per table", () => {
  it('answers `PRAGMA table_info` once per table until a schema change, and no other statement', async () => {
    const asked: string[] = [];
    const connection: any = {
      all(sql: string, done: (error: unknown, rows: unknown[]) => void) {
        asked.push(sql);
        setImmediate(() => done(null, [{ name: 'id', type: 'INTEGER' }]));
        return this;
      },
    };
    const columns = new ColumnTypes();
    columns.serve(connection);
    const info = (sql: string) => new Promise<any[]>((resolve) => connection.all(sql, (_: unknown, rows: any[]) => resolve(rows)));
    const first = await info('PRAGMA table_info(`mq_problems`)');
    const again = await info('PRAGMA table_info(`mq_problems`)');
    expect(again).toEqual(first);
    // a copy: a caller that changes its rows changes nobody else's
    again[0].type = 'TEXT';
    expect((await info('PRAGMA table_info(`mq_problems`)'))[0].type).toBe('INTEGER');
    await info('SELECT 1');
    await info('SELECT 1');
    expect(asked).toEqual(['PRAGMA table_info(`mq_problems`)', 'SELECT 1', 'SELECT 1']);
    await columns.changing(async () => undefined);
    await info('PRAGMA table_info(`mq_problems`)');
    expect(asked.filter((sql) => sql.startsWith('PRAGMA'))).toHaveLength(2);
  });
});
