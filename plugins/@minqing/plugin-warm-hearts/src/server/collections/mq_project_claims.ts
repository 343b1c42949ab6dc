import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** 认领: a leader takes a project; released claims stay for the record */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_project_claims',
      title: t('Project claims'),
      fields: [
        f.belongsTo('project', 'Project', 'mq_livelihood_projects', 'title', { onDelete: 'CASCADE' }),
        f.user('leader', 'Leader'),
        f.datetime('claimedAt', 'Claimed at'),
        f.checkbox('active', 'Active', { defaultValue: true }),
        f.datetime('releasedAt', 'Released at'),
      ],
      indexes: [{ fields: ['leaderId', 'active'] }, { fields: ['projectId', 'active'] }],
    },
    NS,
  ),
);
