import { defineCollection } from '@nocobase/database';
import {
  CATEGORY_OPTIONS,
  DIFFICULTY_OPTIONS,
  PROBLEM_CODE,
  SOURCE_OPTIONS,
  STATUS_OPTIONS,
} from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/** 问题清单. Other plugins add their fields to it (publicity: isPublic, publicTitle, publicSummary, publishedAt). */
export default defineCollection(
  defineListCollection({
    name: 'mq_problems',
    titleField: 'title',
    title: t('Problem list'),
    fields: [
      {
        // WT2026-000123: readable on the phone and on paper, unique, never typed by hand
        name: 'code',
        type: 'sequence',
        interface: 'sequence',
        unique: true,
        inputable: false,
        patterns: [
          { type: 'string', options: { value: PROBLEM_CODE.prefix } },
          { type: 'date', options: { format: 'YYYY' } },
          { type: 'string', options: { value: '-' } },
          { type: 'integer', options: { digits: PROBLEM_CODE.digits, start: 1, key: 1, cycle: '0 0 1 1 *' } },
        ],
        uiSchema: { title: t('Code'), type: 'string', 'x-component': 'Sequence', 'x-read-pretty': true },
      },
      f.input('title', 'Title', { allowNull: false }),
      f.textarea('description', 'Description'),
      f.select('category', 'Category', CATEGORY_OPTIONS, { defaultValue: 'other' }),
      f.select('source', 'Source', SOURCE_OPTIONS, { defaultValue: 'visit' }),
      f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'RESTRICT' }),
      f.select('difficulty', 'Difficulty', DIFFICULTY_OPTIONS, { defaultValue: 'quick' }),
      f.checkbox('carriedOver', 'Carried over from the earlier phase', { defaultValue: false }),
      f.select('status', 'Status', STATUS_OPTIONS, { defaultValue: 'new', allowNull: false }),
      f.datetime('assignedAt', 'Assigned at'),
      f.datetime('acceptedAt', 'Accepted at'),
      f.datetime('doneAt', 'Done at'),
      f.datetime('closedAt', 'Closed at'),
      f.datetime('reopenedAt', 'Reopened at'),
      f.textarea('reopenReason', 'Reason for reopening'),
      f.integer('reopenCount', 'Times reopened', { defaultValue: 0 }),
      // 逾期 N 天: computed on every read from the current responsibility's deadline (services/overdue.ts)
      {
        name: 'overdueDays',
        type: 'virtual',
        interface: 'integer',
        uiSchema: { title: t('Days overdue'), type: 'number', 'x-component': 'InputNumber', 'x-read-pretty': true },
      },
      // 督办 not answered yet, counted on every read (services/unanswered-supervisions.ts)
      {
        name: 'unansweredSupervisions',
        type: 'virtual',
        interface: 'integer',
        uiSchema: {
          title: t('Unanswered supervisions'),
          type: 'number',
          'x-component': 'InputNumber',
          'x-read-pretty': true,
        },
      },
      f.hasMany('responsibilities', 'Responsibility list', 'mq_responsibilities', 'problemId', 'id'),
      f.hasMany('tasks', 'Task list', 'mq_tasks', 'problemId', 'measures'),
      f.hasMany('revisits', 'Revisits', 'mq_revisits', 'problemId', 'id'),
      f.hasMany('evaluations', 'Evaluations', 'mq_evaluations', 'problemId', 'id'),
      f.hasMany('supervisions', 'Supervision records', 'mq_supervisions', 'problemId', 'id'),
    ],
    indexes: [
      { fields: ['status'] },
      { fields: ['unitId', 'status'] },
      { fields: ['category'] },
      { fields: ['createdAt'] },
      { fields: ['assignedAt'] },
    ],
  }),
);
