import type { Database } from '@nocobase/database';
import type Application from '@nocobase/server';
import { USER_UNIT_KEY } from '../collections/user-home';

/** A person as the 交办 form's pickers show them: who, and where they belong. Nothing personal. */
export interface PersonFound {
  id: number;
  nickname: string | null;
  username: string;
  /** the unit they belong to (users.mqUnit), when the office set one */
  unit: string | null;
}

/** a picker shows a short list; typing narrows it */
export const PEOPLE_LIMIT = 20;

/** 包保领导: the guarantor picker offers the people who hold the leaders' role only */
export const LEADER_ROLE = 'mq_leader';

/**
 * People whose name or username holds `text` (everyone when empty), at most PEOPLE_LIMIT, by
 * username; with `role` 'leader' only the leaders (the guarantor picker). Only the four fields of PersonFound leave the database: never a phone or an e-mail.
 */
export async function findPeople(db: Database, text: unknown, role?: unknown): Promise<PersonFound[]> {
  const q = typeof text === 'string' ? text.trim().slice(0, 50) : '';
  const hasUnit = Boolean(db.getCollection('users').getField('mqUnit'));
  const byName = q ? { $or: [{ nickname: { $includes: q } }, { username: { $includes: q } }] } : {};
  const byRole = role === 'leader' ? { 'roles.name': { $eq: LEADER_ROLE } } : {};
  const rows = await db.getRepository('users').find({
    filter: { $and: [byName, byRole] },
    fields: ['id', 'nickname', 'username', ...(hasUnit ? [USER_UNIT_KEY] : [])],
    appends: hasUnit ? ['mqUnit'] : [],
    sort: ['username'],
    limit: PEOPLE_LIMIT,
  } as never);
  return rows.map((row: any) => ({
    id: row.get('id') as number,
    nickname: (row.get('nickname') as string | null) ?? null,
    username: row.get('username') as string,
    unit: (row.get('mqUnit')?.get?.('name') as string | undefined) ?? null,
  }));
}

/**
 * Whether one of these roles may take the 交办 step: NocoBase's ACL answers, so a role an
 * administrator gives `assign` on 问题清单 later may look people up too. Root always.
 */
export function mayAssign(app: Application, roles: string[]): boolean {
  return roles.some((role) => role === 'root' || Boolean(app.acl.can({ role, resource: 'mq_problems', action: 'assign' })));
}
