import type { WorkbenchPage } from '..';
import { onePage, table, where } from '../blocks';
import { tt } from '../i18n';

const OPEN = where({ path: 'state', operator: '$eq', value: 'open' });
const DECIDED = where({ path: 'state', operator: '$ne', value: 'open' });

/**
 * 作风监督: every flag the rules raised on the work (走马观花 visits, 表面文章 closures,
 * self-certification, figures too good), each with why and its records; the office 认定 or
 * dismisses with a reason that stays. A leader reads the same page with the flags the server's
 * ACL scope lets them see (mq_work_style_flags, supervision's roles) and no decision buttons.
 */
export const workStyle: WorkbenchPage = {
  key: 'work-style',
  title: tt('Work-style supervision'),
  icon: 'EyeOutlined',
  roles: ['mq_admin', 'mq_leader'],
  needs: ['mq_work_style_flags'],
  tabs: [
    {
      key: 'open',
      title: tt('Flags to decide'),
      blocks: [
        table('mq_work_style_flags', {
          key: 'openFlags',
          title: tt('Flags to decide'),
          fields: ['kind', 'why', 'user', 'unit', 'problem', 'detectedAt'],
          scope: OPEN,
          sort: [{ field: 'detectedAt', direction: 'desc' }],
          actions: ['filter', 'refresh', 'export'],
          recordActions: ['view'],
        }),
      ],
    },
    {
      key: 'decided',
      title: tt('Decided flags'),
      blocks: [
        table('mq_work_style_flags', {
          key: 'decidedFlags',
          title: tt('Decided flags'),
          fields: ['kind', 'why', 'user', 'unit', 'state', 'decisionReason', 'decidedBy', 'decidedAt'],
          scope: DECIDED,
          sort: [{ field: 'decidedAt', direction: 'desc' }],
          actions: ['filter', 'refresh', 'export'],
          recordActions: ['view'],
        }),
      ],
    },
  ],
  buttons: [{ block: 'openFlags', row: ['flagConfirm', 'flagDismiss'] }],
};

/** 未诉先办: problems found before anyone complained; one click makes a proactive problem. */
export const proactive: WorkbenchPage = onePage({
  key: 'proactive',
  title: tt('Handle before complaint'),
  icon: 'BulbOutlined',
  roles: ['mq_admin'],
  needs: ['mq_proactive_candidates'],
  blocks: [
    table('mq_proactive_candidates', {
      key: 'openCandidates',
      title: tt('Candidates to decide'),
      fields: ['kind', 'why', 'unit', 'detectedAt'],
      scope: OPEN,
      sort: [{ field: 'detectedAt', direction: 'desc' }],
      actions: ['refresh'],
      recordActions: ['view'],
    }),
    table('mq_proactive_candidates', {
      key: 'decidedCandidates',
      title: tt('Decided candidates'),
      fields: ['kind', 'why', 'unit', 'state', 'problem', 'decisionReason', 'decidedBy', 'decidedAt'],
      scope: DECIDED,
      sort: [{ field: 'decidedAt', direction: 'desc' }],
      actions: ['refresh', 'export'],
      recordActions: ['view'],
      pageSize: 10,
    }),
  ],
  buttons: [{ block: 'openCandidates', row: ['candidateAdopt', 'candidateDismiss'] }],
});
