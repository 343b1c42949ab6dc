import { defineCollection } from '@nocobase/database';
import { CHANNEL_OPTIONS, EVALUATOR_OPTIONS, SATISFACTION_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/** 群众评价 by teachers, students and parents */
export default defineCollection(
  defineListCollection({
    name: 'mq_evaluations',
    title: t('Public evaluations'),
    fields: [
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.select('score', 'Score', SATISFACTION_OPTIONS),
      f.select('evaluatorKind', 'Evaluator', EVALUATOR_OPTIONS, { defaultValue: 'parent' }),
      f.textarea('comment', 'Comment'),
      f.select('channel', 'Channel', CHANNEL_OPTIONS, { defaultValue: 'online' }),
    ],
    indexes: [{ fields: ['problemId'] }],
  }),
);
