import type { Database, Transaction } from '@nocobase/database';
import { t } from '../collections/fields';
import { LOOP_ACTIONS } from '../domain/loop';
import { CURRENT_USER_ID as ME } from './acl';

/**
 * Roles created at install, as ordinary NocoBase roles with per-collection actions and data
 * scopes: administrators see and change them afterwards in Users & permissions. Created once;
 * a later install or upgrade never overwrites what an administrator changed.
 */

/** A problem with a revisit appointed to me, seen from the problem. */
export const REVISIT_APPOINTED_TO_ME = { 'revisits.revisiterId': { $eq: ME } };

export const SCOPES: Record<string, ScopeSpec> = {
  reportedByMe: { name: 'Problems I reported', resourceName: 'mq_problems', scope: { createdById: { $eq: ME } } },
  assignedToMe: {
    name: 'Problems assigned to me',
    resourceName: 'mq_problems',
    scope: { 'responsibilities.personId': { $eq: ME }, 'responsibilities.active': { $eq: true } },
  },
  mineOrAssigned: {
    name: 'Problems I reported or handle',
    resourceName: 'mq_problems',
    scope: { $or: [{ createdById: { $eq: ME } }, { 'responsibilities.personId': { $eq: ME } }] },
  },
  leaderProblems: {
    name: 'Problems I reported, handle or guarantee',
    resourceName: 'mq_problems',
    scope: {
      $or: [
        { createdById: { $eq: ME } },
        { 'responsibilities.personId': { $eq: ME } },
        { 'responsibilities.guarantorId': { $eq: ME } },
        // a revisit the office planned for me (待我回访): I open the problem to record it
        REVISIT_APPOINTED_TO_ME,
      ],
    },
  },
  myResponsibilities: {
    name: 'Responsibilities I hold or guarantee',
    resourceName: 'mq_responsibilities',
    scope: { $or: [{ personId: { $eq: ME } }, { guarantorId: { $eq: ME } }] },
  },
  tasksOfMyProblems: {
    name: 'Tasks of problems I handle',
    resourceName: 'mq_tasks',
    scope: { $or: [{ 'problem.createdById': { $eq: ME } }, { 'problem.responsibilities.personId': { $eq: ME } }] },
  },
  leaderRevisits: {
    name: 'My revisits and those of problems I guarantee',
    resourceName: 'mq_revisits',
    scope: { $or: [{ revisiterId: { $eq: ME } }, { 'problem.responsibilities.guarantorId': { $eq: ME } }] },
  },
};

/** `{ a: x }` → `{ 'problem.a': x }`, through `$and`/`$or`: a problem's scope seen from a record of it */
export function scopeThrough(association: string, scope: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scope)) {
    if (key === '$and' || key === '$or') {
      out[key] = (value as Record<string, unknown>[]).map((item) => scopeThrough(association, item));
    } else out[key.startsWith('$') ? key : `${association}.${key}`] = value;
  }
  return out;
}

/**
 * 领导干部 see the progress reports, evaluations and supervisions of the problems they see, not
 * all of them: those texts repeat what the problem says (names, phones) and add internal notes.
 * Each is the leaders' problem scope seen through the record's `problem` (liaison widens them
 * together with it).
 */
export const LEADER_PROBLEM_RECORD_SCOPES: Record<string, ScopeSpec> = {
  leaderProgressReports: {
    name: 'Progress reports of problems I see',
    resourceName: 'mq_progress_reports',
    scope: scopeThrough('problem', SCOPES.leaderProblems.scope),
  },
  leaderEvaluations: {
    name: 'Evaluations of problems I see',
    resourceName: 'mq_evaluations',
    scope: scopeThrough('problem', SCOPES.leaderProblems.scope),
  },
  leaderSupervisions: {
    name: 'Supervisions of problems I see',
    resourceName: 'mq_supervisions',
    scope: scopeThrough('problem', SCOPES.leaderProblems.scope),
  },
};
Object.assign(SCOPES, LEADER_PROBLEM_RECORD_SCOPES);

export interface ScopeSpec {
  name: string;
  resourceName: string;
  scope: Record<string, unknown>;
  /** locale namespace of `name` (default: this plugin's) */
  ns?: string;
}

/** An action, or an action limited to a named data scope. */
export type Grant = string | [string, string];

export interface RoleSpec {
  name: string;
  title: string;
  snippets: string[];
  resources: Record<string, Grant[]>;
}

/** what other plugins may widen (liaison: units the leader liaises) */
export const LEADER_PROBLEM_SCOPE = { key: 'leaderProblems', spec: SCOPES.leaderProblems };

export const MQ_ALL = ['view', 'create', 'update', 'destroy', 'export', 'importXlsx'];
const FIELD_ACTIONS = ['view', 'create', 'update', 'export', 'importXlsx'];

export const ROLES: RoleSpec[] = [
  {
    // 活动管理员: the campaign office, everything in Minqing
    name: 'mq_admin',
    title: 'Minqing administrator',
    snippets: ['pm.minqing.*'],
    resources: {
      mq_units: MQ_ALL,
      mq_problems: [...MQ_ALL, ...LOOP_ACTIONS, 'correct'],
      // the records the figures count from are corrected (更正, with a reason), not edited
      mq_responsibilities: [...MQ_ALL, 'correct'],
      mq_tasks: [...MQ_ALL, 'correct'],
      mq_milestones: MQ_ALL,
      mq_progress_reports: MQ_ALL,
      mq_revisits: [...MQ_ALL, 'correct'],
      mq_evaluations: [...MQ_ALL, 'correct'],
      mq_supervisions: MQ_ALL,
      mq_corrections: ['view', 'export'],
      // 节假日与调休: the office keeps the working-day calendar
      mq_holidays: MQ_ALL,
    },
  },
  {
    // 领导干部: what they guarantee or handle, and revisits
    name: 'mq_leader',
    title: 'Minqing leader',
    snippets: ['pm.minqing.stats'],
    resources: {
      mq_units: ['view'],
      mq_problems: [
        ['view', 'leaderProblems'],
        'create',
        ['update', 'reportedByMe'],
        ['accept', 'assignedToMe'],
        ['reportProgress', 'assignedToMe'],
        ['complete', 'assignedToMe'],
      ],
      mq_responsibilities: [['view', 'myResponsibilities']],
      mq_tasks: [['view', 'tasksOfMyProblems']],
      mq_progress_reports: [['view', 'leaderProgressReports']],
      // a planned revisit is recorded by the leader it appoints (hooks/feedback.ts)
      mq_revisits: [['view', 'leaderRevisits'], 'create', ['update', 'leaderRevisits']],
      mq_evaluations: [['view', 'leaderEvaluations']],
      mq_supervisions: [['view', 'leaderSupervisions']],
    },
  },
  {
    // 党员干部: report problems; see and act on what is assigned to them
    name: 'mq_cadre',
    title: 'Minqing cadre',
    snippets: [],
    resources: {
      mq_units: ['view'],
      mq_problems: [
        ['view', 'mineOrAssigned'],
        'create',
        ['update', 'reportedByMe'],
        ['accept', 'assignedToMe'],
        ['reportProgress', 'assignedToMe'],
        ['complete', 'assignedToMe'],
      ],
      mq_responsibilities: [['view', 'myResponsibilities']],
      mq_tasks: [['view', 'tasksOfMyProblems']],
    },
  },
];

export async function ensureScopes(db: Database, scopes: Record<string, ScopeSpec>, transaction: Transaction) {
  const repo = db.getRepository('dataSourcesRolesResourcesScopes');
  const ids: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(scopes)) {
    const scopeKey = `mq_${key}`;
    const existing = await repo.findOne({ filter: { key: scopeKey, dataSourceKey: 'main' }, transaction });
    const record =
      existing ??
      (await repo.create({
        values: {
          key: scopeKey,
          dataSourceKey: 'main',
          name: t(spec.name, spec.ns),
          resourceName: spec.resourceName,
          scope: spec.scope,
        },
        transaction,
      }));
    ids[key] = record.get('id');
  }
  return ids;
}

/**
 * Creates missing roles and, per role, the permissions of collections it has none for yet:
 * another Minqing plugin adds its collections to the same roles; an administrator's changes stay.
 */
export async function grantRoles(db: Database, roles: RoleSpec[], scopes: Record<string, ScopeSpec>, ns?: string) {
  await db.sequelize.transaction(async (transaction) => {
    const scopeIds = await ensureScopes(db, scopes, transaction);
    const roleRepo = db.getRepository('roles');
    const resources = db.getRepository('dataSourcesRolesResources');
    for (const spec of roles) {
      const role = await roleRepo.findOne({ filterByTk: spec.name, transaction });
      if (!role) {
        await roleRepo.create({
          values: { name: spec.name, title: t(spec.title, ns), snippets: spec.snippets, allowNewMenu: false },
          transaction,
        });
      } else {
        const missing = spec.snippets.filter((s) => !(role.get('snippets') as string[]).includes(s));
        if (missing.length)
          await role.update({ snippets: [...(role.get('snippets') as string[]), ...missing] }, { transaction });
      }
      for (const [collection, grants] of Object.entries(spec.resources)) {
        const exists = await resources.findOne({
          filter: { roleName: spec.name, dataSourceKey: 'main', name: collection },
          appends: ['actions'],
          transaction,
        });
        if (exists) {
          // another plugin's new action (e.g. respond) joins a configuration the role already has
          const have = new Set(((exists.get('actions') as any[]) ?? []).map((a) => a.get?.('name') ?? a.name));
          const missing = grants.filter((grant) => !have.has(Array.isArray(grant) ? grant[0] : grant));
          for (const grant of missing) {
            const [name, scope] = Array.isArray(grant) ? grant : [grant];
            if (scope && !scopeIds[scope]) throw new Error(`unknown data scope ${scope}`);
            await db.getRepository('dataSourcesRolesResourcesActions').create({
              values: {
                rolesResourceId: exists.get('id'),
                name,
                fields: [],
                ...(scope ? { scopeId: scopeIds[scope] } : {}),
              },
              transaction,
            });
          }
          if (missing.length)
            await db.emitAsync('dataSourcesRolesResources.afterSaveWithAssociations', exists, { transaction });
          continue;
        }
        await resources.create({
          values: {
            roleName: spec.name,
            dataSourceKey: 'main',
            name: collection,
            usingActionsConfig: true,
            actions: grants.map((grant) => {
              const [name, scope] = Array.isArray(grant) ? grant : [grant];
              // as the roles UI does: an action that takes fields lists them all (plugin-acl appends an
              // admin's new field to these lists, so an empty list would soon mean "only that field")
              const fields = FIELD_ACTIONS.includes(name) ? [...db.getCollection(collection).fields.keys()] : [];
              if (scope && !scopeIds[scope]) throw new Error(`unknown data scope ${scope}`);
              return { name, fields, ...(scope ? { scopeId: scopeIds[scope] } : {}) };
            }),
          },
          transaction,
        });
      }
    }
  });
}

export function installRoles(db: Database) {
  return grantRoles(db, ROLES, SCOPES);
}
