import { grantRoles, syncToCollectionManager } from '@minqing/plugin-three-lists';
import { Migration } from '@nocobase/server';
import proactiveCandidates from '../collections/mq_proactive_candidates';
import workStyleFlags from '../collections/mq_work_style_flags';
import { installPresets } from '../presets';
import { SUPERVISION_ROLES, SUPERVISION_SCOPES } from '../services/roles';

/**
 * 作风监督 and 未诉先办 came after the first installations: their two collections (tables and
 * collection-manager rows), the office's and leaders' grants, and the new preset workflows.
 */
export default class WorkStyle extends Migration {
  on = 'afterLoad';

  async up() {
    const collections = [workStyleFlags, proactiveCandidates];
    for (const { name } of collections) await this.db.getCollection(name).sync();
    const known = await this.db
      .getRepository('collections')
      .count({ filter: { name: collections.map((c) => c.name) } });
    if (known < collections.length) await syncToCollectionManager(this.db, collections);
    await grantRoles(this.db, SUPERVISION_ROLES, SUPERVISION_SCOPES);
    await installPresets(this.db);
  }
}
