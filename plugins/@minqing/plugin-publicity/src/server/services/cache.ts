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

  async wrap<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    if (!this.cache) return { value: await compute(), hit: false };
    const version = (await this.cache.get('version')) ?? '0';
    const fullKey = `${version}:${key}`;
    const cached = await this.cache.get(fullKey);
    if (cached !== undefined && cached !== null) return { value: cached as T, hit: true };
    const value = await compute();
    await this.cache.set(fullKey, value, ttlSeconds * 1000);
    return { value, hit: false };
  }
}
