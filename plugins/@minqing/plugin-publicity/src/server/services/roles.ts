import { MQ_ALL, type RoleSpec } from '@minqing/plugin-three-lists';
import { OPEN311_SNIPPET } from '../domain/open311';

/**
 * Only the campaign office (mq_admin) reads public reports, whose contact details are the
 * complainant's, and publishes. Leaders and cadres see the typical cases; the public sees only
 * what `mqPublic` returns.
 */
export const PUBLICITY_ROLES: RoleSpec[] = [
  {
    name: 'mq_admin',
    title: 'Minqing administrator',
    snippets: [],
    resources: {
      mq_public_reports: ['view', 'update', 'export'],
      mq_evaluation_tokens: ['view'],
      mq_cases: MQ_ALL,
      mq_problems: ['publish', 'unpublish', 'toCase', 'similar', 'merge'],
      mq_problem_merges: ['view', 'export'],
    },
  },
  { name: 'mq_leader', title: 'Minqing leader', snippets: [], resources: { mq_cases: ['view'] } },
  { name: 'mq_cadre', title: 'Minqing cadre', snippets: [], resources: { mq_cases: ['view'] } },
  // 接入系统: a 12345 platform, a school's app… Its user's API keys file 接诉即办 reports through
  // Open311, and that is all it may do.
  { name: 'mq_open311', title: 'Open311 client system', snippets: [OPEN311_SNIPPET], resources: {} },
];
