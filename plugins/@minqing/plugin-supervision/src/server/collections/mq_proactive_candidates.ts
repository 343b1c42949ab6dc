import { defineCollection } from '@nocobase/database';
import { defineListCollection, fieldBuilders, t as tr } from '@minqing/plugin-three-lists';
import { CANDIDATE_KINDS, CANDIDATE_STATES } from '../domain/work-style/proactive';

const NS = '@minqing/plugin-supervision';
const f = fieldBuilders(NS);

const json = (name: string, title: string) => ({
  name,
  type: 'json',
  interface: 'json',
  uiSchema: { title: tr(title, NS), type: 'object', 'x-component': 'Input.JSON', 'x-read-pretty': true },
});

const STATE_LABELS: Record<string, [string, string]> = {
  open: ['To decide', 'orange'],
  confirmed: ['Confirmed', 'red'],
  dismissed: ['Dismissed', 'default'],
  adopted: ['Made a problem', 'green'],
};

/** The office's decision: who, when, and (for a dismissal) why — it stays. */
const decision = () => [
  f.user('decidedBy', 'Decided by'),
  f.datetime('decidedAt', 'Decided at'),
  f.textarea('decisionReason', 'Reason of the decision'),
];

const CANDIDATE_KIND_LABELS: Record<string, string> = {
  recurring_at_unit: 'Recurring at one unit',
  rising_category: 'Rising across units',
  unseen_by_visits: 'Complained of, never found by visits',
};

/** 未诉先办 candidates: problems found before anyone complained, proposed to the office with their evidence. */
export default defineCollection(
  defineListCollection(
    {
      name: 'mq_proactive_candidates',
      title: tr('Handle-before-complaint candidates', NS),
      titleField: 'why',
      fields: [
        f.select(
          'kind',
          'Finding',
          CANDIDATE_KINDS.map((value) => ({ value, label: CANDIDATE_KIND_LABELS[value] })),
        ),
        f.input('key', 'Key', { unique: true }),
        f.input('category', 'Category'),
        f.belongsTo('unit', 'Unit', 'mq_units', 'name', { onDelete: 'CASCADE' }),
        f.textarea('why', 'Why'),
        json('evidence', 'Evidence'),
        f.datetime('detectedAt', 'Detected at'),
        f.select(
          'state',
          'Decision',
          CANDIDATE_STATES.map((value) => ({ value, label: STATE_LABELS[value][0], color: STATE_LABELS[value][1] })),
          { defaultValue: 'open' },
        ),
        // the proactive problem made from it (source 未诉先办)
        f.belongsTo('problem', 'Problem made', 'mq_problems', 'title', { onDelete: 'SET NULL' }),
        ...decision(),
      ],
      indexes: [{ fields: ['state'] }],
    },
    NS,
  ),
);
