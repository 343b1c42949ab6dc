import { DONE_STATUSES } from '@minqing/plugin-three-lists';
import type { WorkbenchPage } from '..';
import { onePage, table, where } from '../blocks';
import { tt } from '../i18n';

/** 民生实事: the projects leaders claim (认领 1–2 each, 放弃), their milestones. */
export const projects: WorkbenchPage = onePage({
  key: 'livelihood-projects',
  title: tt('Livelihood projects'),
  icon: 'HeartOutlined',
  roles: ['mq_admin', 'mq_leader'],
  needs: ['mq_livelihood_projects', 'mq_project_milestones'],
  blocks: [
    table('mq_livelihood_projects', {
      key: 'projects',
      fields: ['title', 'action', 'unit', 'status', 'leaderSlots', 'claimedCount', 'progressPercent', 'deadline'],
      sort: [{ field: 'deadline', direction: 'asc' }],
      actions: ['filter', 'addNew', 'refresh', 'export'],
      recordActions: ['view', 'edit'],
    }),
    table('mq_project_milestones', {
      key: 'milestones',
      title: tt('Milestones'),
      fields: ['project', 'title', 'dueOn', 'doneAt'],
      sort: [{ field: 'dueOn', direction: 'asc' }],
      actions: ['filter', 'addNew', 'refresh'],
      recordActions: ['view', 'edit'],
      pageSize: 10,
    }),
  ],
  buttons: [{ block: 'projects', row: ['projectClaim', 'projectRelease', 'projectToCase'] }],
});

/** 宣传宣讲: talks given (a cadre sees and records their own). */
export const talks: WorkbenchPage = onePage({
  key: 'talks',
  title: tt('Publicity talks'),
  icon: 'SoundOutlined',
  roles: ['mq_admin', 'mq_leader', 'mq_cadre'],
  needs: ['mq_talks'],
  blocks: [
    table('mq_talks', {
      key: 'talks',
      fields: ['topic', 'speaker', 'heldAt', 'unit', 'place', 'audiences', 'attendance'],
      sort: [{ field: 'heldAt', direction: 'desc' }],
      actions: ['filter', 'addNew', 'refresh', 'export'],
      recordActions: ['view', 'edit'],
    }),
  ],
});

/**
 * 特殊困难学生关爱台账: the care role's page only (the menu shows it to nobody else, and the
 * server refuses the collection to every other role whatever a page asks).
 */
export const care: WorkbenchPage = onePage({
  key: 'care-ledger',
  title: tt('Care ledger'),
  icon: 'SafetyOutlined',
  roles: ['mq_care'],
  needs: ['mq_care_students'],
  blocks: [
    table('mq_care_students', {
      key: 'students',
      fields: ['studentName', 'unit', 'grade', 'kind', 'carer', 'lastVisitedAt'],
      sort: [{ field: 'lastVisitedAt', direction: 'asc' }],
      actions: ['filter', 'addNew', 'refresh'],
      recordActions: ['view', 'edit'],
    }),
  ],
});

/** 先进典型: drafts from a result (or a project), published by the office. */
export const cases: WorkbenchPage = {
  key: 'typical-cases',
  title: tt('Typical cases'),
  icon: 'StarOutlined',
  roles: ['mq_admin'],
  needs: ['mq_cases', 'mq_problems'],
  tabs: [
    {
      key: 'cases',
      title: tt('Typical cases'),
      blocks: [
        table('mq_cases', {
          key: 'cases',
          fields: ['title', 'unit', 'problem', 'isPublished', 'publishedAt'],
          sort: [{ field: 'createdAt', direction: 'desc' }],
          actions: ['filter', 'addNew', 'refresh'],
          recordActions: ['view', 'edit'],
        }),
      ],
    },
    {
      key: 'fromResults',
      title: tt('Draft from a result'),
      blocks: [
        table('mq_problems', {
          key: 'results',
          title: tt('Results that may become a typical case'),
          fields: ['code', 'title', 'unit', 'category', 'doneAt', 'publicTitle'],
          scope: where({ path: 'status', operator: '$in', value: DONE_STATUSES }),
          sort: [{ field: 'doneAt', direction: 'desc' }],
          actions: ['filter', 'refresh'],
          recordActions: ['view'],
        }),
      ],
    },
  ],
  buttons: [
    { block: 'cases', row: ['casePublish'] },
    { block: 'results', row: ['resultToCase'] },
  ],
};
