import type { Database } from '@nocobase/database';
import type Application from '@nocobase/server';

/** What the public pages show depends on these; a change to any of them invalidates every answer. */
const WATCHED = [
  'mq_problems',
  'mq_responsibilities',
  'mq_revisits',
  'mq_evaluations',
  'mq_units',
  'mq_cases',
  'mq_settings',
];
const EVENTS = ['afterSave', 'afterDestroy', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy'];

/**
 * Answers of the public endpoints, cached in the app's cache store (memory, or Redis when the
 * cluster shares one) under a version that every committed change to the data behind them bumps.
 */
export class PublicCache {
  private cache: any;
  /** computations under way, and from when their previous answer may stand in for them */
  private inflight = new Map<string, { answer: Promise<{ value: any; body: string }>; staleAfter?: number }>();
  /** how many computations of each key are under way, of whichever version */
  private computing = new Map<string, number>();

  constructor(private app: Application) {}

  async load() {
    this.cache = await this.app.cacheManager.createCache({ name: 'minqing-public', prefix: 'minqing-public' });
  }

  /** Bumps the version after the change commits (before it, a reader could cache the old state). */
  watch(db: Database) {
    const bump = (_model: unknown, options: any = {}) => {
      const transaction = options?.transaction;
      if (transaction?.afterCommit) transaction.afterCommit(() => this.invalidate());
      else void this.invalidate();
    };
    for (const name of WATCHED) for (const event of EVENTS) db.on(`${name}.${event}`, bump);
  }

  async invalidate() {
    await this.cache?.set('version', `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  }

  private async version(): Promise<string> {
    return (this.cache && (await this.cache.get('version'))) ?? '0';
  }

  private async stored(versionedKey: string): Promise<string | undefined> {
    return this.cache ? ((await this.cache.get(versionedKey)) ?? undefined) : undefined;
  }

  /**
   * The cached answer of `key` as the HTTP body NocoBase would send ({ data, meta }), if any; or
   * the previous one, once its recomputation has run past its grace period.
   */
  async body(key: string): Promise<{ body: string; stale: boolean } | undefined> {
    const flight = `${await this.version()}:${key}`;
    const body = await this.stored(flight);
    if (body !== undefined) return { body, stale: false };
    const running = this.inflight.get(flight);
    // past its grace period, or not started because an older one is still under way (see wrap)
    if (running ? running.staleAfter !== undefined && Date.now() >= running.staleAfter : this.computing.get(key)) {
      const previous = await this.stored(`previous:${key}`);
      if (previous !== undefined) return { body: previous, stale: true };
    }
    return undefined;
  }

  /**
   * The answer of `key`: from the cache, or computed and stored for `ttlSeconds` (read only on a
   * miss). Stored as the response body, so that a hit can be sent without going through the app.
   * With `graceMs`, a miss that takes longer than that to compute is answered with the previous
   * answer while the new one is computed (`stale`): for figures that take seconds at province scale
   * and are invalidated by every change, one change behind beats making the public wait.
   */
  async wrap<T>(
    key: string,
    ttlSeconds: () => Promise<number>,
    compute: () => Promise<T>,
    options: { graceMs?: number } = {},
  ): Promise<{ value: T | undefined; body: string; hit: boolean; stale?: boolean }> {
    const flight = `${await this.version()}:${key}`;
    const cached = await this.stored(flight);
    if (cached !== undefined) return { value: undefined, body: cached, hit: true };
    const previous = options.graceMs === undefined ? undefined : await this.stored(`previous:${key}`);
    // changes faster than the figures compute: the one computation under way (of an older
    // version) is let finish, and the previous answer stands in, rather than piling them up
    if (previous !== undefined && !this.inflight.has(flight) && this.computing.get(key)) {
      return { value: undefined, body: previous, hit: true, stale: true };
    }
    // many clients missing the same answer at once: one computes it, the others wait for it
    if (!this.inflight.has(flight)) {
      this.computing.set(key, (this.computing.get(key) ?? 0) + 1);
      this.inflight.set(flight, {
        answer: (async () => {
          const value = await compute();
          const body = JSON.stringify(asResponse(value));
          if (this.cache) {
            const ttl = (await ttlSeconds()) * 1000;
            await this.cache.set(flight, body, ttl);
            if (options.graceMs !== undefined) await this.cache.set(`previous:${key}`, body, PREVIOUS_KEPT_MS);
          }
          return { value, body };
        })().finally(() => {
          this.inflight.delete(flight);
          const left = (this.computing.get(key) ?? 1) - 1;
          if (left) this.computing.set(key, left);
          else this.computing.delete(key);
        }),
        staleAfter: options.graceMs === undefined ? undefined : Date.now() + options.graceMs,
      });
    }
    const { answer, staleAfter } = this.inflight.get(flight)!;
    const fresh = answer as Promise<{ value: T; body: string }>;
    if (previous !== undefined && staleAfter !== undefined) {
      // what is left of the grace period of the computation under way
      const late = new Promise<undefined>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, staleAfter! - Date.now()));
        // settled either way (a failure reaches the requests that wait for it, not this one)
        fresh.then(
          () => clearTimeout(timer),
          () => clearTimeout(timer),
        );
      });
      const first = await Promise.race([fresh, late]);
      if (first) return { ...first, hit: false };
      return { value: undefined, body: previous, hit: true, stale: true };
    }
    const { value, body } = await fresh;
    return { value, body, hit: false };
  }
}

/** How long the previous answer stays usable as a stand-in while a new one is computed. */
const PREVIOUS_KEPT_MS = 3600_000;

/** What NocoBase's data wrapping makes of an action's body: `{ data, meta }`. */
export function asResponse(value: any) {
  if (value && Array.isArray(value.rows)) {
    const { rows, ...meta } = value;
    return { data: rows, meta };
  }
  return { data: value };
}
