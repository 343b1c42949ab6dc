import type { WorkbenchPage } from '..';
import { onePage, table, where } from '../blocks';
import { tt } from '../i18n';

/**
 * 接诉即办: what the public sent (the public page, Open311). Each report is already a problem
 * waiting to be assigned (待交办); the office looks for the same problem reported before
 * (相似问题, merge), 交办 it, and answers the person (the reply shows on their tracking page).
 */
export const inbox: WorkbenchPage = onePage({
  key: 'public-inbox',
  title: tt('Public reports inbox'),
  icon: 'InboxOutlined',
  roles: ['mq_admin'],
  needs: ['mq_public_reports', 'mq_problems'],
  blocks: [
    table('mq_public_reports', {
      key: 'toTriage',
      title: tt('To triage (not yet assigned)'),
      fields: ['trackingCode', 'createdAt', 'problem', 'channel', 'contactName', 'description', 'reply'],
      scope: where({ path: 'problem.status', operator: '$eq', value: 'new' }),
      sort: [{ field: 'createdAt', direction: 'asc' }],
      actions: ['refresh'],
      recordActions: ['view'],
    }),
    table('mq_public_reports', {
      key: 'allReports',
      title: tt('All public reports'),
      fields: ['trackingCode', 'createdAt', 'problem', 'channel', 'contactName', 'reply'],
      sort: [{ field: 'createdAt', direction: 'desc' }],
      actions: ['filter', 'refresh', 'export'],
      recordActions: ['view'],
      pageSize: 10,
    }),
  ],
  buttons: [
    { block: 'toTriage', row: ['reportSimilar', 'reportAssign', 'reportReply'] },
    { block: 'allReports', row: ['reportReply'] },
  ],
});
