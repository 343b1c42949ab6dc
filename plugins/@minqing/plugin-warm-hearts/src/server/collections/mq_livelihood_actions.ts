import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** 民生实事行动: the bureau's yearly actions (e.g. 十大行动), with projects under them */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_livelihood_actions',
      title: t('Livelihood actions'),
      titleField: 'name',
      fields: [
        f.input('name', 'Name', { allowNull: false }),
        f.integer('year', 'Year'),
        f.textarea('description', 'Description'),
        f.hasMany('projects', 'Projects', 'mq_livelihood_projects', 'actionId', 'title'),
      ],
    },
    NS,
  ),
);
