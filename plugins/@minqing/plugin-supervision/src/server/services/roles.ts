import { CURRENT_USER_ID as ME, type RoleSpec, type ScopeSpec } from '@minqing/plugin-three-lists';

const NS = '@minqing/plugin-supervision';

export const SUPERVISION_SCOPES: Record<string, ScopeSpec> = {
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
    resources: { mq_supervisions: ['respond'], mq_dispatch_reports: ['view', 'destroy', 'export'] },
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
