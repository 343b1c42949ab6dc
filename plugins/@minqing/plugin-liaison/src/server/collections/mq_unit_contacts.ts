import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** A unit's contact people: readable only by those who liaise the unit (and mq_admin). */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_unit_contacts',
      title: t('Unit contacts'),
      titleField: 'name',
      fields: [
        f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'CASCADE' }),
        f.input('name', 'Name', { allowNull: false }),
        f.input('position', 'Position'),
        {
          ...f.input('phone', 'Phone'),
          interface: 'phone',
          uiSchema: { ...f.input('phone', 'Phone').uiSchema, 'x-component-props': { type: 'tel' } },
        },
      ],
    },
    NS,
  ),
);
