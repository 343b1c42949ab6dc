import { CURRENT_USER_ID as ME, type RoleSpec, type ScopeSpec } from '@minqing/plugin-three-lists';

const NS = '@minqing/plugin-supervision';

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
      // a leader sees the flags on their own work
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
