import type { Context } from '@nocobase/actions';
import type { Database, Model, Transaction } from '@nocobase/database';
import type Application from '@nocobase/server';
import { actionHandler, onGuardedRead, suppressSmall } from '@minqing/plugin-three-lists';
import { CARE_COLLECTIONS } from './collections';
import { refuse } from './errors';
import { NS } from '../domain/fields';
import { warmHeartsSettings } from './settings';

const CARE = 'mq_care_students';

/** What a model hook gets with a write made through the API: its transaction, and the request. */
interface HookOptions {
  transaction?: Transaction;
  context?: { state?: { currentUser?: { id?: number }; currentRole?: string }; ip?: string };
}
const READS = ['list', 'get', 'export'];

type Row = { get?: (key: string) => unknown; id?: unknown } | null;

/** The ids of the records an answer holds: a list's rows, or one record. */
function idsOf(body: unknown): number[] {
  const wrapped = body as { rows?: unknown; data?: unknown } | null | undefined;
  const data = wrapped?.rows ?? wrapped?.data ?? body;
  const rows = (Array.isArray(data) ? data : data ? [data] : []) as Row[];
  return rows
    .map((r) => (typeof r?.get === 'function' ? r.get('id') : r?.id))
    .filter((id) => id !== undefined && id !== null)
    .map(Number);
}

async function writeAudit(db: Database, values: Record<string, unknown>, transaction?: Transaction | null) {
  await db.getModel('mq_care_audit').create(values, { transaction, hooks: false });
}

/**
 * Every read of the care ledger through the API (list, get, export) and every change, by any
 * path, leaves a line in `mq_care_audit`: who, in which role, what, which records, when.
 */
export function auditCareLedger(app: Application) {
  const db = app.db;
  const audit = (ctx: Context, action: string, recordIds: string) =>
    writeAudit(db, {
      userId: ctx.state.currentUser?.id ?? null,
      roleName: ctx.state.currentRole ?? null,
      action,
      recordIds,
      ip: ctx.ip,
    });
  app.resourceManager.use(
    actionHandler(async (ctx: Context, next) => {
      const { resourceName, actionName } = ctx.action ?? {};
      // the ledger is read by list, get and export only: an aggregate query, a chart or a workflow
      // node's test run would read it past the audit, so they are refused (and the attempt audited)
      if (reachesCareSideways(resourceName, actionName, ctx.action?.params)) {
        await audit(ctx, `refused:${resourceName}:${actionName}`, '');
        return ctx.throw(403, ctx.t('The care ledger is read through its own list only', { ns: NS }));
      }
      if (resourceName !== CARE) return next();
      try {
        await next();
      } catch (error) {
        // a refused attempt is a line too: who tried, and that it was refused
        await audit(ctx, `refused:${actionName}`, '');
        throw error;
      }
      if (!READS.includes(actionName)) return;
      const ids = idsOf(ctx.body);
      await audit(ctx, actionName, actionName === 'export' ? 'export' : ids.join(','));
    }),
    // before the ACL, so that a refused attempt reaches it too
    { tag: 'mqCareAudit', after: 'setCurrentRole', before: 'acl' },
  );
  // records of the ledger brought along by another collection's appends (an association an
  // administrator adds later): each such answer is a read too
  onGuardedRead(app, CARE, (ctx, ids) => audit(ctx, `append:${ctx.action?.resourceName}`, ids.join(',')));
}

const mentionsCare = (value: unknown) => {
  const text = JSON.stringify(value ?? '').toLowerCase();
  return CARE_COLLECTIONS.some((name) => text.includes(name.toLowerCase()));
};

/** charts:queryData, <care>:query, a workflow node's test run naming the ledger in any case */
function reachesCareSideways(resourceName?: string, actionName?: string, params?: any) {
  if (!resourceName || !actionName) return false;
  if (resourceName.toLowerCase() === CARE && actionName === 'query') return true;
  if (resourceName === 'charts') return mentionsCare(params?.values ?? params);
  if (resourceName === 'flow_nodes' && actionName === 'test') return mentionsCare(params?.values ?? params);
  return false;
}

/** …and every change, whichever path it takes (form, import, association, bulk update). */
export function auditCareChanges(db: Database) {
  const change = (action: string) => async (model: Model, options: HookOptions) => {
    const user = options?.context?.state?.currentUser;
    await writeAudit(
      db,
      {
        userId: user?.id ?? null,
        roleName: options?.context?.state?.currentRole ?? null,
        action,
        recordIds: String(model.get('id')),
        fields: action === 'update' ? (model.changed() || []).filter((f: string) => f !== 'updatedAt').join(',') : null,
        ip: options?.context?.ip ?? null,
      },
      options?.transaction,
    );
  };
  db.on(`${CARE}.afterCreate`, change('create'));
  db.on(`${CARE}.afterUpdate`, change('update'));
  db.on(`${CARE}.afterDestroy`, change('destroy'));
  db.on(`${CARE}.beforeBulkUpdate`, (options: { individualHooks?: boolean }) => {
    options.individualHooks = true; // each changed record gets its line
  });
  db.on(`${CARE}.beforeBulkDestroy`, (options: { individualHooks?: boolean }) => {
    options.individualHooks = true;
  });
  // the log itself is append-only
  const appendOnly = () => {
    throw refuse('AUDIT_APPEND_ONLY', 'The audit log cannot be changed or deleted', {}, 403);
  };
  for (const event of ['beforeUpdate', 'beforeDestroy', 'beforeBulkUpdate', 'beforeBulkDestroy']) {
    db.on(`mq_care_audit.${event}`, appendOnly);
  }
}

/**
 * Workflows may not read the care ledger: a trigger or node naming it could put a student's
 * situation into a notification text. Checked on every save of a workflow or node.
 */
export function keepCareOutOfWorkflows(db: Database) {
  const check = (model: Model) => {
    // identifiers are case-insensitive in SQL (MQ_CARE_STUDENTS, "mq_care_students"…): compare so
    const config = JSON.stringify(model.get('config') ?? {}).toLowerCase();
    if (CARE_COLLECTIONS.some((name) => config.includes(name.toLowerCase()))) {
      throw refuse(
        'CARE_NOT_IN_WORKFLOWS',
        'The care ledger cannot be used in workflows: it must not reach notifications',
      );
    }
  };
  db.on('workflows.beforeSave', check);
  db.on('flow_nodes.beforeSave', check);
}

/** GET mqCare:stats — how many students by difficulty and by school; small groups suppressed */
export async function careStats(ctx: Context) {
  const db = ctx.db;
  const { careMinGroupSize } = await warmHeartsSettings.get(db);
  const model = db.getModel(CARE);
  const count = db.sequelize.fn('COUNT', db.sequelize.col('id'));
  type Counted = { kind?: string; unitId?: number; n: number | string };
  const byKind = (await model.findAll({
    attributes: ['kind', [count, 'n']],
    group: ['kind'],
    raw: true,
  })) as unknown as Counted[];
  const byUnit = (await model.findAll({
    attributes: ['unitId', [count, 'n']],
    group: ['unitId'],
    raw: true,
  })) as unknown as Counted[];
  const names = new Map(
    (
      await db.getRepository('mq_units').find({
        filter: { id: byUnit.map((r) => r.unitId).filter(Boolean) },
        fields: ['id', 'name'],
      })
    ).map((u: Model) => [Number(u.get('id')), u.get('name') as string]),
  );
  const total = byKind.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    minGroupSize: careMinGroupSize,
    total: suppressSmall(total, careMinGroupSize),
    byKind: byKind.map((r) => ({ kind: r.kind, students: suppressSmall(Number(r.n), careMinGroupSize) })),
    byUnit: byUnit.map((r) => ({
      unit: names.get(Number(r.unitId)) ?? null,
      students: suppressSmall(Number(r.n), careMinGroupSize),
    })),
  };
}
