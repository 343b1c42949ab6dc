import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';
import { AUDIENCE_OPTIONS } from '../domain/options';

/** 宣传宣讲: who spoke where, to whom, how many came */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_talks',
      title: t('Publicity talks'),
      titleField: 'topic',
      fields: [
        f.input('topic', 'Topic', { allowNull: false }),
        f.user('speaker', 'Speaker'),
        f.datetime('heldAt', 'Held at'),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name'),
        f.input('place', 'Place'),
        f.multipleSelect('audiences', 'Audience', AUDIENCE_OPTIONS),
        f.integer('attendance', 'Attendance'),
        f.textarea('summary', 'Summary'),
        f.attachments('photos', 'Photos', 'mq_talks_photos'),
      ],
      indexes: [{ fields: ['heldAt'] }],
    },
    NS,
  ),
);
