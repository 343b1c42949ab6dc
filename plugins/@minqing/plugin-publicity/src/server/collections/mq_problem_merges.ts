import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/**
 * 合并记录: each duplicate merged into a problem, as it was (code, title, description, source,
 * reporter), who merged it and why. The history of the merge action: the duplicate itself is
 * removed, its reports now belong to the problem it was merged into.
 */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_problem_merges',
      title: t('Merged duplicates'),
      titleField: 'mergedCode',
      fields: [
        f.belongsTo('problem', 'Merged into', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
        f.input('mergedCode', 'Code of the duplicate'),
        f.input('mergedTitle', 'Title of the duplicate'),
        f.textarea('mergedDescription', 'Description of the duplicate'),
        f.input('mergedSource', 'Source of the duplicate'),
        f.datetime('mergedCreatedAt', 'Duplicate reported at'),
        f.integer('mergedCreatedById', 'Duplicate reported by (user ID)', { type: 'bigInt' }),
        f.integer('reportCount', 'Public reports moved'),
        f.textarea('reason', 'Reason'),
      ],
      indexes: [{ fields: ['problemId'] }],
    },
    NS,
  ),
);
