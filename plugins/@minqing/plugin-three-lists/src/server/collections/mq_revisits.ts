import { defineCollection } from '@nocobase/database';
import {
  OUTCOME_OPTIONS,
  REVISIT_METHOD_OPTIONS,
  REVISIT_STATE_OPTIONS,
  SATISFACTION_OPTIONS,
} from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/** 回访 */
export default defineCollection(
  defineListCollection({
    name: 'mq_revisits',
    title: t('Revisits'),
    fields: [
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.user('revisiter', 'Revisited by'),
      // planned revisits (安排回访) wait with a due day until someone records the outcome
      f.select('state', 'Revisit state', REVISIT_STATE_OPTIONS, { defaultValue: 'done' }),
      f.dateOnly('dueOn', 'Revisit due on'),
      f.datetime('revisitedAt', 'Revisited at'),
      f.select('method', 'Method', REVISIT_METHOD_OPTIONS, { defaultValue: 'on_site' }),
      f.select('outcome', 'Outcome', OUTCOME_OPTIONS),
      f.select('satisfaction', 'Satisfaction', SATISFACTION_OPTIONS),
      f.textarea('comment', 'Comment'),
    ],
    indexes: [{ fields: ['problemId'] }, { fields: ['revisiterId'] }, { fields: ['revisitedAt'] }],
  }),
);
