import {
  DONE_STATUSES,
  LOOP,
  OPEN_STATUSES,
  MODE_OPTIONS,
  OUTCOME_OPTIONS,
  REVISIT_METHOD_OPTIONS,
  SATISFACTION_OPTIONS,
} from '@minqing/plugin-three-lists/client';

export type FieldKind = 'textarea' | 'text' | 'select' | 'user' | 'date' | 'percent';

export interface StepField {
  name: string;
  /** English message key, translated in this plugin's namespace */
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** select options, labels in the three-lists namespace */
  options?: { value: string | number; label: string }[];
  defaultValue?: unknown;
  /** a person picker offering only the holders of this role ('leader': 包保领导) */
  role?: 'leader';
}

export interface StepRequest {
  url: string;
  data: unknown;
}

/** What a step may ask the server before it posts (the client's API). */
export type StepApi = { request: (config: Record<string, unknown>) => Promise<any> };

/** One button on a problem: which statuses show it, what it asks, where it posts. */
export interface Step {
  key: string;
  /** English message key of the button (zh-CN: 交办, 接收, …) */
  label: string;
  statuses: readonly string[];
  fields: StepField[];
  /** a step without fields still asks before it acts */
  confirm?: string;
  request: (
    problemId: number | string,
    values: Record<string, unknown>,
    api: StepApi,
  ) => StepRequest | Promise<StepRequest>;
  primary?: boolean;
  /** besides the status: whether the record asks for the step (a supervision waiting for an answer) */
  shows?: (record: Record<string, any>) => boolean;
}

/** POST mq_problems:<action>?filterByTk=<id>: the core's loop steps and publicity's publish */
const problemAction = (action: string) => (problemId: number | string, values: Record<string, unknown>) => ({
  url: `mq_problems:${action}?filterByTk=${encodeURIComponent(String(problemId))}`,
  data: values,
});

// the statuses come from the core's state machine: a button shows exactly where the server accepts it
export const STEPS: Step[] = [
  {
    key: 'assign', // 交办
    label: 'Assign',
    statuses: LOOP.assign.from,
    primary: true,
    fields: [
      { name: 'personId', label: 'Responsible person', kind: 'user', required: true },
      { name: 'mode', label: 'Mode', kind: 'select', options: MODE_OPTIONS },
      { name: 'guarantorId', label: 'Guarantor leader', kind: 'user', role: 'leader' },
      { name: 'goal', label: 'Goal', kind: 'textarea' },
      { name: 'deadline', label: 'Deadline (empty: by the working-day rule)', kind: 'date' },
    ],
    request: problemAction('assign'),
  },
  {
    key: 'accept', // 接收
    label: 'Accept',
    statuses: LOOP.accept.from,
    primary: true,
    fields: [{ name: 'measures', label: 'Measures', kind: 'textarea' }],
    request: problemAction('accept'),
  },
  {
    key: 'reportProgress', // 报告进展
    label: 'Report progress',
    statuses: LOOP.reportProgress.from,
    fields: [
      { name: 'percent', label: 'Progress (%)', kind: 'percent' },
      { name: 'content', label: 'Progress report', kind: 'textarea', required: true },
    ],
    request: problemAction('reportProgress'),
  },
  {
    key: 'complete', // 办结
    label: 'Complete',
    statuses: LOOP.complete.from,
    primary: true,
    fields: [{ name: 'completionSummary', label: 'Completion summary', kind: 'textarea', required: true }],
    request: problemAction('complete'),
  },
  {
    key: 'revisit', // 回访
    label: 'Revisit',
    statuses: DONE_STATUSES,
    primary: true,
    fields: [
      { name: 'method', label: 'Method', kind: 'select', options: REVISIT_METHOD_OPTIONS, defaultValue: 'on_site' },
      { name: 'outcome', label: 'Outcome', kind: 'select', options: OUTCOME_OPTIONS, required: true },
      { name: 'satisfaction', label: 'Satisfaction', kind: 'select', options: SATISFACTION_OPTIONS },
      { name: 'comment', label: 'Comment', kind: 'textarea' },
    ],
    // the revisit the office planned for me (待我回访) is the one I record, not a second one beside it
    request: async (problemId, values, api) => {
      const filter = { problemId, state: 'pending', revisiterId: { $eq: '{{$user.id}}' } };
      const res = await api.request({
        url: 'mq_revisits:list',
        params: { filter: JSON.stringify(filter), fields: ['id'], pageSize: 1 },
        skipNotify: true,
      });
      const planned = res?.data?.data?.[0]?.id;
      return planned
        ? { url: `mq_revisits:update?filterByTk=${encodeURIComponent(String(planned))}`, data: values }
        : { url: 'mq_revisits:create', data: { ...values, problemId, state: 'done' } };
    },
  },
  {
    key: 'close', // 销号
    label: 'Close',
    statuses: LOOP.close.from,
    fields: [],
    confirm: 'Close this problem? It needs a revisit that found it resolved (or a satisfied evaluation).',
    request: problemAction('close'),
  },
  {
    key: 'publish', // 公开
    label: 'Publish',
    statuses: DONE_STATUSES,
    fields: [
      { name: 'publicTitle', label: 'Public title (no names)', kind: 'text', required: true },
      { name: 'publicSummary', label: 'Public summary', kind: 'textarea', required: true },
    ],
    request: problemAction('publish'),
  },
  {
    key: 'answerSupervision', // 回复督办: the supervised person answers plugin-supervision's 督办
    label: 'Answer supervision',
    statuses: OPEN_STATUSES,
    primary: true,
    // the server counts the problem's unanswered supervisions on every read (plugin-three-lists)
    shows: (record) => Number(record?.unansweredSupervisions) > 0,
    fields: [{ name: 'response', label: 'Response', kind: 'textarea', required: true }],
    // the oldest supervision addressed to me and not answered: plugin-supervision's respond action
    request: async (problemId, values, api) => {
      const filter = { problemId, respondedAt: { $empty: true } };
      const res = await api.request({
        url: 'mq_supervisions:list',
        params: { filter: JSON.stringify(filter), fields: ['id'], sort: ['issuedAt', 'id'], pageSize: 1 },
        skipNotify: true,
      });
      const waiting = res?.data?.data?.[0]?.id;
      if (!waiting) throw new Error('No supervision of this problem waits for your answer');
      return { url: `mq_supervisions:respond?filterByTk=${encodeURIComponent(String(waiting))}`, data: values };
    },
  },
];
