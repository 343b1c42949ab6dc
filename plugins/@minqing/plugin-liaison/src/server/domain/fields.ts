import { fieldBuilders, t as tr } from '@minqing/plugin-three-lists';

export const NS = '@minqing/plugin-liaison';
export const f = fieldBuilders(NS);
export const t = (text: string) => tr(text, NS);

/** "problems found" by a visit or a piece of research: many-to-many to the problem list */
export const foundProblems = (through: string, foreignKey: string) =>
  f.belongsToMany('problems', 'Problems found', 'mq_problems', through, foreignKey, 'problemId', 'title');
