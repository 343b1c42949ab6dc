import type { Database, Model, Transaction } from '@nocobase/database';
import { Refusal } from '../domain/refusal';
import { checkValue, type FieldSpec } from '../domain/values';
import { forgetOnDestroy, recordExists } from './exists';
import { labelOf } from './records';

type Values = Record<string, unknown>;
type CollectionDefinition = { name: string; fields?: object[] };

const SYSTEM = ['id', 'createdAt', 'updatedAt', 'createdById', 'updatedById'];

/**
 * Holds every write of our own fields (not those an administrator adds: they keep the collection
 * manager's rules) to domain/values.ts, and a foreign key to a record that exists. Read from the
 * live collection, so an option list an administrator edited is the one that counts.
 */
export function validateValues(db: Database, collections: CollectionDefinition[], ns?: string) {
  forgetOnDestroy(db);
  for (const definition of collections) {
    const own = (definition.fields ?? []) as { name: string; type?: string; target?: string; foreignKey?: string }[];
    const names = own.map((f) => f.name).filter((name) => !SYSTEM.includes(name));
    const keys = Object.fromEntries(
      own.filter((f) => f.type === 'belongsTo' && f.foreignKey && f.target).map((f) => [f.foreignKey!, f.target!]),
    );
    const specOf = (name: string): FieldSpec | null => {
      const field = db.getCollection(definition.name)?.getField(name);
      if (!field) return null;
      const options = field.options as Values & { uiSchema?: { enum?: { value: string | number }[] } };
      return {
        name,
        label: labelOf(db, definition.name, name),
        type: String(field.type),
        interface: options.interface as string | undefined,
        allowNull: options.allowNull as boolean | undefined,
        options: Array.isArray(options.uiSchema?.enum) ? options.uiSchema!.enum!.map((o) => o.value) : undefined,
        length: typeof options.length === 'number' ? options.length : undefined,
      };
    };
    const check = async (values: Values, fields: string[], transaction?: Transaction | null) => {
      for (const name of fields) {
        const spec = [...names, ...Object.keys(keys)].includes(name) ? specOf(name) : null;
        if (!spec) continue;
        const breach = checkValue(spec, values[name]);
        if (breach) throw new Refusal(breach.code, breach.key, breach.params, 400, ns);
        const target = keys[name];
        const id = values[name];
        if (target && id !== null && id !== undefined && id !== '') {
          if (!(await recordExists(db, target, id, transaction))) throw new Refusal('NOT_FOUND', '{{field}} {{id}} does not exist', { field: spec.label, id }, 400, ns);
        }
      }
    };
    db.on(`${definition.name}.beforeSave`, async (model: Model, options: { transaction?: Transaction }) => {
      const fields = model.isNewRecord
        ? Object.keys(model.get() as Values).filter((f) => model.get(f) !== undefined)
        : ((model.changed() || []) as string[]);
      await check(model.get() as Values, fields, options?.transaction);
    });
    db.on(`${definition.name}.beforeBulkUpdate`, async (options: { attributes?: Values; transaction?: Transaction }) => {
      const attributes = options?.attributes ?? {};
      await check(attributes, Object.keys(attributes), options?.transaction);
    });
  }
}
