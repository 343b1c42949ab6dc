/**
 * Builders for collection-manager field definitions: every field gets an interface and a uiSchema
 * whose title (and option labels) go through i18n, so the collection manager and generated views
 * show zh-CN or en-US. Field shapes follow what NocoBase's own field interfaces produce.
 */
export const NS = '@minqing/plugin-three-lists';

/** A schema string translated at render time in our namespace, e.g. `{{t("Title", { ns })}}`. */
export function t(text: string, ns: string = NS) {
  return `{{t(${JSON.stringify(text)}, { ns: ${JSON.stringify(ns)} })}}`;
}

export interface Option {
  value: string | number;
  /** English source text; translated through the locale files */
  label: string;
  color?: string;
}

type Extra = Record<string, unknown>;

function ui(title: string, schema: Extra, ns: string) {
  return { title: t(title, ns), ...schema };
}

export function fieldBuilders(ns = NS) {
  const opts = (options: Option[]) => options.map((o) => ({ ...o, label: t(o.label, ns) }));
  /** a list of associated records, shown by `label` (hasMany and belongsToMany alike) */
  const toMany = (title: string, label: string) =>
    ui(
      title,
      {
        type: 'array',
        'x-component': 'AssociationField',
        'x-component-props': { multiple: true, fieldNames: { value: 'id', label } },
      },
      ns,
    );
  const belongsTo = (name: string, title: string, target: string, label: string, extra: Extra = {}) => ({
    name,
    type: 'belongsTo',
    interface: 'm2o',
    target,
    targetKey: 'id',
    foreignKey: `${name}Id`,
    onDelete: 'SET NULL',
    ...extra,
    uiSchema: ui(
      title,
      {
        type: 'object',
        'x-component': 'AssociationField',
        'x-component-props': { multiple: false, fieldNames: { value: 'id', label } },
      },
      ns,
    ),
  });
  return {
    input: (name: string, title: string, extra: Extra = {}) => ({
      name,
      type: 'string',
      interface: 'input',
      ...extra,
      uiSchema: ui(title, { type: 'string', 'x-component': 'Input' }, ns),
    }),
    textarea: (name: string, title: string, extra: Extra = {}) => ({
      name,
      type: 'text',
      interface: 'textarea',
      ...extra,
      uiSchema: ui(title, { type: 'string', 'x-component': 'Input.TextArea' }, ns),
    }),
    select: (name: string, title: string, options: Option[], extra: Extra = {}) => ({
      name,
      type: typeof options[0]?.value === 'number' ? 'integer' : 'string',
      interface: 'select',
      ...extra,
      uiSchema: ui(
        title,
        {
          type: typeof options[0]?.value === 'number' ? 'number' : 'string',
          'x-component': 'Select',
          enum: opts(options),
        },
        ns,
      ),
    }),
    multipleSelect: (name: string, title: string, options: Option[], extra: Extra = {}) => ({
      name,
      type: 'array',
      interface: 'multipleSelect',
      defaultValue: [],
      ...extra,
      uiSchema: ui(
        title,
        { type: 'array', 'x-component': 'Select', 'x-component-props': { mode: 'multiple' }, enum: opts(options) },
        ns,
      ),
    }),
    checkbox: (name: string, title: string, extra: Extra = {}) => ({
      name,
      type: 'boolean',
      interface: 'checkbox',
      ...extra,
      uiSchema: ui(title, { type: 'boolean', 'x-component': 'Checkbox' }, ns),
    }),
    datetime: (name: string, title: string, extra: Extra = {}) => ({
      name,
      type: 'date',
      interface: 'datetime',
      ...extra,
      uiSchema: ui(
        title,
        { type: 'string', 'x-component': 'DatePicker', 'x-component-props': { showTime: true, utc: true } },
        ns,
      ),
    }),
    /** a calendar day without time zone (deadlines, milestones) */
    dateOnly: (name: string, title: string, extra: Extra = {}) => ({
      name,
      type: 'dateOnly',
      interface: 'dateOnly',
      ...extra,
      uiSchema: ui(
        title,
        { type: 'string', 'x-component': 'DatePicker', 'x-component-props': { dateOnly: true, showTime: false } },
        ns,
      ),
    }),
    integer: (name: string, title: string, extra: Extra = {}) => ({
      name,
      type: 'integer',
      interface: 'integer',
      ...extra,
      uiSchema: ui(
        title,
        {
          type: 'number',
          'x-component': 'InputNumber',
          'x-component-props': { stringMode: true, step: '1' },
          'x-validator': 'integer',
        },
        ns,
      ),
    }),
    belongsTo,
    user: (name: string, title: string, extra: Extra = {}) => belongsTo(name, title, 'users', 'nickname', extra),
    hasMany: (name: string, title: string, target: string, foreignKey: string, label: string, extra: Extra = {}) => ({
      name,
      type: 'hasMany',
      interface: 'o2m',
      target,
      sourceKey: 'id',
      foreignKey,
      onDelete: 'CASCADE',
      ...extra,
      uiSchema: toMany(title, label),
    }),
    /** many-to-many through a table of its own (e.g. a visit's problems, a project's problems) */
    belongsToMany: (
      name: string,
      title: string,
      target: string,
      through: string,
      foreignKey: string,
      otherKey: string,
      label: string,
      extra: Extra = {},
    ) => ({
      name,
      type: 'belongsToMany',
      interface: 'm2m',
      target,
      through,
      foreignKey,
      otherKey,
      sourceKey: 'id',
      targetKey: 'id',
      onDelete: 'CASCADE',
      ...extra,
      uiSchema: toMany(title, label),
    }),
    /** files through NocoBase's file manager */
    attachments: (name: string, title: string, through: string) => ({
      name,
      type: 'belongsToMany',
      interface: 'attachment',
      target: 'attachments',
      through,
      foreignKey: 'ownerId',
      otherKey: 'attachmentId',
      targetKey: 'id',
      sourceKey: 'id',
      uiSchema: ui(
        title,
        { type: 'array', 'x-component': 'Upload.Attachment', 'x-use-component-props': 'useAttachmentFieldProps' },
        ns,
      ),
    }),
    /** id, createdAt, updatedAt; createdBy/updatedBy come from the `createdBy`/`updatedBy` collection options (plugin-users) */
    system: () => [
      {
        name: 'id',
        type: 'bigInt',
        autoIncrement: true,
        primaryKey: true,
        allowNull: false,
        interface: 'integer',
        uiSchema: ui('ID', { type: 'number', 'x-component': 'InputNumber', 'x-read-pretty': true }, ns),
      },
      {
        name: 'createdAt',
        type: 'date',
        field: 'createdAt',
        interface: 'createdAt',
        uiSchema: ui(
          'Created at',
          {
            type: 'datetime',
            'x-component': 'DatePicker',
            'x-component-props': { showTime: true },
            'x-read-pretty': true,
          },
          ns,
        ),
      },
      {
        name: 'updatedAt',
        type: 'date',
        field: 'updatedAt',
        interface: 'updatedAt',
        uiSchema: ui(
          'Last updated at',
          {
            type: 'datetime',
            'x-component': 'DatePicker',
            'x-component-props': { showTime: true },
            'x-read-pretty': true,
          },
          ns,
        ),
      },
    ],
  };
}

export const f = fieldBuilders();

/**
 * A collection of ours: id and timestamps, createdBy/updatedBy, and for every many-to-one an
 * explicit, indexed foreign-key field (an index on an association's implicit key is dropped).
 */
export function defineListCollection<T extends { name: string; fields: any[] }>(options: T, ns = NS) {
  const fields = [...fieldBuilders(ns).system(), ...options.fields];
  const keys = fields
    .filter((field) => field.type === 'belongsTo' && !fields.some((other) => other.name === field.foreignKey))
    .map((field) => ({
      name: field.foreignKey,
      type: 'bigInt',
      interface: 'integer',
      isForeignKey: true,
      index: true,
      uiSchema: {
        type: 'number',
        title: t(`${field.foreignKey}`, ns),
        'x-component': 'InputNumber',
        'x-read-pretty': true,
      },
    }));
  return { createdBy: true, updatedBy: true, ...options, fields: [...fields, ...keys] };
}
