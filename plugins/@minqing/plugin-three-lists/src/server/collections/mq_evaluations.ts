import { defineCollection } from '@nocobase/database';
import { CHANNEL_OPTIONS, EVALUATOR_OPTIONS, SATISFACTION_OPTIONS } from '../domain/vocabulary';
import { f, t } from './fields';

/** 群众评价 by teachers, students and parents */
export default defineCollection({
  name: 'mq_evaluations',
  title: t('Public evaluations'),
  createdBy: true,
  updatedBy: true,
  fields: [
    ...f.system(),
    f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
    f.select('score', 'Score', SATISFACTION_OPTIONS),
    f.select('evaluatorKind', 'Evaluator', EVALUATOR_OPTIONS, { defaultValue: 'parent' }),
    f.textarea('comment', 'Comment'),
    f.select('channel', 'Channel', CHANNEL_OPTIONS, { defaultValue: 'online' }),
  ],
  indexes: [{ fields: ['problemId'] }],
});
