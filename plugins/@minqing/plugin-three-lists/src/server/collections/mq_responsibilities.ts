import { defineCollection } from '@nocobase/database';
import { MODE_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/** 责任清单: who answers for a problem, how, and by when. */
export default defineCollection(
  defineListCollection({
    name: 'mq_responsibilities',
    title: t('Responsibility list'),
    fields: [
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.belongsTo('unit', 'Responsible unit', 'mq_units', 'name'),
      f.user('person', 'Responsible person'),
      f.select('mode', 'Handling mode', MODE_OPTIONS, { defaultValue: 'first_receiver' }),
      f.user('guarantor', 'Guarantor leader'), // 包保领导
      f.textarea('goal', 'Goal'),
      f.dateOnly('deadline', 'Deadline'),
      // computed at assignment in working days: the response rate counts acceptance by this day
      f.dateOnly('acceptBy', 'Accept by'),
      f.datetime('acceptedAt', 'Accepted at'),
      f.checkbox('active', 'Current', { defaultValue: true }),
    ],
    indexes: [
      { fields: ['problemId', 'active'] },
      { fields: ['personId'] },
      { fields: ['guarantorId'] },
      { fields: ['deadline'] },
    ],
  }),
);
