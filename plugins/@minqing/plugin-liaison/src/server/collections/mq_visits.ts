import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, foundProblems, NS, t } from '../domain/fields';
import { CONTACTED_OPTIONS, VISIT_KIND_OPTIONS } from '../domain/options';

/** 走访记录. Only the unit is required: everything else has a default or may stay empty. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_visits',
      title: t('Visits'),
      titleField: 'summary',
      fields: [
        f.user('cadre', 'Visited by'),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'RESTRICT' }),
        f.datetime('visitedAt', 'Visited at'),
        f.multipleSelect('kinds', 'Kinds of visit', VISIT_KIND_OPTIONS),
        f.multipleSelect('contacted', 'People contacted', CONTACTED_OPTIONS),
        f.integer('peopleCount', 'People talked to'),
        f.textarea('summary', 'Summary'),
        f.textarea('voices', 'Voices heard'), // 师生呼声
        f.attachments('photos', 'Photos', 'mq_visits_photos'),
        foundProblems('mq_visits_problems', 'visitId'),
      ],
      indexes: [{ fields: ['visitedAt'] }],
    },
    NS,
  ),
);
