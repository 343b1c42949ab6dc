import { performance } from 'perf_hooks';
import { setTimeout as wait } from 'timers/promises';

export interface EventuallyOptions {
  /** what is awaited, for the error when it does not come */
  what?: string;
  /** give up after this long (default 15 s) */
  timeoutMs?: number;
  /** look again after this long (default 50 ms) */
  intervalMs?: number;
}

/**
 * The first truthy answer of `probe`, asked again until `timeoutMs` has passed: for what happens
 * after a request returns (a workflow execution, a committed cache version, a server that
 * starts). Not a pause: it returns as soon as the condition holds, and fails, saying what it
 * waited for, when it never does. A probe that throws is asked again; its last error is reported.
 * The deadline is measured on the monotonic clock, so a test that pins `Date` can use it.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  { what = 'a condition', timeoutMs = 15_000, intervalMs = 50 }: EventuallyOptions = {},
): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() >= deadline) {
      const why = lastError ? `: ${(lastError as Error).message ?? lastError}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await wait(intervalMs);
  }
}
