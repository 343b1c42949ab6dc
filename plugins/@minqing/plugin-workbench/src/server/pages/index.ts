import { DONE_STATUSES, OPEN_STATUSES } from '@minqing/plugin-three-lists';
import type { CollectionActionKey, RecordActionKey } from '../domain/record-actions';
import type { ProblemStep } from '../domain/steps';
import { CURRENT_USER, onePage, table, where } from './blocks';
import { dashboard } from './dashboard';
import { CAMPAIGN_PAGES } from './campaign';
import { tt } from './i18n';
import { PROBLEM_FORM, PROBLEM_VIEW } from './problem-popups';

const ALL = ['mq_admin', 'mq_leader', 'mq_cadre'];
const OFFICE_AND_LEADERS = ['mq_admin', 'mq_leader'];

export interface WorkbenchPage {
  /** stable name: a page is created once per key, whatever an administrator does to it later */
  key: string;
  title: string;
  icon: string;
  roles: string[];
  /** collections the page shows: skipped while the plugin defining one is not enabled */
  needs: string[];
  tabs: { key: string; title: string; blocks: any[]; layout?: any }[];
  /** scripts and charts the blocks name */
  assets?: { scripts?: Record<string, any>; charts?: Record<string, any> };
  /** the phone app's pages (pages/mobile): plugin-ui-layout's mobile layout, no menu group */
  layout?: 'mobile';
  /** our step buttons (交办, 接收…) on the rows of these table (or list) blocks */
  steps?: { block: string; steps: ProblemStep[] }[];
  /** our other buttons (作风监督 认定, 认领…): on the rows of a table block, or above it */
  buttons?: { block: string; row?: RecordActionKey[]; top?: CollectionActionKey[] }[];
  /** our field models (the 逾期 tag on list cards, the liaison unit picker of a form), by model name */
  fieldModels?: { block: string; field: string; use: string; hideLabel?: boolean }[];
}

/** 记录走访: only the unit is required; the problems found are typed in the same form. */
const VISIT_FORM = {
  key: 'visitForm',
  type: 'createForm',
  collection: 'mq_visits',
  fields: [
    'unit',
    'visitedAt',
    'kinds',
    'contacted',
    'peopleCount',
    'summary',
    'voices',
    'photos',
    { field: 'problems', fieldType: 'subTable', fields: ['title', 'category', 'description', 'difficulty'] },
  ],
  actions: ['submit'],
};

/** 下基层察民情: the campaign's pages, in menu order. */
export const WORKBENCH_PAGES: WorkbenchPage[] = [
  onePage({
    key: 'my-liaison-points',
    title: tt('My liaison points'),
    icon: 'EnvironmentOutlined',
    roles: ALL,
    needs: ['mq_liaison_points', 'mq_visits'],
    blocks: [
      table('mq_liaison_points', {
        key: 'points',
        title: tt('My liaison points'),
        fields: ['unit', 'since', 'active', 'note'],
        scope: where({ path: 'cadre.id', operator: '$eq', value: CURRENT_USER }),
        actions: ['refresh'],
        recordActions: ['view'],
      }),
      table('mq_visits', {
        key: 'myVisits',
        title: tt('My visits'),
        fields: ['visitedAt', 'unit', 'kinds', 'peopleCount', 'summary'],
        scope: where({ path: 'cadre.id', operator: '$eq', value: CURRENT_USER }),
        sort: [{ field: 'visitedAt', direction: 'desc' }],
        pageSize: 10,
      }),
    ],
  }),
  onePage({
    key: 'visits',
    title: tt('Visits'),
    icon: 'CarOutlined',
    roles: ALL,
    needs: ['mq_visits'],
    blocks: [
      table('mq_visits', {
        key: 'visits',
        fields: ['visitedAt', 'cadre', 'unit', 'kinds', 'contacted', 'peopleCount', 'summary'],
        sort: [{ field: 'visitedAt', direction: 'desc' }],
        // one form on the phone: the visit and the problems it found (liaison files them in one step)
        actions: [
          'filter',
          {
            key: 'recordVisit',
            type: 'addNew',
            title: tt('Record a visit'),
            popup: { title: tt('Record a visit'), tryTemplate: false, blocks: [VISIT_FORM] },
          },
          'refresh',
          'export',
        ],
      }),
    ],
  }),
  onePage({
    key: 'research',
    title: tt('Research'),
    icon: 'ReadOutlined',
    roles: OFFICE_AND_LEADERS,
    needs: ['mq_research'],
    blocks: [
      table('mq_research', {
        key: 'research',
        fields: ['title', 'leader', 'method', 'startsOn', 'endsOn'],
        sort: [{ field: 'startsOn', direction: 'desc' }],
      }),
    ],
  }),
  onePage({
    key: 'problems',
    title: tt('Problem list'),
    icon: 'ExclamationCircleOutlined',
    roles: ALL,
    needs: ['mq_problems'],
    blocks: [
      table('mq_problems', {
        key: 'problems',
        fields: ['code', 'title', 'status', 'category', 'unit', 'source', 'createdAt'],
        sort: [{ field: 'createdAt', direction: 'desc' }],
        actions: [
          'filter',
          {
            key: 'reportProblem',
            type: 'addNew',
            title: tt('Report a problem'),
            popup: { title: tt('Report a problem'), tryTemplate: false, blocks: [PROBLEM_FORM] },
          },
          'refresh',
          'export',
        ],
        recordActions: [PROBLEM_VIEW],
      }),
    ],
    steps: [{ block: 'problems', steps: ['assign', 'accept', 'reportProgress', 'complete', 'revisit', 'close'] }],
  }),
  onePage({
    key: 'responsibilities',
    title: tt('Responsibility list'),
    icon: 'SolutionOutlined',
    roles: ALL,
    needs: ['mq_responsibilities'],
    blocks: [
      table('mq_responsibilities', {
        key: 'responsibilities',
        fields: ['problem', 'unit', 'person', 'mode', 'guarantor', 'deadline', 'acceptedAt', 'active'],
        sort: [{ field: 'deadline', direction: 'asc' }],
        actions: ['filter', 'refresh', 'export'],
        recordActions: ['view'],
      }),
    ],
  }),
  onePage({
    key: 'tasks',
    title: tt('Task list'),
    icon: 'CheckSquareOutlined',
    roles: ALL,
    needs: ['mq_tasks'],
    blocks: [
      table('mq_tasks', {
        key: 'tasks',
        fields: ['problem', 'measures', 'progress', 'lastReportedAt', 'completionSummary'],
        sort: [{ field: 'lastReportedAt', direction: 'desc' }],
        actions: ['filter', 'refresh', 'export'],
        recordActions: ['view'],
      }),
    ],
  }),
  onePage({
    key: 'my-todos',
    title: tt('My to-dos'),
    icon: 'ScheduleOutlined',
    roles: ALL,
    needs: ['mq_responsibilities', 'mq_revisits', 'mq_supervisions'],
    blocks: [
      // what I am responsible for and is still open, the nearest deadline first
      table('mq_responsibilities', {
        key: 'myResponsibilities',
        title: tt('For me to handle (nearest deadline first)'),
        fields: ['problem', 'unit', 'acceptBy', 'deadline', 'acceptedAt'],
        scope: where(
          { path: 'person.id', operator: '$eq', value: CURRENT_USER },
          { path: 'active', operator: '$isTruly' },
          { path: 'problem.status', operator: '$in', value: OPEN_STATUSES },
        ),
        sort: [{ field: 'deadline', direction: 'asc' }],
        actions: ['refresh'],
        recordActions: ['view'],
        pageSize: 10,
      }),
      // a leader's and the office's: the flow engine leaves out a block whose collection the role
      // may not view (a cadre reads no revisits), and asks nothing for it (languages.test)
      table('mq_revisits', {
        key: 'myRevisits',
        title: tt('For me to revisit (soonest first)'),
        fields: ['problem', 'dueOn', 'method'],
        scope: where(
          { path: 'revisiter.id', operator: '$eq', value: CURRENT_USER },
          { path: 'state', operator: '$eq', value: 'pending' },
        ),
        sort: [{ field: 'dueOn', direction: 'asc' }],
        actions: ['refresh'],
        recordActions: ['edit'],
        pageSize: 10,
      }),
      table('mq_supervisions', {
        key: 'mySupervisions',
        title: tt('Supervision for me to answer (soonest first)'),
        fields: ['problem', 'level', 'reason', 'issuedAt', 'responseDueOn'],
        scope: where(
          { path: 'responsibility.person.id', operator: '$eq', value: CURRENT_USER },
          { path: 'respondedAt', operator: '$empty' },
        ),
        sort: [{ field: 'responseDueOn', direction: 'asc' }],
        actions: ['refresh'],
        recordActions: ['edit'],
        pageSize: 10,
      }),
    ],
  }),
  onePage({
    key: 'supervision',
    title: tt('Supervision'),
    icon: 'AlertOutlined',
    roles: OFFICE_AND_LEADERS,
    needs: ['mq_supervisions'],
    blocks: [
      table('mq_supervisions', {
        key: 'supervisions',
        fields: ['problem', 'level', 'reason', 'issuedAt', 'responseDueOn', 'respondedAt'],
        sort: [{ field: 'issuedAt', direction: 'desc' }],
        actions: ['filter', 'refresh', 'export'],
      }),
    ],
  }),
  onePage({
    key: 'revisits',
    title: tt('Revisits'),
    icon: 'PhoneOutlined',
    // a cadre reads no revisits (the three-lists roles): the page would be empty for them
    roles: OFFICE_AND_LEADERS,
    needs: ['mq_revisits'],
    blocks: [
      table('mq_revisits', {
        key: 'revisits',
        fields: ['problem', 'revisiter', 'state', 'dueOn', 'revisitedAt', 'method', 'outcome', 'satisfaction'],
        sort: [{ field: 'createdAt', direction: 'desc' }],
        actions: ['filter', 'refresh', 'export'],
      }),
    ],
  }),
  onePage({
    key: 'results',
    title: tt('Results list'),
    icon: 'TrophyOutlined',
    roles: ALL,
    needs: ['mq_problems'],
    blocks: [
      table('mq_problems', {
        key: 'results',
        fields: ['code', 'title', 'unit', 'category', 'status', 'doneAt', 'closedAt', 'isPublic', 'publicTitle'],
        scope: where({ path: 'status', operator: '$in', value: DONE_STATUSES }),
        sort: [{ field: 'doneAt', direction: 'desc' }],
        actions: ['filter', 'refresh', 'export'],
        recordActions: ['view'],
      }),
    ],
    steps: [{ block: 'results', steps: ['revisit', 'close', 'publish'] }],
  }),
  dashboard,
  // the rest of the campaign (issue 19.4, 20): kept last so the earlier pages' menu order stays
  ...CAMPAIGN_PAGES,
];
