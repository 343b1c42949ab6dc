import { defineCollection } from '@nocobase/database';
import { defineListCollection, f, t } from './fields';

/** 进展报告 */
export default defineCollection(
  defineListCollection({
    name: 'mq_progress_reports',
    titleField: 'content',
    title: t('Progress reports'),
    fields: [
      f.belongsTo('task', 'Task', 'mq_tasks', 'measures', { onDelete: 'CASCADE' }),
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.dateOnly('reportedOn', 'Date'),
      f.textarea('content', 'Content', { allowNull: false }),
      f.integer('percent', 'Progress (%)'),
      f.attachments('attachments', 'Attachments', 'mq_progress_reports_attachments'),
    ],
    indexes: [{ fields: ['problemId'] }, { fields: ['taskId'] }],
  }),
);
