import { defineCollection } from '@nocobase/database';
import { f, t } from './fields';

export default defineCollection({
  name: 'mq_milestones',
  title: t('Milestones'),
  createdBy: true,
  updatedBy: true,
  fields: [
    ...f.system(),
    f.belongsTo('task', 'Task', 'mq_tasks', 'measures', { onDelete: 'CASCADE' }),
    f.input('title', 'Title', { allowNull: false }),
    f.dateOnly('dueOn', 'Due on'),
    f.datetime('doneAt', 'Done at'),
  ],
  indexes: [{ fields: ['taskId'] }],
});
