import { grantRoles, syncToCollectionManager } from '@minqing/plugin-three-lists';
import { Migration } from '@nocobase/server';
import problemMerges from '../collections/mq_problem_merges';
import { NS } from '../domain/fields';
import { PUBLICITY_ROLES } from '../services/roles';

/**
 * Databases installed before the open intake get the merge history collection, the office's
 * similar/merge actions and the role of Open311 client systems (mq_open311). What an
 * administrator changed in the roles stays (grantRoles only adds what is missing).
 */
export default class OpenIntake extends Migration {
  on = 'afterLoad';

  async up() {
    if (!(await this.db.getRepository('collections').findOne({ filter: { name: problemMerges.name } }))) {
      await this.db.getCollection(problemMerges.name).sync();
      await syncToCollectionManager(this.db, [problemMerges]);
    }
    await grantRoles(this.db, PUBLICITY_ROLES, {}, NS);
  }
}
