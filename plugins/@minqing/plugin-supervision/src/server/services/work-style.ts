import type { Database, Model, Transaction } from '@nocobase/database';
import {
  DONE_STATUSES,
  getLoopSettings,
  lowestSatisfied,
  settingsStore,
  sqlDialect,
  tableOf,
  writeTransaction,
} from '@minqing/plugin-three-lists';
import { wordsIn } from './words';
import {
  closureTooFast,
  evaluationClusters,
  evaluationSourceClusters,
  FLAG_FAMILY,
  fullWithoutReport,
  hollowClosure,
  liaisonUnvisited,
  recurringAtUnit,
  repeatedProgress,
  risingCategories,
  rushedVisits,
  sameSituation,
  selfRevisit,
  tooGoodUnit,
  unseenByVisits,
  visitNobodyHeard,
  visitorFoundNothing,
  WORK_STYLE_SETTINGS,
  type FoundCandidate,
  type FoundFlag,
  type VisitFacts,
  type WorkStyleSettings,
} from '../domain/work-style';
import { groupInto } from '../domain/work-style/group';

export const workStyleSettings = settingsStore('work-style', WORK_STYLE_SETTINGS);

type Row = Record<string, any>;
const DAY = 86_400_000;

/** A timestamp as the database hands it back (SQLite: '2026-11-02 02:00:00.000 +00:00'). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/^\d{4}-\d\d-\d\d \d/.test(text) ? text.replace(' ', 'T').replace(/ ?([+-]\d\d:\d\d)$/, '$1') : text);
}
const json = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};
const id = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The office reads the flags in the bureau's language. */
export const inBureauWords = wordsIn('zh-CN');

const month = (now: Date) => now.toISOString().slice(0, 7);

/**
 * Finds every flag the rules raise on the work recorded within the look-back period: a few
 * narrow queries (the work of the period, not the whole history), the rules decide in JS.
 * Visit and liaison flags need the liaison plugin's collections and are left out without them.
 */
export async function findFlags(db: Database, now: Date, s: WorkStyleSettings): Promise<FoundFlag[]> {
  const { timeZone } = await getLoopSettings(db);
  const sql = sqlDialect(db, timeZone);
  const from = new Date(now.getTime() - s.lookbackDays * DAY);
  const run = (text: string, replacements: Record<string, unknown> = {}) =>
    db.sequelize.query(text, { replacements: { from, now, ...replacements }, type: 'SELECT' }) as Promise<Row[]>;
  const P = tableOf(db, 'mq_problems');
  const R = tableOf(db, 'mq_responsibilities');
  const T = tableOf(db, 'mq_tasks');
  const PR = tableOf(db, 'mq_progress_reports');
  const V = tableOf(db, 'mq_revisits');
  const E = tableOf(db, 'mq_evaluations');
  const U = tableOf(db, 'mq_units');
  const flags: FoundFlag[] = [];
  const period = month(now);

  // ——— 表面文章: closures of the period, with their active responsibility and task ———
  const EV = tableOf(db, 'mq_tasks_evidence');
  const closures = await run(
    `SELECT p.${P.column('id')} AS id, p.${P.column('unitId')} AS unit_id, p.${P.column('title')} AS title,
       p.${P.column('description')} AS description, p.${P.column('assignedAt')} AS assigned_at, p.${P.column('doneAt')} AS done_at,
       r.${R.column('mode')} AS mode, r.${R.column('personId')} AS person_id,
       t.${T.column('completionSummary')} AS summary,
       (SELECT COUNT(*) FROM ${EV.table} ev WHERE ev.${EV.column('ownerId')} = t.${T.column('id')}) AS evidence
     FROM ${P.table} p
     LEFT JOIN ${R.table} r ON r.${R.column('problemId')} = p.${P.column('id')} AND r.${R.column('active')} = ${sql.bool(true)}
     LEFT JOIN ${T.table} t ON t.${T.column('problemId')} = p.${P.column('id')}
     WHERE ${sql.isIn(`p.${P.column('status')}`, DONE_STATUSES)} AND ${sql.instant(`p.${P.column('doneAt')}`)} >= ${sql.instant(':from')}`,
  );
  const seenClosure = new Set<number>();
  for (const row of closures) {
    const problemId = Number(row.id);
    if (seenClosure.has(problemId)) continue; // one task per problem is the rule; the first speaks for it
    seenClosure.add(problemId);
    const facts = {
      problemId,
      unitId: id(row.unit_id),
      personId: id(row.person_id),
      title: row.title,
      description: row.description,
      completionSummary: row.summary,
      evidenceCount: Number(row.evidence ?? 0),
      mode: row.mode,
      assignedAt: row.assigned_at ? toDate(row.assigned_at) : null,
      doneAt: row.done_at ? toDate(row.done_at) : null,
    };
    for (const flag of [hollowClosure(facts, s), closureTooFast(facts, s)]) if (flag) flags.push(flag);
  }

  // progress reports of the period, by task; tasks at 100% without any report
  const reports = await run(
    `SELECT pr.${PR.column('id')} AS id, pr.${PR.column('taskId')} AS task_id, pr.${PR.column('problemId')} AS problem_id,
       pr.${PR.column('content')} AS content, pr.${PR.column('createdById')} AS by_id
     FROM ${PR.table} pr WHERE ${sql.instant(`pr.${PR.column('createdAt')}`)} >= ${sql.instant(':from')}`,
  );
  const byTask = new Map<number, Row[]>();
  for (const row of reports) groupInto(byTask, Number(row.task_id), row);
  for (const [taskId, rows] of byTask) {
    const flag = repeatedProgress(
      { taskId, problemId: Number(rows[0].problem_id), personId: id(rows[rows.length - 1].by_id) },
      rows.map((r) => ({ id: Number(r.id), content: r.content })),
      s,
    );
    if (flag) flags.push(flag);
  }
  const fullTasks = await run(
    `SELECT t.${T.column('id')} AS id, t.${T.column('problemId')} AS problem_id, t.${T.column('progress')} AS progress,
       p.${P.column('unitId')} AS unit_id, p.${P.column('status')} AS status,
       r.${R.column('mode')} AS mode, r.${R.column('personId')} AS person_id
     FROM ${T.table} t
     JOIN ${P.table} p ON p.${P.column('id')} = t.${T.column('problemId')}
     LEFT JOIN ${R.table} r ON r.${R.column('problemId')} = p.${P.column('id')} AND r.${R.column('active')} = ${sql.bool(true)}
     WHERE t.${T.column('progress')} >= 100 AND ${sql.instant(`t.${T.column('updatedAt')}`)} >= ${sql.instant(':from')}
       AND NOT EXISTS (SELECT 1 FROM ${PR.table} pr WHERE pr.${PR.column('taskId')} = t.${T.column('id')})`,
  );
  for (const row of fullTasks) {
    const flag = fullWithoutReport({
      taskId: Number(row.id),
      problemId: Number(row.problem_id),
      progress: Number(row.progress),
      reports: 0,
      done: (DONE_STATUSES as readonly string[]).includes(row.status),
      mode: row.mode,
      personId: id(row.person_id),
      unitId: id(row.unit_id),
    });
    if (flag) flags.push(flag);
  }

  // ——— 自证: revisits by the responsible person or the guarantor (SQL finds the pairs, the rule says which) ———
  const revisits = await run(
    `SELECT v.${V.column('id')} AS id, v.${V.column('problemId')} AS problem_id, v.${V.column('revisiterId')} AS by_id,
       p.${P.column('unitId')} AS unit_id, r.${R.column('personId')} AS person_id, r.${R.column('guarantorId')} AS guarantor_id
     FROM ${V.table} v
     JOIN ${P.table} p ON p.${P.column('id')} = v.${V.column('problemId')}
     JOIN ${R.table} r ON r.${R.column('problemId')} = v.${V.column('problemId')}
       AND (r.${R.column('personId')} = v.${V.column('revisiterId')} OR r.${R.column('guarantorId')} = v.${V.column('revisiterId')})
     WHERE v.${V.column('outcome')} IS NOT NULL AND ${sql.instant(`v.${V.column('revisitedAt')}`)} >= ${sql.instant(':from')}`,
  );
  const byRevisit = new Map<number, Row[]>();
  for (const row of revisits) groupInto(byRevisit, Number(row.id), row);
  for (const [revisitId, rows] of byRevisit) {
    const flag = selfRevisit(
      {
        id: revisitId,
        problemId: Number(rows[0].problem_id),
        revisiterId: id(rows[0].by_id),
        unitId: id(rows[0].unit_id),
      },
      rows.map((r) => ({ personId: id(r.person_id), guarantorId: id(r.guarantor_id) })),
    );
    if (flag) flags.push(flag);
  }

  // ——— 数字好看: units at 100% on staff-entered ratings; evaluations entered in bulk by one account ———
  const { basicCountsAsSatisfied } = await getLoopSettings(db);
  const units = await run(
    `SELECT p.${P.column('unitId')} AS unit_id, COUNT(*) AS rated,
       SUM(CASE WHEN e.${E.column('score')} >= ${lowestSatisfied(basicCountsAsSatisfied)} THEN 1 ELSE 0 END) AS satisfied,
       SUM(CASE WHEN e.${E.column('byStaff')} = ${sql.bool(true)} THEN 1 ELSE 0 END) AS staff
     FROM ${E.table} e JOIN ${P.table} p ON p.${P.column('id')} = e.${E.column('problemId')}
     WHERE ${sql.instant(`e.${E.column('createdAt')}`)} >= ${sql.instant(':from')} AND p.${P.column('unitId')} IS NOT NULL
     GROUP BY p.${P.column('unitId')}`,
  );
  for (const row of units) {
    const flag = tooGoodUnit(
      {
        unitId: Number(row.unit_id),
        rated: Number(row.rated),
        satisfied: Number(row.satisfied),
        staffRated: Number(row.staff),
      },
      period,
      s,
    );
    if (flag) flags.push(flag);
  }
  const entered = await run(
    `SELECT e.${E.column('id')} AS id, e.${E.column('createdById')} AS by_id, e.${E.column('createdAt')} AS at
     FROM ${E.table} e
     WHERE e.${E.column('byStaff')} = ${sql.bool(true)} AND e.${E.column('createdById')} IS NOT NULL AND ${sql.instant(`e.${E.column('createdAt')}`)} >= ${sql.instant(':from')}`,
  );
  const byEnterer = new Map<number, { id: number; at: Date }[]>();
  for (const row of entered) {
    const list = byEnterer.get(Number(row.by_id)) ?? [];
    list.push({ id: Number(row.id), at: toDate(row.at) });
    byEnterer.set(Number(row.by_id), list);
  }
  for (const [userId, list] of byEnterer) flags.push(...evaluationClusters(userId, list, s));
  // the public's own ratings, by the (salted, hidden) hash of their device and of their address
  const publicRatings = await run(
    `SELECT e.${E.column('id')} AS id, e.${E.column('problemId')} AS problem_id, e.${E.column('createdAt')} AS at,
       e.${E.column('deviceHash')} AS device, e.${E.column('addressHash')} AS address
     FROM ${E.table} e
     WHERE (e.${E.column('byStaff')} IS NULL OR e.${E.column('byStaff')} = ${sql.bool(false)})
       AND (e.${E.column('deviceHash')} IS NOT NULL OR e.${E.column('addressHash')} IS NOT NULL) AND e.${E.column('createdAt')} >= :from`,
  );
  for (const source of ['device', 'address'] as const) {
    const bySource = new Map<string, { id: number; problemId: number; at: Date }[]>();
    for (const row of publicRatings) {
      if (row[source] == null) continue;
      groupInto(bySource, String(row[source]), { id: Number(row.id), problemId: Number(row.problem_id), at: toDate(row.at) });
    }
    for (const list of bySource.values()) flags.push(...evaluationSourceClusters(source, list, s));
  }

  // ——— 走马观花: visits and liaison points (the liaison plugin's) ———
  if (db.hasCollection('mq_visits') && db.hasCollection('mq_liaison_points')) {
    const VI = tableOf(db, 'mq_visits');
    const VP = tableOf(db, 'mq_visits_problems');
    const visits = await run(
      `SELECT v.${VI.column('id')} AS id, v.${VI.column('cadreId')} AS cadre_id, v.${VI.column('unitId')} AS unit_id,
         u.${U.column('region')} AS region, v.${VI.column('visitedAt')} AS visited_at, v.${VI.column('contacted')} AS contacted,
         v.${VI.column('peopleCount')} AS people, v.${VI.column('summary')} AS summary, v.${VI.column('voices')} AS voices,
         (SELECT COUNT(*) FROM ${VP.table} vp WHERE vp.${VP.column('visitId')} = v.${VI.column('id')}) AS found
       FROM ${VI.table} v LEFT JOIN ${U.table} u ON u.${U.column('id')} = v.${VI.column('unitId')}
       WHERE ${sql.instant(`v.${VI.column('visitedAt')}`)} >= ${sql.instant(':from')}`,
    );
    const byCadre = new Map<number, VisitFacts[]>();
    const emptyFrom = now.getTime() - s.emptyVisitorWeeks * 7 * DAY;
    for (const row of visits) {
      const visit: VisitFacts = {
        id: Number(row.id),
        cadreId: id(row.cadre_id),
        unitId: id(row.unit_id),
        region: row.region,
        visitedAt: toDate(row.visited_at),
        contacted: json(row.contacted),
        peopleCount: row.people === null ? null : Number(row.people),
        summary: row.summary,
        voices: row.voices,
        problemsFound: Number(row.found ?? 0),
      };
      const flag = visitNobodyHeard(visit, s);
      if (flag) flags.push(flag);
      if (visit.cadreId) groupInto(byCadre, visit.cadreId, visit);
    }
    for (const [cadreId, list] of byCadre) {
      flags.push(...rushedVisits(list, s));
      const recent = list.filter((v) => toDate(v.visitedAt).getTime() >= emptyFrom);
      const flag = visitorFoundNothing(cadreId, recent, period, s);
      if (flag) flags.push(flag);
    }
    const LP = tableOf(db, 'mq_liaison_points');
    const points = await run(
      `SELECT lp.${LP.column('id')} AS id, lp.${LP.column('cadreId')} AS cadre_id, lp.${LP.column('unitId')} AS unit_id,
         lp.${LP.column('since')} AS since, lp.${LP.column('createdAt')} AS created_at,
         (SELECT MAX(v.${VI.column('visitedAt')}) FROM ${VI.table} v
           WHERE v.${VI.column('cadreId')} = lp.${LP.column('cadreId')} AND v.${VI.column('unitId')} = lp.${LP.column('unitId')}) AS last_visit
       FROM ${LP.table} lp WHERE lp.${LP.column('active')} = ${sql.bool(true)}`,
    );
    for (const row of points) {
      const flag = liaisonUnvisited(
        {
          id: Number(row.id),
          cadreId: id(row.cadre_id),
          unitId: id(row.unit_id),
          since: row.since ? new Date(`${String(row.since).slice(0, 10)}T00:00:00Z`) : toDate(row.created_at),
          lastVisitedAt: row.last_visit ? toDate(row.last_visit) : null,
        },
        now,
        period,
        s,
      );
      if (flag) flags.push(flag);
    }
  }
  return flags;
}

/** 未诉先办: the candidates the problems of the last two windows show. */
export async function findCandidates(db: Database, now: Date, s: WorkStyleSettings): Promise<FoundCandidate[]> {
  const P = tableOf(db, 'mq_problems');
  // the time zone plays no part in an instant's comparison
  const sql = sqlDialect(db, 'UTC');
  const rows = (await db.sequelize.query(
    `SELECT ${P.column('id')} AS id, ${P.column('category')} AS category, ${P.column('unitId')} AS unit_id,
       ${P.column('source')} AS source, ${P.column('createdAt')} AS created_at
     FROM ${P.table} WHERE ${sql.instant(P.column('createdAt'))} >= ${sql.instant(':from')}`,
    {
      replacements: { from: new Date(now.getTime() - Math.max(s.recurringDays, 2 * s.risingDays) * DAY), now },
      type: 'SELECT',
    },
  )) as Row[];
  const problems = rows.map((r) => ({
    id: Number(r.id),
    category: r.category,
    unitId: id(r.unit_id),
    source: r.source,
    createdAt: toDate(r.created_at),
  }));
  return [
    ...recurringAtUnit(problems, now, s),
    ...risingCategories(problems, now, s),
    ...unseenByVisits(problems, now, s),
  ];
}

/**
 * Computes flags and candidates and records the new ones. A flag already recorded (its key) is
 * left as the office decided it; a candidate of a situation already proposed (sharing evidence)
 * refreshes an open one and leaves a decided one alone. Returns what was added.
 */
export async function computeWorkStyle(db: Database, now = new Date()) {
  const settings = await workStyleSettings.get(db);
  const [flags, candidates] = await Promise.all([findFlags(db, now, settings), findCandidates(db, now, settings)]);
  return writeTransaction(db, async (transaction) => {
    const newFlags = await recordFlags(db, flags, now, transaction);
    const newCandidates = await recordCandidates(db, candidates, now, transaction);
    return {
      flags: newFlags,
      candidates: newCandidates,
      found: { flags: flags.length, candidates: candidates.length },
    };
  });
}

async function recordFlags(db: Database, flags: FoundFlag[], now: Date, transaction: Transaction) {
  const F = tableOf(db, 'mq_work_style_flags');
  const known = new Set(
    (
      (await db.sequelize.query(`SELECT ${F.column('key')} AS k FROM ${F.table}`, {
        type: 'SELECT',
        transaction,
      })) as Row[]
    ).map((r) => r.k as string),
  );
  const fresh = flags.filter((flag) => !known.has(flag.key) && known.add(flag.key));
  if (!fresh.length) return 0;
  // one multi-row INSERT (a first computation over a big backlog records thousands)
  await db.getModel('mq_work_style_flags').bulkCreate(
    fresh.map((flag) => ({
      kind: flag.kind,
      family: FLAG_FAMILY[flag.kind],
      key: flag.key,
      why: inBureauWords(flag.why, flag.params),
      userId: flag.userId ?? null,
      unitId: flag.unitId ?? null,
      problemId: flag.problemId ?? null,
      visitId: flag.visitId ?? null,
      evidence: flag.evidence,
      detectedAt: now,
      state: 'open',
    })),
    { transaction },
  );
  return fresh.length;
}

async function recordCandidates(db: Database, found: FoundCandidate[], now: Date, transaction: Transaction) {
  const repo = db.getRepository('mq_proactive_candidates');
  const situation = (kind: string, unitId: unknown, category: unknown) => `${kind}:${unitId ?? ''}:${category ?? ''}`;
  const earlier = new Map<string, { model: Model; problems: number[] }[]>();
  const keys = new Set<string>();
  for (const model of await repo.find({
    fields: ['id', 'kind', 'key', 'unitId', 'category', 'evidence', 'state'],
    transaction,
  })) {
    const k = situation(model.get('kind') as string, model.get('unitId'), model.get('category'));
    const problems = ((model.get('evidence') as { problems?: number[] } | null)?.problems ?? []).map(Number);
    groupInto(earlier, k, { model, problems });
    keys.add(model.get('key') as string);
  }
  const fresh: FoundCandidate[] = [];
  for (const candidate of found) {
    const same = (earlier.get(situation(candidate.kind, candidate.unitId, candidate.category)) ?? []).find((e) =>
      sameSituation(
        {
          kind: e.model.get('kind') as string,
          unitId: e.model.get('unitId') as number | null,
          category: e.model.get('category') as string,
          problems: e.problems,
        },
        candidate,
      ),
    );
    if (same) {
      // an open one takes the new evidence; a decided one stays as the office left it
      const changed = JSON.stringify(same.problems) !== JSON.stringify(candidate.evidence.problems);
      if (same.model.get('state') === 'open' && changed) {
        await same.model.update(
          { evidence: candidate.evidence, why: inBureauWords(candidate.why, candidate.params) },
          { transaction },
        );
      }
      continue;
    }
    if (keys.has(candidate.key)) continue;
    keys.add(candidate.key);
    fresh.push(candidate);
  }
  if (fresh.length) {
    await db.getModel('mq_proactive_candidates').bulkCreate(
      fresh.map((candidate) => ({
        kind: candidate.kind,
        key: candidate.key,
        category: candidate.category,
        unitId: candidate.unitId ?? null,
        why: inBureauWords(candidate.why, candidate.params),
        evidence: candidate.evidence,
        detectedAt: now,
        state: 'open',
      })),
      { transaction },
    );
  }
  return fresh.length;
}
