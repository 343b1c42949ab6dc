import { defineCollection } from '@nocobase/database';
import { defineListCollection, f, t } from './fields';

/** 任务清单: the measures for a problem, their milestones and progress. */
export default defineCollection(
  defineListCollection({
    name: 'mq_tasks',
    titleField: 'measures',
    title: t('Task list'),
    fields: [
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.textarea('measures', 'Measures'),
      f.integer('progress', 'Progress (%)', { defaultValue: 0 }),
      f.datetime('lastReportedAt', 'Last progress report'),
      f.textarea('completionSummary', 'Completion summary'),
      f.attachments('evidence', 'Completion evidence', 'mq_tasks_evidence'),
      f.hasMany('milestones', 'Milestones', 'mq_milestones', 'taskId', 'title'),
      f.hasMany('progressReports', 'Progress reports', 'mq_progress_reports', 'taskId', 'content'),
    ],
    indexes: [{ fields: ['problemId'] }],
  }),
);
