import type { CollectionActionKey, RecordActionKey } from '../../server/domain/record-actions';
import { STEPS, type StepField } from '../steps/steps';

type Record_ = Record<string, any>;

/** One button on a row of the campaign's other pages: when it shows, what it asks, where it posts. */
export interface RecordAction {
  key: RecordActionKey;
  /** English message key of the button, in the workbench's namespace */
  label: string;
  /** shown on this row (always in UI-editor mode, so an administrator can move or remove it) */
  shows: (record: Record_) => boolean;
  fields: StepField[];
  confirm?: string;
  /** opens a panel of its own instead of a form (相似问题) */
  panel?: 'similar';
  /** the message after it succeeded */
  done?: string;
  request: (record: Record_, values: Record<string, unknown>) => { url: string; data: unknown };
  primary?: boolean;
}

const post = (resource: string, action: string) => (id: unknown, data: unknown) => ({
  url: `${resource}:${action}?filterByTk=${encodeURIComponent(String(id))}`,
  data,
});
const isOpen = (record: Record_) => record?.state === 'open';
const REASON_REQUIRED: StepField = { name: 'reason', label: 'Reason', kind: 'textarea', required: true };
const problemOf = (record: Record_) => record?.problem ?? {};
const assignStep = STEPS.find((s) => s.key === 'assign')!;

export const RECORD_ACTION_LIST: RecordAction[] = [
  {
    key: 'flagConfirm',
    label: 'Confirm the flag',
    shows: isOpen,
    primary: true,
    fields: [{ name: 'reason', label: 'Note (optional)', kind: 'textarea' }],
    request: (r, v) => post('mq_work_style_flags', 'decide')(r.id, { decision: 'confirmed', reason: v.reason }),
  },
  {
    key: 'flagDismiss',
    label: 'Dismiss the flag',
    shows: isOpen,
    fields: [REASON_REQUIRED],
    request: (r, v) => post('mq_work_style_flags', 'decide')(r.id, { decision: 'dismissed', reason: v.reason }),
  },
  {
    key: 'candidateAdopt',
    label: 'Make it a problem',
    shows: isOpen,
    primary: true,
    fields: [],
    confirm: 'Make a problem (source: handled before complaint) from this finding, with its evidence?',
    request: (r) => post('mq_proactive_candidates', 'adopt')(r.id, {}),
  },
  {
    key: 'candidateDismiss',
    label: 'Do not adopt',
    shows: isOpen,
    fields: [REASON_REQUIRED],
    request: (r, v) => post('mq_proactive_candidates', 'dismiss')(r.id, { reason: v.reason }),
  },
  {
    key: 'reportSimilar',
    label: 'Similar problems',
    shows: (r) => problemOf(r).status === 'new',
    fields: [],
    panel: 'similar',
    request: (r) => ({ url: `mq_problems:similar?filterByTk=${encodeURIComponent(String(r.problemId))}`, data: {} }),
  },
  {
    key: 'reportAssign',
    label: 'Assign',
    shows: (r) => problemOf(r).status === 'new',
    primary: true,
    fields: assignStep.fields,
    request: (r, v) => post('mq_problems', 'assign')(r.problemId, v),
  },
  {
    key: 'reportReply',
    label: 'Reply to the person',
    shows: () => true,
    fields: [{ name: 'reply', label: 'Reply (shown on their tracking page)', kind: 'textarea', required: true }],
    request: (r, v) => post('mq_public_reports', 'update')(r.id, { reply: v.reply }),
  },
  {
    key: 'projectClaim',
    label: 'Claim',
    shows: () => true,
    primary: true,
    fields: [],
    confirm: 'Claim this project? You answer for it until it is done (each leader claims one or two).',
    request: (r) => post('mq_livelihood_projects', 'claim')(r.id, {}),
  },
  {
    key: 'projectRelease',
    label: 'Give up',
    shows: (r) => Number(r.claimedCount ?? 0) > 0,
    fields: [],
    confirm: 'Give up your claim on this project?',
    request: (r) => post('mq_livelihood_projects', 'release')(r.id, {}),
  },
  {
    key: 'projectToCase',
    label: 'Draft a typical case',
    shows: (r) => r.status === 'done',
    fields: [],
    confirm: 'Draft a typical case from this project? It stays unpublished until the office publishes it.',
    done: 'A draft typical case was made: publish it on the typical cases page',
    request: (r) => post('mq_livelihood_projects', 'toCase')(r.id, {}),
  },
  {
    key: 'resultToCase',
    label: 'Draft a typical case',
    shows: () => true,
    fields: [],
    confirm: 'Draft a typical case from this result (its public texts only)? It stays unpublished until you publish it.',
    done: 'A draft typical case was made: publish it on the typical cases page',
    request: (r) => post('mq_problems', 'toCase')(r.id, {}),
  },
  {
    key: 'casePublish',
    label: 'Publish the case',
    shows: (r) => !r.isPublished,
    primary: true,
    fields: [],
    confirm: 'Publish this typical case on the public page?',
    request: (r) => post('mq_cases', 'update')(r.id, { isPublished: true }),
  },
  {
    key: 'painPointToProblem',
    label: 'Turn into a problem',
    shows: (r) => !r.problemId && !r.problem,
    fields: [],
    confirm: 'Turn this pain point into a problem on the problem list?',
    request: (r) => post('mq_pain_points', 'toProblem')(r.id, {}),
  },
];

export const COLLECTION_ACTION_LABELS: Record<CollectionActionKey, string> = {
  ledgerExport: 'Export the work ledger',
};
