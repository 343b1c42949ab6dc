/**
 * 工作台账: the columns of the ledger export (problems with their responsibilities, tasks and
 * lifecycle timestamps), for NocoBase's own export action (`mq_problems:export`).
 */
export const LEDGER_COLUMNS = [
  ['code', 'Code'],
  ['title', 'Title'],
  ['category', 'Category'],
  ['source', 'Source'],
  ['unit.name', 'Unit'],
  ['status', 'Status'],
  ['responsibilities.mode', 'Handling mode'],
  ['responsibilities.person.nickname', 'Responsible person'],
  ['responsibilities.guarantor.nickname', 'Guarantor leader'],
  ['responsibilities.deadline', 'Deadline'],
  ['tasks.measures', 'Measures'],
  ['tasks.progress', 'Progress (%)'],
  ['tasks.completionSummary', 'Completion summary'],
  ['createdAt', 'Created at'],
  ['assignedAt', 'Assigned at'],
  ['acceptedAt', 'Accepted at'],
  ['doneAt', 'Done at'],
  ['closedAt', 'Closed at'],
  ['reopenedAt', 'Reopened at'],
].map(([path, title]) => ({ dataIndex: path.split('.'), defaultTitle: title }));
