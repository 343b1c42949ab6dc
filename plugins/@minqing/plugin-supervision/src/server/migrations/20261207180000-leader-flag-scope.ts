import { Migration } from '@nocobase/server';
import { widenLeaderFlagScope } from '../services/roles';

/**
 * A leader saw only the flags on their own work; the 作风监督 page shows them the flags at their
 * units too (the problems they handle or guarantee, the units they liaise). Installed scopes that
 * are still ours follow; an administrator's own stays.
 */
export default class LeaderFlagScope extends Migration {
  on = 'afterLoad';

  async up() {
    await widenLeaderFlagScope(this.db);
  }
}
