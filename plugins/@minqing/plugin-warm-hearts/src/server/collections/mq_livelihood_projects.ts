import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';
import { PROJECT_STATUS_OPTIONS } from '../domain/options';

/** 民生实事项目, claimed (认领) by leaders; `claimedCount` is kept by the claim and release actions */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_livelihood_projects',
      title: t('Livelihood projects'),
      titleField: 'title',
      fields: [
        f.belongsTo('action', 'Livelihood action', 'mq_livelihood_actions', 'name', { onDelete: 'RESTRICT' }),
        f.input('title', 'Title', { allowNull: false }),
        f.textarea('goals', 'Goals'),
        f.belongsTo('unit', 'Lead unit', 'mq_units', 'name'),
        f.integer('leaderSlots', 'Leaders who may claim it', { defaultValue: 1 }),
        f.integer('claimedCount', 'Leaders who claimed it', { defaultValue: 0 }),
        f.select('status', 'Status', PROJECT_STATUS_OPTIONS, { defaultValue: 'planned' }),
        f.integer('progressPercent', 'Progress (%)', { defaultValue: 0 }),
        f.textarea('progressNote', 'Latest progress'),
        f.dateOnly('deadline', 'Deadline'),
        f.hasMany('claims', 'Claims', 'mq_project_claims', 'projectId', 'id'),
        f.hasMany('milestones', 'Milestones', 'mq_project_milestones', 'projectId', 'title'),
        f.belongsToMany(
          'problems',
          'Problems it solves',
          'mq_problems',
          'mq_livelihood_projects_problems',
          'projectId',
          'problemId',
          'title',
        ),
        f.attachments('photos', 'Photos', 'mq_livelihood_projects_photos'),
      ],
      indexes: [{ fields: ['status'] }],
    },
    NS,
  ),
);
