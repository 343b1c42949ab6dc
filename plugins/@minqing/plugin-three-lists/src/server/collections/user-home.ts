import { f } from './fields';

/**
 * Where a user (a leader above all) belongs: a unit (a school's principal) or a region (a district
 * bureau's leader), on NocoBase's own `users`, added through the collection manager so the office
 * edits them in 用户管理 like any other field. 领导回访覆盖率 and 联系点覆盖率 are counted by them; a
 * leader with a unit and no region belongs to the unit's region.
 */
export const USER_HOME_FIELDS = [
  f.belongsTo('mqUnit', 'Belongs to unit', 'mq_units', 'name'),
  f.input('mqRegion', 'Belongs to region', { length: 100 }),
];

/** The attribute names the figures read. */
export const USER_UNIT_KEY = 'mqUnitId';
export const USER_REGION = 'mqRegion';
