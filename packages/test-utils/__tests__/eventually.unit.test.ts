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
    jest.useFakeTimers({ now: new Date('2026-11-18T02:00:00Z'), doNotFake: ['setTimeout', 'performance', 'nextTick'] });
    try {
      await expect(eventually(() => false, { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow(/timed out/);
    } finally {
      jest.useRealTimers();
    }
  });
});
