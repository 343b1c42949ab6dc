import type { Database } from '@nocobase/database';
import {
  CURRENT_USER_ID as ME,
  LEADER_PROBLEM_RECORD_SCOPES,
  LEADER_PROBLEM_SCOPE,
  MQ_ALL,
  scopeThrough,
  type RoleSpec,
  type ScopeSpec,
} from '@minqing/plugin-three-lists';
import { isDeepStrictEqual } from 'util';

const NS = '@minqing/plugin-liaison';
/** units I liaise: through mq_units.liaisonPoints, which this plugin adds */
const LIAISED_UNIT = { 'unit.liaisonPoints.cadreId': { $eq: ME }, 'unit.liaisonPoints.active': { $eq: true } };

export const LIAISON_SCOPES: Record<string, ScopeSpec> = {
  myLiaisonPoints: {
    ns: NS,
    name: 'My liaison points',
    resourceName: 'mq_liaison_points',
    scope: { cadreId: { $eq: ME } },
  },
  myVisits: {
    ns: NS,
    name: 'My visits',
    resourceName: 'mq_visits',
    scope: { $or: [{ cadreId: { $eq: ME } }, { createdById: { $eq: ME } }] },
  },
  visitsToMyUnits: {
    ns: NS,
    name: 'My visits and visits to units I liaise',
    resourceName: 'mq_visits',
    scope: { $or: [{ cadreId: { $eq: ME } }, { createdById: { $eq: ME } }, LIAISED_UNIT] },
  },
  myResearch: {
    ns: NS,
    name: 'My research',
    resourceName: 'mq_research',
    scope: { $or: [{ leaderId: { $eq: ME } }, { createdById: { $eq: ME } }] },
  },
  mySittings: {
    ns: NS,
    name: 'My window sittings',
    resourceName: 'mq_window_sittings',
    scope: { $or: [{ cadreId: { $eq: ME } }, { createdById: { $eq: ME } }] },
  },
  myPainPoints: {
    ns: NS,
    name: 'Pain points I found',
    resourceName: 'mq_pain_points',
    scope: { createdById: { $eq: ME } },
  },
  contactsOfMyUnits: {
    ns: NS,
    name: 'Contacts of units I liaise',
    resourceName: 'mq_unit_contacts',
    scope: LIAISED_UNIT,
  },
};

const OWN_RECORDS = (scope: string) => [['view', scope], 'create', ['update', scope]] as [string, string][];

export const LIAISON_ROLES: RoleSpec[] = [
  {
    name: 'mq_admin',
    title: 'Minqing administrator',
    snippets: [],
    resources: {
      mq_liaison_points: MQ_ALL,
      mq_visits: MQ_ALL,
      mq_research: MQ_ALL,
      mq_window_sittings: MQ_ALL,
      mq_pain_points: [...MQ_ALL, 'toProblem'],
      mq_unit_contacts: MQ_ALL,
    },
  },
  {
    name: 'mq_leader',
    title: 'Minqing leader',
    snippets: ['pm.minqing.liaison-coverage'],
    resources: {
      mq_liaison_points: [['view', 'myLiaisonPoints']],
      mq_visits: [['view', 'visitsToMyUnits'], 'create', ['update', 'myVisits']],
      mq_research: OWN_RECORDS('myResearch'),
      mq_window_sittings: OWN_RECORDS('mySittings'),
      mq_pain_points: [...OWN_RECORDS('myPainPoints'), ['toProblem', 'myPainPoints']],
      mq_unit_contacts: [['view', 'contactsOfMyUnits']],
    },
  },
  {
    name: 'mq_cadre',
    title: 'Minqing cadre',
    snippets: [],
    resources: {
      mq_liaison_points: [['view', 'myLiaisonPoints']],
      mq_visits: OWN_RECORDS('myVisits'),
      mq_research: OWN_RECORDS('myResearch'),
      mq_window_sittings: OWN_RECORDS('mySittings'),
      mq_pain_points: [...OWN_RECORDS('myPainPoints'), ['toProblem', 'myPainPoints']],
      mq_unit_contacts: [['view', 'contactsOfMyUnits']],
    },
  },
];

/**
 * The core lets a leader see the problems they report, handle or guarantee; with liaison points
 * known, also those of the units they liaise ("领导 sees problems of units they guarantee or
 * liaise"). Only while the scope is still the core's default: an administrator's edit wins.
 */
export async function widenLeaderProblemScope(db: Database) {
  const scopes = db.getRepository('dataSourcesRolesResourcesScopes');
  // the records of those problems (progress reports, evaluations, supervisions) follow them
  for (const [key, spec] of Object.entries(LEADER_PROBLEM_RECORD_SCOPES)) {
    const record = await scopes.findOne({ filter: { key: `mq_${key}`, dataSourceKey: 'main' } });
    if (!record || !isDeepStrictEqual(record.get('scope'), spec.scope)) continue;
    const or = (spec.scope as { $or: unknown[] }).$or;
    await scopes.update({
      filterByTk: record.get('id') as number,
      values: { scope: { $or: [...or, scopeThrough('problem', LIAISED_UNIT)] } },
    });
  }
  const record = await scopes.findOne({ filter: { key: `mq_${LEADER_PROBLEM_SCOPE.key}`, dataSourceKey: 'main' } });
  if (!record || !isDeepStrictEqual(record.get('scope'), LEADER_PROBLEM_SCOPE.spec.scope)) return;
  const or = (LEADER_PROBLEM_SCOPE.spec.scope as { $or: unknown[] }).$or;
  await scopes.update({
    filterByTk: record.get('id') as number,
    values: {
      scope: {
        $or: [...or, LIAISED_UNIT],
      },
      name: '{{t("Problems I reported, handle, guarantee or whose unit I liaise", { ns: "@minqing/plugin-liaison" })}}',
    },
  });
}
