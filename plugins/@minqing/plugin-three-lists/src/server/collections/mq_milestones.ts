import { defineCollection } from '@nocobase/database';
import { defineListCollection, f, t } from './fields';

export default defineCollection(
  defineListCollection({
    name: 'mq_milestones',
    titleField: 'title',
    title: t('Milestones'),
    fields: [
      f.belongsTo('task', 'Task', 'mq_tasks', 'measures', { onDelete: 'CASCADE' }),
      f.input('title', 'Title', { allowNull: false }),
      f.dateOnly('dueOn', 'Due on'),
      f.datetime('doneAt', 'Done at'),
    ],
    indexes: [{ fields: ['taskId'] }],
  }),
);
