import { Op } from '@nocobase/database';
import type Application from '@nocobase/server';
import { brokenRule, retryAfterSeconds, type RateRule } from '../domain/rate-limit';

/** Counts one more request on `key`, whose window ends at `expiresAt` (ms); answers the new count. */
interface CounterStore {
  incr(key: string, expiresAt: number): Promise<number>;
  reset(): Promise<void>;
}

/**
 * The rate-limit counters, outside the process: in the app's cache store when it is shared (Redis,
 * `CACHE_DEFAULT_STORE=redis`: one count for every node, kept across restarts), else in the
 * database (the embedded installation's memory store forgets everything on a restart).
 */
export class RateCounters {
  private store?: CounterStore;

  constructor(private app: Application) {}

  async load() {
    const cacheManager = this.app.cacheManager as any;
    const defaultStore = cacheManager?.defaultStore ?? 'memory';
    this.store =
      defaultStore === 'memory'
        ? new DatabaseCounters(this.app)
        : new CacheCounters(
            await cacheManager.createCounter(
              { name: 'minqing-rate', prefix: 'minqing-rate', store: defaultStore },
              (this.app as any).lockManager,
            ),
          );
  }

  /**
   * Counts the request against each rule in turn (the device's first), and stops at the first it
   * breaks: a refused request still counts against that window (retrying does not help), but a
   * device over its own limit does not use up the allowance of everyone behind its address.
   */
  async take(rules: RateRule[], windowEndsAt: number): Promise<{ broken?: RateRule; retryAfter: number }> {
    const counts: number[] = [];
    for (const rule of rules) {
      counts.push(await this.store!.incr(rule.key, windowEndsAt));
      const broken = brokenRule(rules.slice(0, counts.length), counts);
      if (broken) return { broken, retryAfter: retryAfterSeconds(Date.now(), windowEndsAt) };
    }
    return { retryAfter: 0 };
  }

  /** Forgets every count (tests, and an administrator's "unblock everyone"). */
  async reset() {
    await this.store?.reset();
  }
}

/** NocoBase's counter (Redis INCR with expiry, or a locked counter on another shared store). */
class CacheCounters implements CounterStore {
  private generation = 0;

  constructor(private counter: { incr(key: string, ttl?: number): Promise<number>; reset(key: string): Promise<void> }) {}

  incr(key: string, expiresAt: number) {
    return this.counter.incr(`${this.generation}:${key}`, Math.max(1000, expiresAt - Date.now()));
  }

  async reset() {
    this.generation += 1;
  }
}

/** A row per counter; increments of one key are serialized in the process (one node: memory store). */
class DatabaseCounters implements CounterStore {
  private queues = new Map<string, Promise<unknown>>();
  private sinceSweep = 0;

  constructor(private app: Application) {}

  private get model() {
    return this.app.db.getModel('mq_rate_counters');
  }

  incr(key: string, expiresAt: number): Promise<number> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.increment(key, expiresAt));
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
    return next;
  }

  private async increment(key: string, expiresAt: number): Promise<number> {
    if (++this.sinceSweep >= 500) {
      this.sinceSweep = 0;
      await this.model.destroy({ where: { expiresAt: { [Op.lt]: Date.now() } }, hooks: false });
    }
    const row = await this.model.findOne({ where: { key } });
    if (!row) {
      try {
        await this.model.create({ key, count: 1, expiresAt }, { hooks: false });
        return 1;
      } catch {
        // created meanwhile by another node: count on it
      }
    }
    await this.model.increment('count', { where: { key }, hooks: false } as any);
    const counted = await this.model.findOne({ where: { key } });
    return Number(counted?.get('count') ?? 1);
  }

  async reset() {
    await this.model.destroy({ where: {}, truncate: false, hooks: false });
  }
}
