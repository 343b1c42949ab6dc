import { Migration } from '@nocobase/server';
import { USER_HOME_FIELDS } from '../collections/user-home';
import { ensureFields } from '../services/schema';

/**
 * Leaders belong to a unit or a region (issue 16): an installed database gets the two fields on
 * `users` (empty: the office fills them in 用户管理; until then those leaders count under "not set").
 */
export default class UsersBelongToUnitOrRegion extends Migration {
  on = 'afterLoad';

  async up() {
    await ensureFields(this.db, 'users', USER_HOME_FIELDS);
  }
}
