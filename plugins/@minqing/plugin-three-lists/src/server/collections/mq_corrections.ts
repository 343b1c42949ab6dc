import { defineCollection } from '@nocobase/database';
import { defineListCollection, f, t } from './fields';

/**
 * 更正记录: every correction of a recorded fact (a revisit's outcome, an evaluation's score, a
 * responsibility's deadline…) by the campaign office, with the old and new values and the reason.
 * Written only by the `correct` action; never changed or deleted, so figures never move without a trace.
 */
export default defineCollection(
  defineListCollection({
    name: 'mq_corrections',
    title: t('Corrections'),
    titleField: 'reason',
    fields: [
      f.input('collectionName', 'Corrected list'),
      { ...f.integer('recordId', 'Corrected record'), type: 'bigInt' },
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'RESTRICT' }),
      {
        name: 'changes',
        type: 'json',
        interface: 'json',
        defaultValue: {},
        uiSchema: {
          title: t('Changes (before → after)'),
          type: 'object',
          'x-component': 'Input.JSON',
          'x-read-pretty': true,
        },
      },
      f.textarea('reason', 'Reason for the correction', { allowNull: false }),
    ],
    indexes: [{ fields: ['problemId'] }, { fields: ['collectionName', 'recordId'] }],
  }),
);
