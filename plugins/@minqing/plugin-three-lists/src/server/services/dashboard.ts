import type { Database, Model } from '@nocobase/database';
import { dashboardScope, everyCategory, RATE_LABELS, shownRates, type DashboardScope } from '../domain/dashboard';
import { LOOP } from '../domain/loop';
import { computeStats } from './stats';
import { tableOf } from './sql';
import { translateLabel } from './option-labels';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Row = Record<string, unknown>;

/**
 * The units a viewer works with: their liaison points (plugin-liaison) and the units of the
 * responsibilities they hold or guarantee.
 */
export async function unitsOf(db: Database, userId: number | undefined): Promise<number[]> {
  if (!userId) return [];
  const ids: number[] = [];
  if (db.hasCollection('mq_liaison_points')) {
    const points = await db
      .getRepository('mq_liaison_points')
      .find({ filter: { cadreId: userId, active: true }, fields: ['unitId'] });
    ids.push(...points.map((p: Model) => Number(p.get('unitId'))));
  }
  const held = await db.getRepository('mq_responsibilities').find({
    filter: { $or: [{ personId: userId }, { guarantorId: userId }] },
    fields: ['unitId'],
  });
  ids.push(...held.map((r: Model) => Number(r.get('unitId'))));
  return ids.filter((id) => Number.isFinite(id) && id > 0);
}

/** `field` of the problems in scope (of their revisits for satisfaction), counted per stored value. */
async function countBy(db: Database, scope: DashboardScope, field: 'status' | 'category' | 'source' | 'satisfaction') {
  const P = tableOf(db, 'mq_problems');
  const V = tableOf(db, 'mq_revisits');
  const where: string[] = [];
  if (scope.kind === 'units') where.push(scope.unitIds.length ? `p.${P.column('unitId')} IN (:unitIds)` : '1 = 0');
  let text: string;
  if (field === 'satisfaction') {
    const column = `v.${V.column('satisfaction')}`;
    where.push(`${column} IS NOT NULL`);
    text = `SELECT ${column} AS k, COUNT(*) AS n FROM ${V.table} v JOIN ${P.table} p ON p.${P.column('id')} = v.${V.column('problemId')}
      WHERE ${where.join(' AND ')} GROUP BY ${column}`;
  } else {
    const column = `p.${P.column(field)}`;
    text = `SELECT ${column} AS k, COUNT(*) AS n FROM ${P.table} p ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY ${column}`;
  }
  const rows = (await db.sequelize.query(text, {
    replacements: { unitIds: scope.kind === 'units' && scope.unitIds.length ? scope.unitIds : null },
    type: 'SELECT',
  })) as Row[];
  return new Map(rows.map((row) => [row.k === null || row.k === undefined ? '' : String(row.k), Number(row.n) || 0]));
}

/** The options of a select field as the collection manager has them now (an administrator may add categories). */
function optionsOf(db: Database, collection: string, field: string) {
  const options = (db.getCollection(collection)?.getField(field)?.options as any)?.uiSchema?.enum;
  return (Array.isArray(options) ? options : []) as { value: string | number; label: string }[];
}

/**
 * What 数据看板 shows a viewer, in their language: the scope, the headline counts, the five rates
 * with their samples (small samples marked, not shown), and every status, category, source and
 * satisfaction level with its count. All of it within the one scope.
 */
export async function dashboardFor(
  db: Database,
  viewer: { userId?: number; roles: (string | null | undefined)[] },
  t: Translate,
  now = new Date(),
) {
  const scope = dashboardScope(viewer.roles, await unitsOf(db, viewer.userId));
  const stats = await computeStats(db, scope.kind === 'units' ? { unitIds: scope.unitIds } : {}, now);
  const [status, category, source, satisfaction] = await Promise.all(
    (['status', 'category', 'source', 'satisfaction'] as const).map((field) => countBy(db, scope, field)),
  );
  const total = [...status.values()].reduce((a, b) => a + b, 0);
  const units =
    scope.kind === 'units' && scope.unitIds.length
      ? (
          await db
            .getRepository('mq_units')
            .find({ filter: { id: scope.unitIds }, fields: ['id', 'name'], sort: ['id'] })
        ).map((u: Model) => ({ id: Number(u.get('id')), name: String(u.get('name')) }))
      : [];
  const label = (source: string) => String(translateLabel(source, t));
  const list = (collection: string, field: string, counts: Map<string, number>) =>
    everyCategory(optionsOf(db, collection, field), counts, label).map((c) => ({
      ...c,
      label: c.label === 'Not set' ? t('Not set') : c.label,
    }));
  return {
    scope: {
      kind: scope.kind,
      label:
        scope.kind === 'bureau'
          ? t('Scope: the whole bureau')
          : units.length
            ? t('Scope: my units ({{count}}): {{names}}', {
                count: units.length,
                names: units.map((u: { name: string }) => u.name).join('、'),
              })
            : t('Scope: my units (none yet: no liaison point or responsibility)'),
      units,
    },
    minSample: stats.minSample,
    today: stats.query.today,
    counts: [
      { key: 'problems', label: t('Problem count'), value: total },
      { key: 'closed', label: t('Closed'), value: status.get(LOOP.close.to as string) ?? 0 },
      { key: 'overdue', label: t('Overdue, not done'), value: stats.overall.figures.overdueCount },
    ],
    rates: shownRates(stats.overall.figures, stats.minSample).map((rate) => ({
      ...rate,
      label: t(RATE_LABELS[rate.key]),
      note: rate.smallSample
        ? t('Small sample: {{sample}} (fewer than {{min}})', { sample: rate.sample, min: stats.minSample })
        : t('Sample: {{sample}}', { sample: rate.sample }),
    })),
    distributions: [
      { key: 'status', label: t('Problems by status'), items: list('mq_problems', 'status', status) },
      { key: 'category', label: t('Problems by category'), items: list('mq_problems', 'category', category) },
      { key: 'source', label: t('Problems by source'), items: list('mq_problems', 'source', source) },
      {
        key: 'satisfaction',
        label: t('Revisits by satisfaction'),
        items: list('mq_revisits', 'satisfaction', satisfaction),
      },
    ],
  };
}
