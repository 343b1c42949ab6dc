import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

export default defineCollection(
  defineListCollection(
    {
      name: 'mq_project_milestones',
      title: t('Project milestones'),
      titleField: 'title',
      fields: [
        f.belongsTo('project', 'Project', 'mq_livelihood_projects', 'title', { onDelete: 'CASCADE' }),
        f.input('title', 'Title', { allowNull: false }),
        f.dateOnly('dueOn', 'Due on'),
        f.datetime('doneAt', 'Done at'),
      ],
    },
    NS,
  ),
);
