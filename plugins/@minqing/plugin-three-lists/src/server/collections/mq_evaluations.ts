import { defineCollection } from '@nocobase/database';
import { CHANNEL_OPTIONS, EVALUATOR_OPTIONS, SATISFACTION_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/**
 * 代录: entered by staff on the public's behalf (set by the server for every signed-in request;
 * the public's single-use link leaves it off). The figures tell these ratings from the public's own.
 */
export const EVALUATION_BY_STAFF_FIELD = f.checkbox('byStaff', 'Entered by staff', { defaultValue: false });

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
      EVALUATION_BY_STAFF_FIELD,
    ],
    indexes: [{ fields: ['problemId'] }],
  }),
);
