import { defineCollection } from '@nocobase/database';
import { CATEGORY_OPTIONS, defineListCollection, fieldBuilders } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** 先进典型: a good case told for the public, written and published by the campaign office. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_cases',
      title: t('Typical cases'),
      titleField: 'title',
      fields: [
        f.input('title', 'Title', { allowNull: false }),
        f.textarea('story', 'Story'),
        f.textarea('outcome', 'Outcome'),
        // the core's field, so its options and their labels stay the core's
        fieldBuilders().select('category', 'Category', CATEGORY_OPTIONS),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name'),
        f.belongsTo('problem', 'Problem', 'mq_problems', 'title'),
        f.attachments('photos', 'Photos', 'mq_cases_photos'),
        f.checkbox('isPublished', 'Published', { defaultValue: false }),
        f.datetime('publishedAt', 'Published at'),
      ],
      indexes: [{ fields: ['isPublished', 'publishedAt'] }],
    },
    NS,
  ),
);
