import type { Database } from '@nocobase/database';
import { bureau, type BureauOptions, type Person } from './bureau';
import { problemChunks, unitRows, type DatasetOptions, type Row } from './dataset';
import { seeded } from './random';

/**
 * Writes rows without model hooks, mapping attributes to column names: on PostgreSQL as one JSON
 * parameter per batch (json_populate_recordset), which skips building and parsing SQL per value and
 * loads several times faster; elsewhere with multi-row INSERTs.
 */
async function insert(db: Database, collection: string, rows: Row[], transaction?: any) {
  if (!rows.length) return;
  const model = db.getModel(collection);
  const attributes = model.rawAttributes as Record<string, { field?: string }>;
  const mapped = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [attributes[key]?.field ?? key, value])),
  );
  const qi = db.sequelize.getQueryInterface() as any;
  if (db.sequelize.getDialect() === 'postgres') {
    const table = qi.queryGenerator.quoteTable(model.getTableName());
    const columns = [...new Set(mapped.flatMap((row) => Object.keys(row)))]
      .map((c) => qi.quoteIdentifier(c))
      .join(', ');
    for (let i = 0; i < mapped.length; i += 10000) {
      await db.sequelize.query(
        `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1)`,
        { bind: [JSON.stringify(mapped.slice(i, i + 10000))], transaction },
      );
    }
    return;
  }
  const batch = db.sequelize.getDialect() === 'sqlite' ? 200 : 1000; // SQLite caps bound parameters
  for (let i = 0; i < mapped.length; i += batch) {
    await qi.bulkInsert(model.getTableName() as any, mapped.slice(i, i + batch), { transaction });
  }
}

/** After explicit ids, PostgreSQL's sequences must move past them. */
async function resetSequences(db: Database, collections: string[]) {
  if (db.sequelize.getDialect() !== 'postgres') return;
  for (const name of collections) {
    const table = db.getModel(name).getTableName() as any;
    const qualified = typeof table === 'string' ? `"${table}"` : `"${table.schema}"."${table.tableName}"`;
    await db.sequelize.query(
      `SELECT setval(pg_get_serial_sequence('${qualified}', 'id'), GREATEST((SELECT MAX(id) FROM ${qualified}), 1))`,
    );
  }
}

export interface LoadResult {
  units: number;
  problems: number;
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Loads a deterministic data set: `units` units, `staff` users, `problems` problems with their
 * responsibilities, tasks, revisits and evaluations. A million problems load in minutes.
 */
export async function loadDataset(db: Database, options: DatasetOptions): Promise<LoadResult> {
  const t0 = Date.now();
  const full = {
    seed: options.seed ?? 20231201,
    problems: options.problems,
    units: options.units ?? Math.max(20, Math.round(options.problems / 50)),
    staff: options.staff ?? 200,
    year: options.year ?? new Date().getFullYear(),
    now: options.now ?? Date.now(),
  };
  const r = seeded(full.seed);
  const users = db.getRepository('users');
  const existing = await users.count();
  const now = new Date();
  const staffRows: Row[] = [];
  for (let i = existing + 1; i <= full.staff; i++) {
    staffRows.push({ id: i, username: `staff${i}`, nickname: `干部${i}`, createdAt: now, updatedAt: now });
  }
  await insert(db, 'users', staffRows);
  await insert(db, 'mq_units', unitRows(r, full.units));
  const rows: Record<string, number> = {};
  for (const chunk of problemChunks(r, full)) {
    await db.sequelize.transaction(async (transaction) => {
      for (const [collection, list] of Object.entries(chunk)) {
        await insert(db, collection, list, transaction);
        rows[collection] = (rows[collection] ?? 0) + list.length;
      }
    });
  }
  await resetSequences(db, ['users', 'mq_units', ...Object.keys(rows)]);
  await continueProblemCodes(db);
  await analyze(db);
  return { units: full.units, problems: full.problems, rows, seconds: (Date.now() - t0) / 1000 };
}

/**
 * The app's problem-code sequence continues after the loaded codes (WT2026-001500 → 001501). The
 * core is loaded here only, so the pure data sets (and their unit tests) do without NocoBase.
 */
async function continueProblemCodes(db: Database) {
  const core = await import('@minqing/plugin-three-lists');
  await core.continueProblemCodes(db);
}

async function analyze(db: Database) {
  if (['postgres', 'sqlite'].includes(db.sequelize.getDialect())) await db.sequelize.query('ANALYZE');
}

export interface BureauResult {
  people: Person[];
  password: string;
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Loads the demo bureau (see `bureau`) into an installed app with our plugins enabled: users with
 * one shared password and their roles, then every list, in one transaction. Refuses a database
 * that already holds problems, so a real bureau's data is never mixed with the demo's.
 */
export async function loadBureau(db: Database, options: BureauOptions & { password: string }): Promise<BureauResult> {
  const t0 = Date.now();
  if (await db.getRepository('mq_problems').count()) {
    throw new Error('the database already holds problems: the demo loads only into a new installation');
  }
  const firstUserId = ((await db.getModel('users').max('id')) as number) + 1;
  const data = bureau({ ...options, firstUserId });
  const password = await (db.getCollection('users').getField('password') as any).hash(options.password);
  const at = new Date(options.now ?? Date.now());
  const rows: Record<string, number> = {};
  await db.sequelize.transaction(async (transaction) => {
    await insert(
      db,
      'users',
      data.people.map((p) => ({
        id: p.id,
        username: p.username,
        nickname: p.nickname,
        email: `${p.username}@demo.minqing.local`,
        password,
        createdAt: at,
        updatedAt: at,
      })),
      transaction,
    );
    await insert(
      db,
      'rolesUsers',
      data.people.map((p) => ({ userId: p.id, roleName: p.role, default: true, createdAt: at, updatedAt: at })),
      transaction,
    );
    const { people, ...lists } = data;
    for (const [collection, list] of Object.entries(lists)) {
      if (!db.hasCollection(collection)) continue; // a plugin that is not enabled
      await insert(db, collection, list as Row[], transaction);
      rows[collection] = list.length;
    }
    // the leaders' own units, once the units are in (users.mqUnitId, from plugin-three-lists)
    if (db.getModel('users').rawAttributes.mqUnitId) {
      for (const p of people.filter((p) => p.unitId)) {
        await db.getModel('users').update({ mqUnitId: p.unitId }, { where: { id: p.id }, hooks: false, transaction });
      }
    }
  });
  await settleBureau(db, Object.keys(rows));
  return { people: data.people, password: options.password, rows, seconds: (Date.now() - t0) / 1000 };
}

/**
 * What follows the bureau's transaction: sequences past the explicit ids, fresh statistics.
 * Idempotent, so a load whose process died after its commit is finished by calling it again.
 */
export async function settleBureau(db: Database, collections: string[]) {
  await resetSequences(
    db,
    ['users', ...collections].filter((name) => db.hasCollection(name) && db.getModel(name).rawAttributes.id),
  );
  await continueProblemCodes(db);
  await analyze(db);
}
