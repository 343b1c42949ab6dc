import { defineCollection } from '@nocobase/database';

/**
 * Counters of the public rate limits, when the app's cache store is its own process's memory
 * (the embedded, one-node installation): kept in the database so that a restart does not hand
 * every client a fresh allowance. With a shared cache store (Redis) the counters live there
 * instead and this table stays empty. A technical table: not in the collection manager.
 */
export default defineCollection({
  name: 'mq_rate_counters',
  dumpRules: 'skipped',
  timestamps: false,
  autoGenId: false,
  fields: [
    // `<kind>:<device|address>:<hash>:<window index>`: no address is stored as it is
    { type: 'string', name: 'key', primaryKey: true, allowNull: false },
    { type: 'integer', name: 'count', defaultValue: 0, allowNull: false },
    // ms since the epoch; rows past it are swept
    { type: 'bigInt', name: 'expiresAt', allowNull: false, index: true },
  ],
});
