import { Migration } from '@nocobase/server';
import { PROBLEM_PUBLIC_FIELDS } from '../services/collections';

const CORE_NS = '@minqing/plugin-three-lists';

/**
 * `isPublic` and `publicSummary` of `mq_problems` were defined by the core until publicity, which
 * alone reads them, took them over (as it adds `publicTitle` and `publishedAt`). Their columns and
 * names stay; the field rows of an installed database get publicity's titles, unless an
 * administrator has retitled them.
 */
export default class PublicFieldsBelongToPublicity extends Migration {
  on = 'afterLoad';

  async up() {
    const fields = this.db.getRepository('fields');
    for (const definition of PROBLEM_PUBLIC_FIELDS) {
      const row = await fields.findOne({ filter: { collectionName: 'mq_problems', name: definition.name } });
      const uiSchema = row?.get('uiSchema') as { title?: string } | undefined;
      if (!row || !uiSchema?.title?.includes(`ns: "${CORE_NS}"`)) continue;
      await row.update({ uiSchema: { ...uiSchema, title: definition.uiSchema.title } });
    }
  }
}
