import { tt } from './i18n';

/**
 * The problem forms and views of our pages, for people rather than the schema (issue 19 item 3):
 * the page builder's generated popups show every field of `mq_problems` — status, each loop
 * timestamp, the publication fields — which only the loop's steps and publicity may set.
 */

/** What a handler needs on a problem: no loop timestamps, no publication fields. */
export const PROBLEM_FACTS = ['code', 'title', 'status', 'unit', 'category', 'description', 'source'];

/** 查看: the problem's facts and who answers for it by when. */
export const PROBLEM_VIEW = {
  type: 'view',
  popup: {
    title: tt('Problem'),
    tryTemplate: false,
    blocks: [
      { key: 'problemFacts', type: 'details', binding: 'currentRecord', fields: PROBLEM_FACTS },
      {
        key: 'problemResponsibilities',
        type: 'list',
        title: tt('Responsibility'),
        binding: 'associatedRecords',
        associationField: 'responsibilities',
        fields: ['person', 'unit', 'mode', 'deadline', 'acceptedAt'],
      },
    ],
  },
};

/** What a person may type about a problem; the loop's steps and publicity set every other field. */
export const PROBLEM_INPUTS = ['title', 'unit', 'category', 'source', 'description', 'difficulty', 'carriedOver'];

/** 登记问题: what a reporter fills in, the title and unit marked required; the loop sets the rest. */
export const PROBLEM_FORM = {
  key: 'problemForm',
  type: 'createForm',
  collection: 'mq_problems',
  fields: PROBLEM_INPUTS.map((field) =>
    ['title', 'unit'].includes(field) ? { field, settings: { required: true } } : field,
  ),
  actions: ['submit'],
};

/**
 * The fields the page builder's generated popups of a problem keep (services/generated-popup-fields):
 * a `problem` column's details show its facts and how many days it is overdue; an edit popup
 * offers only the inputs, as a status or a computed figure in a form would be sent back stale,
 * or typed and ignored.
 */
export const PROBLEM_POPUP_FIELDS = {
  edit: PROBLEM_INPUTS,
  details: [...PROBLEM_FACTS, 'overdueDays'],
};
