import { Migration } from '@nocobase/server';

/**
 * The rate-limit counters moved from the process into the cache store, or (memory store) into
 * `mq_rate_counters`: an installed database gets the table.
 */
export default class RateCountersTable extends Migration {
  on = 'afterLoad';

  async up() {
    await this.db.getCollection('mq_rate_counters').sync();
  }
}
