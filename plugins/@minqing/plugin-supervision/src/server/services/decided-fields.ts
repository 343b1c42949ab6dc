import { fieldBuilders, t as tr } from '@minqing/plugin-three-lists';

/**
 * The fields 作风监督 flags and 未诉先办 candidates share: their evidence and the office's decision
 * (who, when and — for a dismissal — why; it stays).
 */
const NS = '@minqing/plugin-supervision';
const f = fieldBuilders(NS);

const STATE_LABELS: Record<string, [string, string]> = {
  open: ['To decide', 'orange'],
  confirmed: ['Confirmed', 'red'],
  dismissed: ['Dismissed', 'default'],
  adopted: ['Made a problem', 'green'],
};

export const evidenceField = () => ({
  name: 'evidence',
  type: 'json',
  interface: 'json',
  uiSchema: { title: tr('Evidence', NS), type: 'object', 'x-component': 'Input.JSON', 'x-read-pretty': true },
});

export const stateField = (states: readonly string[]) =>
  f.select(
    'state',
    'Decision',
    states.map((value) => ({ value, label: STATE_LABELS[value][0], color: STATE_LABELS[value][1] })),
    { defaultValue: 'open' },
  );

export const decisionFields = () => [
  f.user('decidedBy', 'Decided by'),
  f.datetime('decidedAt', 'Decided at'),
  f.textarea('decisionReason', 'Reason of the decision'),
];
