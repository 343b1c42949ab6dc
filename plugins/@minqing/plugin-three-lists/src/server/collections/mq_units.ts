import { defineCollection } from '@nocobase/database';
import { UNIT_TYPE_OPTIONS } from '../domain/vocabulary';
import { defineListCollection, f, t } from './fields';

/** 基层单位: schools, kindergartens, offices… as a tree (county bureau › school). */
export default defineCollection(
  defineListCollection({
    name: 'mq_units',
    titleField: 'name',
    title: t('Grassroots units'),
    template: 'tree',
    tree: 'adjacencyList',
    fields: [
      f.input('name', 'Name', { allowNull: false }),
      f.select('type', 'Unit type', UNIT_TYPE_OPTIONS, { defaultValue: 'primary_secondary' }),
      f.input('region', 'Region'),
      f.belongsTo('parent', 'Parent unit', 'mq_units', 'name', { treeParent: true, foreignKey: 'parentId' }),
      f.hasMany('children', 'Child units', 'mq_units', 'parentId', 'name', { treeChildren: true }),
      f.hasMany('problems', 'Problems', 'mq_problems', 'unitId', 'title', { onDelete: 'RESTRICT' }),
    ],
    indexes: [{ fields: ['region'] }, { fields: ['parentId'] }],
  }),
);
