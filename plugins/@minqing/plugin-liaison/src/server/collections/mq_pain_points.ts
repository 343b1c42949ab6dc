import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';
import { PAIN_KIND_OPTIONS } from '../domain/options';

/** 难点、堵点、痛点 found at a window; each can become a problem with one action. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_pain_points',
      title: t('Pain points'),
      titleField: 'description',
      fields: [
        f.belongsTo('sitting', 'Window sitting', 'mq_window_sittings', 'service', { onDelete: 'CASCADE' }),
        f.select('kind', 'Kind', PAIN_KIND_OPTIONS, { defaultValue: 'pain' }),
        f.textarea('description', 'Description', { allowNull: false }),
        f.belongsTo('problem', 'Problem', 'mq_problems', 'title'),
      ],
    },
    NS,
  ),
);
