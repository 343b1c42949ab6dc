import { CURRENT_USER_ID as ME, MQ_ALL, type RoleSpec, type ScopeSpec } from '@minqing/plugin-three-lists';

const NS = '@minqing/plugin-warm-hearts';

export const WARM_HEARTS_SCOPES: Record<string, ScopeSpec> = {
  projectsIClaimed: {
    ns: NS,
    name: 'Projects I claimed',
    resourceName: 'mq_livelihood_projects',
    scope: { 'claims.leaderId': { $eq: ME }, 'claims.active': { $eq: true } },
  },
  milestonesOfMyProjects: {
    ns: NS,
    name: 'Milestones of projects I claimed',
    resourceName: 'mq_project_milestones',
    scope: { 'project.claims.leaderId': { $eq: ME }, 'project.claims.active': { $eq: true } },
  },
  myTalks: {
    ns: NS,
    name: 'Talks I gave or recorded',
    resourceName: 'mq_talks',
    scope: { $or: [{ speakerId: { $eq: ME } }, { createdById: { $eq: ME } }] },
  },
};

/**
 * The care ledger (mq_care_students) is given to `mq_care` and `mq_admin` only; its audit log to
 * `mq_admin` only, to read. Leaders and cadres get neither, nor any association leading to them.
 */
export const WARM_HEARTS_ROLES: RoleSpec[] = [
  {
    name: 'mq_admin',
    title: 'Minqing administrator',
    snippets: [],
    resources: {
      mq_livelihood_actions: MQ_ALL,
      mq_livelihood_projects: [...MQ_ALL, 'claim', 'release', 'toCase'],
      mq_project_claims: ['view', 'export'],
      mq_project_milestones: MQ_ALL,
      mq_talks: MQ_ALL,
      mq_care_students: MQ_ALL,
      mq_care_audit: ['view', 'export'],
    },
  },
  {
    name: 'mq_leader',
    title: 'Minqing leader',
    snippets: ['pm.minqing.warm-hearts-coverage'],
    resources: {
      mq_livelihood_actions: ['view'],
      mq_livelihood_projects: ['view', ['update', 'projectsIClaimed'], 'claim', 'release'],
      mq_project_claims: ['view'],
      mq_project_milestones: ['view', 'create', ['update', 'milestonesOfMyProjects']],
      mq_talks: [['view', 'myTalks'], 'create', ['update', 'myTalks']],
    },
  },
  {
    name: 'mq_cadre',
    title: 'Minqing cadre',
    snippets: [],
    resources: {
      mq_livelihood_actions: ['view'],
      mq_livelihood_projects: ['view'],
      mq_talks: [['view', 'myTalks'], 'create', ['update', 'myTalks']],
    },
  },
  {
    // 关爱专员: keeps the care ledger
    name: 'mq_care',
    title: 'Minqing care officer',
    snippets: ['pm.minqing.care-stats'],
    resources: {
      mq_units: ['view'],
      mq_care_students: ['view', 'create', 'update', 'destroy'],
    },
  },
];
