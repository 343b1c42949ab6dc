import { SUPERVISION_LEVEL_OPTIONS, SUPERVISION_REASON_OPTIONS } from '@minqing/plugin-three-lists/client';

export const NS = '@minqing/plugin-supervision';
export const t = (text: string) => `{{t(${JSON.stringify(text)}, { ns: "${NS}" })}}`;

export const item = (title: string, component: string, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  title: t(title),
  'x-decorator': 'FormItem',
  'x-component': component,
  ...extra,
});

export const number = (title: string, min: number, max: number, defaultValue: number, description?: string) =>
  item(title, 'InputNumber', {
    type: 'number',
    default: defaultValue,
    description: description ? t(description) : undefined,
    'x-component-props': { min, max, precision: 0 },
  });

/** options of the core's vocabulary, labelled in its namespace */
export const coreOptions = (options: { value: string | number; label: string }[]) =>
  options.map((o) => ({
    value: o.value,
    label: `{{t(${JSON.stringify(o.label)}, { ns: "@minqing/plugin-three-lists" })}}`,
  }));

export const LEVEL_ENUM = coreOptions(SUPERVISION_LEVEL_OPTIONS);
export const REASON_ENUM = coreOptions(SUPERVISION_REASON_OPTIONS);

/** What our triggers put in `{{$context}}` for the other nodes. */
export function contextVariables() {
  const leaf = (key: string, label: string) => ({ key, value: key, label: t(label) });
  return [
    leaf('condition', 'Condition'),
    leaf('level', 'Level'),
    leaf('daysOverdue', 'Days overdue'),
    leaf('problemId', 'Problem ID'),
    leaf('personId', 'Responsible person ID'),
    leaf('guarantorId', 'Guarantor leader ID'),
    leaf('deadline', 'Deadline'),
    {
      key: 'problem',
      value: 'problem',
      label: t('Problem'),
      children: [
        leaf('id', 'ID'),
        leaf('code', 'Code'),
        leaf('title', 'Title'),
        leaf('category', 'Category'),
        leaf('status', 'Status'),
        leaf('unitId', 'Unit ID'),
      ],
    },
    {
      key: 'responsibility',
      value: 'responsibility',
      label: t('Responsibility'),
      children: [
        leaf('id', 'ID'),
        leaf('mode', 'Handling mode'),
        leaf('deadline', 'Deadline'),
        leaf('personId', 'Responsible person ID'),
      ],
    },
  ];
}
