import type { Database } from '@nocobase/database';
import { col, fn } from 'sequelize';
import { classifyLeaders as classifyByRange, readSettings, writeSettings } from '@minqing/plugin-three-lists';
import { refuse } from './errors';

export interface LiaisonSettings {
  /** "每位领导班子成员联系1-2家基层单位" */
  minPoints: number;
  maxPoints: number;
}

export const DEFAULT_LIAISON_SETTINGS: LiaisonSettings = { minPoints: 1, maxPoints: 2 };

export function mergeLiaisonSettings(current: LiaisonSettings, change: Record<string, unknown>): LiaisonSettings {
  const next = { ...current };
  for (const [key, value] of Object.entries(change ?? {})) {
    if (!(key in DEFAULT_LIAISON_SETTINGS)) throw refuse('UNKNOWN_SETTING', 'Unknown setting {{key}}', { key });
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 20) {
      throw refuse('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', { key, rule: '1–20' });
    }
    (next as any)[key] = value;
  }
  if (next.minPoints > next.maxPoints) throw refuse('INVALID_RANGE', 'The minimum cannot exceed the maximum');
  return next;
}

export const liaisonSettings = {
  get: (db: Database) => readSettings(db, 'liaison', DEFAULT_LIAISON_SETTINGS),
  update: (db: Database, change: Record<string, unknown>) =>
    writeSettings(db, 'liaison', DEFAULT_LIAISON_SETTINGS, mergeLiaisonSettings, change),
};

/** Sorts leaders by their number of active liaison points against the range. Pure. */
export function classifyLeaders<L extends { count: number }>(leaders: L[], { minPoints, maxPoints }: LiaisonSettings) {
  return classifyByRange(leaders, { min: minPoints, max: maxPoints });
}

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
        })) as any[]
      ).map((row) => [Number(row[key]), Number(row.count)]),
    );
  const byLeader = await countBy('cadreId');
  const byUnit = await countBy('unitId');
  const rows = leaders.map((l) => ({
    id: l.get('id') as number,
    nickname: (l.get('nickname') || l.get('username')) as string,
    count: byLeader.get(Number(l.get('id'))) ?? 0,
  }));
  const groups = classifyLeaders(rows, settings);
  const unitsWithoutLiaison = await db.getRepository('mq_units').find({
    filter: byUnit.size ? { id: { $notIn: [...byUnit.keys()] } } : {},
    fields: ['id', 'name', 'region'],
    sort: ['id'],
  });
  return {
    range: settings,
    leaders: rows.length,
    rate: rows.length ? Math.round((groups.withinRange.length / rows.length) * 10000) / 10000 : null,
    ...groups,
    unitsWithoutLiaison: unitsWithoutLiaison.map((u) => u.toJSON()),
  };
}
