/**
 * Fixed-window counters per client address, checked and counted in one synchronous step, so two
 * requests arriving together cannot both slip under the limit. Per process: behind N app nodes a
 * client gets at most N times the limit.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private now: () => number = Date.now) {}

  /** Counts one request; false when it is over the limit (and then it is not counted). */
  take(key: string, limit: number, windowMs: number): boolean {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= limit) return false;
    w.count += 1;
    if (this.windows.size > 100_000) this.sweep(windowMs);
    return true;
  }

  /** Seconds until the client may try again. */
  retryAfter(key: string, windowMs: number) {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + windowMs - this.now()) / 1000)) : 0;
  }

  reset() {
    this.windows.clear();
  }

  private sweep(windowMs: number) {
    const now = this.now();
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}
