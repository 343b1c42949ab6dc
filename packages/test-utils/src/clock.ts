const RealDate = Date;

/**
 * Moves the clock of this test file (its app runs in the same process) to `at`, from where it goes
 * on at the real pace, millisecond for millisecond: a test that reasons about today, deadlines and
 * working days then means the same on any day it runs, at any hour (never across midnight, never
 * over a holiday it did not choose). Only `Date` changes: timers, the event loop and the database
 * run as always. `unpinClock()` puts the real one back.
 */
export function pinClock(at: Date | string) {
  const offset = new RealDate(at).getTime() - RealDate.now();
  class PinnedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
}

export function unpinClock() {
  globalThis.Date = RealDate;
}
