import { Migration } from '@nocobase/server';
import corrections from '../collections/mq_corrections';
import { installRoles } from '../services/roles';
import { syncToCollectionManager } from '../services/schema';

/**
 * 更正记录 came with the integrity rules (issue 16): an installed database gets `mq_corrections`
 * in the collection manager (its table comes with the upgrade's sync), and the roles get what was
 * added with it — the office's `correct` and its view of the corrections, the leaders' recording
 * of the revisits planned for them. Additive: what an administrator changed stays.
 */
export default class Corrections extends Migration {
  on = 'afterLoad';

  async up() {
    await syncToCollectionManager(this.db, [corrections]);
    await installRoles(this.db);
  }
}
