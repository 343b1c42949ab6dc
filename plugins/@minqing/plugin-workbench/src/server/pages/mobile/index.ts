import { OPEN_STATUSES } from '@minqing/plugin-three-lists';
import { LIAISON_UNIT_FIELD_MODEL, OVERDUE_FIELD_MODEL } from '../../domain/field-models';
import { CURRENT_USER, where } from '../blocks';
import { tt } from '../i18n';
import { PROBLEM_VIEW } from '../problem-popups';
import type { WorkbenchPage } from '../index';

/**
 * The phone app for cadres and leaders, on plugin-ui-layout's mobile layout (`/v/mobile`, see the
 * README for why not plugin-mobile's `/m`): each page a tab of its bottom bar, each list a column
 * of cards (title, status, unit, one main step), never a table that scrolls sideways. Made at
 * install from the stored definition like the desktop pages.
 */
const PHONE = ['mq_admin', 'mq_leader', 'mq_cadre'];
const LEADERS = ['mq_admin', 'mq_leader'];

/** A column of problem cards: title, status, a red 逾期 N 天 when overdue, unit, then 查看 and the steps the page names. */
function problemCards(
  key: string,
  title: string,
  scope: ReturnType<typeof where>,
  sortField = 'createdAt',
  direction: 'asc' | 'desc' = 'desc',
) {
  return {
    key,
    type: 'list',
    collection: 'mq_problems',
    title,
    fields: ['title', 'status', 'overdueDays', 'unit', 'code'],
    // the builder adds filter and "+" too: page-builder's fitListsToPhone takes them off
    actions: ['refresh'],
    recordActions: [PROBLEM_VIEW],
    settings: { pageSize: 10, dataScope: scope, sorting: [{ field: sortField, direction }] },
  };
}

/** the 逾期 tag on the cards of these blocks */
const overdueTags = (...blocks: string[]) =>
  blocks.map((block) => ({ block, field: 'overdueDays', use: OVERDUE_FIELD_MODEL, hideLabel: true }));

const mobilePage = (page: Omit<WorkbenchPage, 'tabs' | 'layout'> & { blocks: any[] }): WorkbenchPage => {
  const { blocks, ...rest } = page;
  return { ...rest, layout: 'mobile', tabs: [{ key: 'main', title: page.title, blocks }] };
};

export const MOBILE_PAGES: WorkbenchPage[] = [
  mobilePage({
    key: 'm-todos',
    title: tt('My to-dos'),
    icon: 'ScheduleOutlined',
    roles: PHONE,
    needs: ['mq_problems', 'mq_responsibilities'],
    blocks: [
      // assigned to me and still open: 接收, 报告进展, 办结 right on the card; the longest assigned
      // first (the deadline is the responsibility's, and a card list sorts by the problem's own
      // columns), the 逾期 tag on those past it
      problemCards(
        'mTodoHandle',
        tt('For me to handle (earliest assigned first)'),
        where(
          { path: 'responsibilities.person.id', operator: '$eq', value: CURRENT_USER },
          { path: 'responsibilities.active', operator: '$isTruly' },
          { path: 'status', operator: '$in', value: OPEN_STATUSES },
        ),
        'assignedAt',
        'asc',
      ),
    ],
    // 回复督办 only while a supervision of the problem waits for an answer
    steps: [{ block: 'mTodoHandle', steps: ['accept', 'reportProgress', 'complete', 'answerSupervision'] }],
    fieldModels: overdueTags('mTodoHandle'),
  }),
  mobilePage({
    key: 'm-visit',
    title: tt('Record a visit'),
    icon: 'CarOutlined',
    roles: PHONE,
    needs: ['mq_visits'],
    blocks: [
      {
        key: 'mVisitForm',
        type: 'createForm',
        collection: 'mq_visits',
        fields: [
          // the one required input, my liaison units first in the picker (my only one chosen);
          // the server stamps visitedAt now when left empty
          { field: 'unit', settings: { required: true } },
          'visitedAt',
          'kinds',
          'contacted',
          'summary',
          // one card per problem found, stacked: no sub-table scrolling sideways on a phone
          {
            field: 'problems',
            fieldType: 'subFormList',
            fields: ['title', 'category', 'description'],
          },
        ],
        actions: ['submit'],
      },
    ],
    fieldModels: [{ block: 'mVisitForm', field: 'unit', use: LIAISON_UNIT_FIELD_MODEL }],
  }),
  mobilePage({
    key: 'm-reported',
    title: tt('Problems I reported'),
    icon: 'ExclamationCircleOutlined',
    roles: PHONE,
    needs: ['mq_problems'],
    blocks: [
      problemCards(
        'mReported',
        tt('Problems I reported'),
        where({ path: 'createdBy.id', operator: '$eq', value: CURRENT_USER }),
      ),
    ],
    fieldModels: overdueTags('mReported'),
  }),
  mobilePage({
    key: 'm-revisits',
    title: tt('Revisits'),
    icon: 'PhoneOutlined',
    roles: LEADERS,
    needs: ['mq_problems', 'mq_revisits'],
    blocks: [
      // 待我回访: a revisit the office planned for me, 回访 on the card (leaders only: a cadre may
      // not look into revisits, so the filter through them would be refused on their 我的待办)
      problemCards(
        'mTodoRevisit',
        tt('For me to revisit (soonest first)'),
        where(
          { path: 'revisits.revisiter.id', operator: '$eq', value: CURRENT_USER },
          { path: 'revisits.state', operator: '$eq', value: 'pending' },
        ),
      ),
      problemCards(
        'mRevisits',
        tt('Done problems of my units to revisit'),
        where({ path: 'status', operator: '$in', value: ['done'] }),
        'doneAt',
      ),
    ],
    steps: [
      { block: 'mTodoRevisit', steps: ['revisit'] },
      { block: 'mRevisits', steps: ['revisit'] },
    ],
    fieldModels: overdueTags('mTodoRevisit', 'mRevisits'),
  }),
];
