import type { WorkbenchPage } from '..';
import { onePage, table } from '../blocks';
import { tt } from '../i18n';

/** 每月调度: the monthly reports the preset workflow writes (figures, flags, proactive share). */
export const dispatch: WorkbenchPage = onePage({
  key: 'dispatch-reports',
  title: tt('Monthly dispatch'),
  icon: 'FileTextOutlined',
  roles: ['mq_admin', 'mq_leader'],
  needs: ['mq_dispatch_reports'],
  blocks: [
    table('mq_dispatch_reports', {
      key: 'reports',
      fields: ['month', 'title', 'problems', 'overdue', 'summary'],
      sort: [{ field: 'month', direction: 'desc' }],
      actions: ['refresh', 'export'],
      recordActions: ['view'],
    }),
  ],
});

/**
 * 工作台账: every problem with its lifecycle, exported on one button as a workbook with the
 * columns the core's LEDGER_COLUMNS defines (responsibilities, tasks, every step's time).
 */
export const ledger: WorkbenchPage = onePage({
  key: 'work-ledger',
  title: tt('Work ledger'),
  icon: 'TableOutlined',
  roles: ['mq_admin'],
  needs: ['mq_problems', 'mq_responsibilities', 'mq_tasks'],
  blocks: [
    table('mq_problems', {
      key: 'ledger',
      fields: ['code', 'title', 'unit', 'status', 'createdAt', 'assignedAt', 'acceptedAt', 'doneAt', 'closedAt'],
      sort: [{ field: 'createdAt', direction: 'desc' }],
      actions: ['filter', 'refresh'],
      recordActions: ['view'],
    }),
  ],
  buttons: [{ block: 'ledger', top: ['ledgerExport'] }],
});
