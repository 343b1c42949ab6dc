import type { Database, Model } from '@nocobase/database';
import { settingsStore } from '@minqing/plugin-three-lists';
import { col, fn } from 'sequelize';
import { liaisonCoverage } from '../domain/coverage';
import { LIAISON_SETTINGS } from '../domain/settings';

export const liaisonSettings = settingsStore('liaison', LIAISON_SETTINGS);

/** 联系点覆盖率 and the lists behind it: leaders by number of active liaison points, units nobody liaises. */
export async function coverage(db: Database) {
  const settings = await liaisonSettings.get(db);
  const leaders = await db.getRepository('users').find({
    filter: { 'roles.name': 'mq_leader' },
    fields: ['id', 'nickname', 'username'],
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
  const unitsWithoutLiaison = await db.getRepository('mq_units').find({
    filter: byUnit.size ? { id: { $notIn: [...byUnit.keys()] } } : {},
    fields: ['id', 'name', 'region'],
    sort: ['id'],
  });
  return {
    range: settings,
    ...liaisonCoverage(rows, settings),
    unitsWithoutLiaison: unitsWithoutLiaison.map((u: Model) => u.toJSON()),
  };
}
