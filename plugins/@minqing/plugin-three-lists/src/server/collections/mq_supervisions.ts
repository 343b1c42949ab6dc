import { defineCollection } from '@nocobase/database';
import { SUPERVISION_LEVEL_OPTIONS, SUPERVISION_REASON_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/** 督办记录: written by @minqing/plugin-supervision, defined here so the lists show it. */
export default defineCollection(
  defineListCollection({
    name: 'mq_supervisions',
    title: t('Supervision records'),
    fields: [
      f.belongsTo('problem', 'Problem', 'mq_problems', 'title', { onDelete: 'CASCADE' }),
      f.belongsTo('responsibility', 'Responsibility', 'mq_responsibilities', 'id', { onDelete: 'CASCADE' }),
      f.belongsTo('task', 'Task', 'mq_tasks', 'measures', { onDelete: 'CASCADE' }),
      f.select('level', 'Level', SUPERVISION_LEVEL_OPTIONS, { defaultValue: 'reminder' }),
      f.select('reason', 'Reason', SUPERVISION_REASON_OPTIONS),
      f.datetime('issuedAt', 'Issued at'),
      f.dateOnly('responseDueOn', 'Response due on'),
      f.textarea('response', 'Response'),
      f.datetime('respondedAt', 'Responded at'),
      {
        name: 'responseLog',
        type: 'json',
        interface: 'json',
        defaultValue: [],
        uiSchema: { title: t('Response history'), type: 'object', 'x-component': 'Input.JSON', 'x-read-pretty': true },
      },
    ],
    indexes: [{ fields: ['problemId'] }, { fields: ['responsibilityId'] }],
  }),
);
