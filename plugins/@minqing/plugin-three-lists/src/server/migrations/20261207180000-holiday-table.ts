import { Migration } from '@nocobase/server';
import holidays from '../collections/mq_holidays';
import { installRoles } from '../services/roles';
import { syncToCollectionManager } from '../services/schema';

/**
 * 节假日与调休 (issue 16): an installed database gets `mq_holidays` in the collection manager (its
 * table comes with the upgrade's sync) and the office's role its rights on it. Additive: what an
 * administrator changed stays.
 */
export default class HolidayTable extends Migration {
  on = 'afterLoad';

  async up() {
    await syncToCollectionManager(this.db, [holidays]);
    await installRoles(this.db);
  }
}
