import { defineCollection } from '@nocobase/database';
import { defineListCollection } from '@minqing/plugin-three-lists';
import { f, NS, t } from '../domain/fields';

/** 坐窗口走流程: a leader sits at a service window and walks its process as the public would. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_window_sittings',
      title: t('Window sittings'),
      titleField: 'service',
      fields: [
        f.user('cadre', 'Sat by'),
        f.belongsTo('unit', 'Service window', 'mq_units', 'name', { onDelete: 'RESTRICT' }),
        f.dateOnly('sittingOn', 'Date'),
        f.input('service', 'Service', { allowNull: false }),
        f.textarea('process', 'Process walked'),
        f.hasMany('painPoints', 'Pain points', 'mq_pain_points', 'sittingId', 'description'),
      ],
    },
    NS,
  ),
);
