import { pinClock, unpinClock } from '../src/clock';
import { eventually } from '../src/eventually';

describe('eventually', () => {
  it('answers with the first truthy answer, as soon as there is one', async () => {
    let calls = 0;
    const value = await eventually(() => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
    expect(calls).toBe(3);
  });

  it('asks again after a probe that throws', async () => {
    let calls = 0;
    const value = await eventually(
      async () => {
        calls += 1;
        if (calls < 2) throw new Error('not yet');
        return 'ready';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('ready');
  });

  it('fails at the deadline, saying what it waited for and the last error', async () => {
    await expect(eventually(() => false, { what: 'the moon', timeoutMs: 20, intervalMs: 5 })).rejects.toThrow(
      /timed out after 20 ms waiting for the moon$/,
    );
    await expect(
      eventually(
        () => {
          throw new Error('no route to the moon');
        },
        { what: 'the moon', timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow(/waiting for the moon: no route to the moon/);
  });

  it('keeps its deadline when a test pins Date', async () => {
    pinClock('2026-11-18T02:00:00Z');
    try {
      await expect(eventually(() => false, { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow(/timed out/);
    } finally {
      unpinClock();
    }
  });
});

describe('pinClock', () => {
  afterEach(unpinClock);

  it('moves the clock to a day, and lets it run at the real pace', async () => {
    pinClock('2026-11-18T02:00:00Z');
    const start = Date.now();
    expect(start).toBeGreaterThanOrEqual(Date.parse('2026-11-18T02:00:00Z'));
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-11-18');
    // only the present moves: a given instant is what it says
    expect(new Date('2026-01-01T00:00:00Z').getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(new Date(2026, 0, 1)).toBeInstanceOf(Date);
    await eventually(() => Date.now() > start, { intervalMs: 1 });
  });

  it('puts the real clock back', () => {
    const real = Date;
    pinClock('2001-01-01T00:00:00Z');
    expect(Date).not.toBe(real);
    unpinClock();
    expect(Date).toBe(real);
  });
});
