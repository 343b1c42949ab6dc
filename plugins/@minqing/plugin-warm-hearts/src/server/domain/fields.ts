import { fieldBuilders, t as tr } from '@minqing/plugin-three-lists';

export const NS = '@minqing/plugin-warm-hearts';
export const f = fieldBuilders(NS);
export const t = (text: string) => tr(text, NS);

/** many-to-many through a table of its own */
export const manyToMany = (
  name: string,
  title: string,
  target: string,
  through: string,
  foreignKey: string,
  otherKey: string,
  label: string,
) => ({
  ...f.hasMany(name, title, target, foreignKey, label),
  type: 'belongsToMany',
  interface: 'm2m',
  through,
  foreignKey,
  otherKey,
  sourceKey: 'id',
  targetKey: 'id',
});
