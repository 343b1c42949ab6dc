/**
 * Pins the clock of this test file (its app runs in the same process) to `at`, from where it goes
 * on at the normal pace: a test that reasons about today, deadlines and working days then means
 * the same on any day it runs, at any hour (never across midnight, never over a holiday it did
 * not choose). Only `Date` is replaced: timers, the event loop and the database run as always.
 * Undone by `jest.useRealTimers()`.
 */
export function pinClock(at: Date | string) {
  jest.useFakeTimers({
    now: new Date(at),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
