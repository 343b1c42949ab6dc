import type { Database, Model } from '@nocobase/database';
import { settingsStore, USER_REGION, USER_UNIT_KEY } from '@minqing/plugin-three-lists';
import { col, fn } from 'sequelize';
import { liaisonCoverage } from '../domain/coverage';
import { LIAISON_SETTINGS } from '../domain/settings';

export const liaisonSettings = settingsStore('liaison', LIAISON_SETTINGS);

/** 联系点覆盖率 and the lists behind it: leaders by number of active liaison points, units nobody liaises. */
export async function coverage(db: Database) {
  const settings = await liaisonSettings.get(db);
  const homes = Boolean(db.getCollection('users').model.rawAttributes[USER_UNIT_KEY]);
  const leaders = await db.getRepository('users').find({
    filter: { 'roles.name': 'mq_leader' },
    fields: ['id', 'nickname', 'username', ...(homes ? [USER_UNIT_KEY, USER_REGION] : [])],
    sort: ['id'],
  });
  const points = db.getModel('mq_liaison_points');
  const countBy = async (key: 'cadreId' | 'unitId') =>
    new Map(
      (
        (await points.findAll({
          attributes: [key, [fn('COUNT', col('id')), 'count']],
          where: { active: true },
          group: [key],
          raw: true,
        })) as unknown as Record<string, unknown>[]
      ).map((row) => [Number(row[key]), Number(row.count)]),
    );
  const byLeader = await countBy('cadreId');
  const byUnit = await countBy('unitId');
  const rows = leaders.map((l: Model) => ({
    id: l.get('id') as number,
    nickname: (l.get('nickname') || l.get('username')) as string,
    count: byLeader.get(Number(l.get('id'))) ?? 0,
  }));
  // by the unit or region each leader belongs to (a unit's leader is in the unit's region)
  const homeUnitIds = [...new Set(leaders.map((l: Model) => Number(l.get(USER_UNIT_KEY))).filter((id: number) => id > 0))];
  const homeUnits = new Map<number, { name: string; region: string }>(
    homeUnitIds.length
      ? (await db.getRepository('mq_units').find({ filter: { id: homeUnitIds }, fields: ['id', 'name', 'region'] })).map(
          (u: Model) =>
            [Number(u.get('id')), { name: String(u.get('name')), region: (u.get('region') as string) || '' }] as const,
        )
      : [],
  );
  const home = (l: Model) => {
    const unitId = Number(l.get(USER_UNIT_KEY)) || null;
    const region = (l.get(USER_REGION) as string) || (unitId ? homeUnits.get(unitId)?.region : '') || '';
    return { unitId, region };
  };
  const groupBy = (key: (l: Model) => string, label: (k: string) => string) => {
    const groups = new Map<string, typeof rows>();
    leaders.forEach((l: Model, i: number) => groups.set(key(l), [...(groups.get(key(l)) ?? []), rows[i]]));
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }))
      .map(([k, members]) => {
        const { rate, leaders: count, none, belowRange, withinRange, aboveRange } = liaisonCoverage(members, settings);
        return {
          key: k,
          label: label(k),
          rate,
          leaders: count,
          none: none.length,
          belowRange: belowRange.length,
          withinRange: withinRange.length,
          aboveRange: aboveRange.length,
        };
      });
  };
  const unitsWithoutLiaison = await db.getRepository('mq_units').find({
    filter: byUnit.size ? { id: { $notIn: [...byUnit.keys()] } } : {},
    fields: ['id', 'name', 'region'],
    sort: ['id'],
  });
  return {
    range: settings,
    ...liaisonCoverage(rows, settings),
    // '' = the leaders whose unit or region nobody has filled in yet
    byRegion: groupBy((l) => home(l).region, (k) => k),
    byUnit: groupBy(
      (l) => String(home(l).unitId ?? ''),
      (k) => homeUnits.get(Number(k))?.name ?? k,
    ),
    unitsWithoutLiaison: unitsWithoutLiaison.map((u: Model) => u.toJSON()),
  };
}
