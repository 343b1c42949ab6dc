import { defineCollection } from '@nocobase/database';
import { defineListCollection, fieldBuilders, t as tr } from '@minqing/plugin-three-lists';

const NS = '@minqing/plugin-supervision';
const f = fieldBuilders(NS);

/** 每月调度: the monthly dispatch report, kept as a record and sent to leaders. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_dispatch_reports',
      title: tr('Monthly dispatch reports', NS),
      titleField: 'title',
      fields: [
        f.input('title', 'Title'),
        f.input('month', 'Month'),
        f.integer('problems', 'Problems found'),
        f.integer('overdue', 'Overdue'),
        f.textarea('summary', 'Summary'),
        {
          name: 'figures',
          type: 'json',
          interface: 'json',
          uiSchema: { title: tr('Figures', NS), type: 'object', 'x-component': 'Input.JSON', 'x-read-pretty': true },
        },
      ],
      indexes: [{ fields: ['month'] }],
    },
    NS,
  ),
);
