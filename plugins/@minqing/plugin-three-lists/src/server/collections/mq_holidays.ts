import { defineCollection } from '@nocobase/database';
import { DAY_KIND_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/**
 * 节假日与调休: the office's own days over the `chinese-days` package — the State Council's schedule
 * of a year the package does not know yet (it publishes each year's in November), or a local
 * change. Deadlines count them (services/holidays.ts); one row a day.
 */
export default defineCollection(
  defineListCollection({
    name: 'mq_holidays',
    title: t('Holidays and adjusted workdays'),
    titleField: 'name',
    fields: [
      f.dateOnly('day', 'Day', { allowNull: false, unique: true }),
      f.select('kind', 'Day kind', DAY_KIND_OPTIONS, { allowNull: false, defaultValue: 'holiday' }),
      f.input('name', 'Holiday name'),
      f.input('source', 'Source (notice)'),
    ],
  }),
);
