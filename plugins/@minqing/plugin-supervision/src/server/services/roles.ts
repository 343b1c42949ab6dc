import type { Database } from '@nocobase/database';
import { CURRENT_USER_ID as ME, type RoleSpec, type ScopeSpec } from '@minqing/plugin-three-lists';
import { isDeepStrictEqual } from 'util';

const NS = '@minqing/plugin-supervision';

/** what a leader saw of 作风监督 before: the flags on their own work only */
export const OWN_WORK_FLAGS = { userId: { $eq: ME } };

/**
 * A leader's flags: on their own work, on the problems they handle or guarantee, and at their
 * units (those of the problems they handle or guarantee — the dashboard's "my units").
 */
const LEADER_FLAGS = {
  $or: [
    OWN_WORK_FLAGS,
    { 'problem.responsibilities.personId': { $eq: ME } },
    { 'problem.responsibilities.guarantorId': { $eq: ME } },
    { 'unit.problems.responsibilities.personId': { $eq: ME } },
    { 'unit.problems.responsibilities.guarantorId': { $eq: ME } },
  ],
};

export const SUPERVISION_SCOPES: Record<string, ScopeSpec> = {
  aboutMe: {
    ns: NS,
    name: 'Flags on my own work',
    resourceName: 'mq_work_style_flags',
    scope: { userId: { $eq: ME } },
  },
  addressedToMe: {
    ns: NS,
    name: 'Supervisions addressed to me',
    resourceName: 'mq_supervisions',
    scope: { $or: [{ 'responsibility.personId': { $eq: ME } }, { 'responsibility.guarantorId': { $eq: ME } }] },
  },
};

/** The supervised party answers; the core already lets them see supervisions (leaders) or not. */
export const SUPERVISION_ROLES: RoleSpec[] = [
  {
    name: 'mq_admin',
    title: 'Minqing administrator',
    snippets: [],
    resources: {
      mq_supervisions: ['respond'],
      mq_dispatch_reports: ['view', 'destroy', 'export'],
      // 作风监督 and 未诉先办: the office reads, decides, adopts; nobody edits a flag by hand
      mq_work_style_flags: ['view', 'export', 'decide'],
      mq_proactive_candidates: ['view', 'export', 'adopt', 'dismiss'],
    },
  },
  {
    name: 'mq_leader',
    title: 'Minqing leader',
    snippets: [],
    resources: {
      mq_supervisions: [
        ['view', 'addressedToMe'],
        ['respond', 'addressedToMe'],
      ],
      mq_dispatch_reports: ['view'],
      // a leader sees the flags on their own work and at their units, never the whole bureau's
      mq_work_style_flags: [['view', 'aboutMe']],
    },
  },
  {
    name: 'mq_cadre',
    title: 'Minqing cadre',
    snippets: [],
    resources: {
      mq_supervisions: [
        ['view', 'addressedToMe'],
        ['respond', 'addressedToMe'],
      ],
    },
  },
];

/**
 * The leader's flag scope as this installation can express it: with the units they liaise when
 * the liaison plugin gave units their 联系点. Only while the scope is one of ours (an
 * administrator's edit wins). Returns whether it changed.
 */
export async function widenLeaderFlagScope(db: Database, transaction?: any): Promise<boolean> {
  const scopes = db.getRepository('dataSourcesRolesResourcesScopes');
  const record = await scopes.findOne({ filter: { key: 'mq_aboutMe', dataSourceKey: 'main' }, transaction });
  if (!record) return false;
  const liaised = Boolean(db.getCollection('mq_units')?.getField('liaisonPoints'));
  const scope = liaised
    ? {
        $or: [
          ...LEADER_FLAGS.$or,
          { 'unit.liaisonPoints.cadreId': { $eq: ME }, 'unit.liaisonPoints.active': { $eq: true } },
        ],
      }
    : LEADER_FLAGS;
  const current = record.get('scope');
  if (isDeepStrictEqual(current, scope)) return false;
  if (![OWN_WORK_FLAGS, LEADER_FLAGS].some((ours) => isDeepStrictEqual(current, ours))) return false;
  await scopes.update({
    filterByTk: record.get('id') as number,
    values: { scope, name: `{{t("Flags on my work and my units", { ns: "${NS}" })}}` },
    transaction,
  });
  return true;
}
