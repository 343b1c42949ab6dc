import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** 联系点: a leader's or cadre's grassroots unit ("每位领导班子成员联系1-2家基层单位"). */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_liaison_points',
      title: t('Liaison points'),
      fields: [
        f.user('cadre', 'Leader or cadre', { onDelete: 'CASCADE' }),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'CASCADE' }),
        f.dateOnly('since', 'Since'),
        f.checkbox('active', 'Active', { defaultValue: true }),
        f.textarea('note', 'Note'),
      ],
      indexes: [{ fields: ['cadreId', 'active'] }, { fields: ['unitId', 'active'] }],
    },
    NS,
  ),
);
