import type { Counters, Row } from './dataset';

const DAY = 24 * 3600 * 1000;
const MINUTE = 60 * 1000;
function groupInto<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
const time = (v: unknown) => (v instanceof Date ? v.getTime() : new Date(v as string).getTime());

interface Lists {
  mq_units: Row[];
  mq_visits: Row[];
  mq_visits_problems: Row[];
  mq_problems: Row[];
  mq_responsibilities: Row[];
  mq_tasks: Row[];
  mq_progress_reports: Row[];
  mq_evaluations: Row[];
}

/**
 * 作风监督 has something to find in the demo: a few bad habits, as a real bureau has them, chosen
 * deterministically from the generated rows (no random draw, so the rest of the bureau stays as
 * it was). Each changes rows within their own rules (times before `now`, visits at one's own
 * points). What the 作风监督 page shows on the demo: a handful of each, not hundreds.
 */
export function addBadHabits(out: Lists, ids: Counters, now: number, cadreIds: number[]) {
  const region = new Map(out.mq_units.map((u) => [u.id as number, u.region as string]));
  const linked = new Set(out.mq_visits_problems.map((l) => l.visitId as number));
  const recent = (v: Row, days: number) => time(v.visitedAt) >= now - days * DAY;
  const byVisitor = new Map<number, Row[]>();
  for (const v of out.mq_visits) groupInto(byVisitor, v.cadreId as number, v);

  // 走马观花: the first cadre with four recent visits that found nothing stops hearing anyone
  for (const id of cadreIds) {
    const window = (byVisitor.get(id) ?? []).filter((v) => recent(v, 49));
    if (window.length < 4 || window.some((v) => linked.has(v.id as number))) continue;
    for (const v of window)
      Object.assign(v, { contacted: JSON.stringify([]), peopleCount: null, summary: null, voices: null });
    break;
  }
  // … and one visitor crosses counties between two visits twelve minutes apart
  for (const [, visits] of byVisitor) {
    const a = visits.find((v) => recent(v, 60));
    // the one moved found nothing (a problem it found would then predate it)
    const b = visits.find(
      (v) =>
        !linked.has(v.id as number) &&
        recent(v, 80) &&
        region.get(v.unitId as number) !== region.get(a?.unitId as number),
    );
    if (!a || !b) continue;
    b.visitedAt = new Date(time(a.visitedAt) + 12 * MINUTE);
    b.createdAt = b.updatedAt = b.visitedAt;
    break;
  }

  // 表面文章: two closures whose summary copies the problem; one 领导包保 problem done 20 minutes after assignment
  const problem = new Map(out.mq_problems.map((p) => [p.id as number, p]));
  const responsibility = new Map(out.mq_responsibilities.map((r) => [r.problemId as number, r]));
  const recentlyDone = out.mq_tasks.filter((t) => {
    const p = problem.get(t.problemId as number);
    return p?.doneAt && ['done', 'closed'].includes(p.status as string) && time(p.doneAt) >= now - 45 * DAY;
  });
  recentlyDone
    .filter((t) => responsibility.get(t.problemId as number)?.mode !== 'leader_guarantee')
    .slice(0, 2)
    .forEach((t) => (t.completionSummary = problem.get(t.problemId as number)?.title));
  const fast = recentlyDone.find((t) => responsibility.get(t.problemId as number)?.mode === 'leader_guarantee');
  if (fast) {
    const p = problem.get(fast.problemId as number) as Row;
    const r = responsibility.get(fast.problemId as number) as Row;
    const assignedAt = time(p.doneAt) - 20 * MINUTE;
    p.assignedAt = r.createdAt = r.updatedAt = new Date(assignedAt);
    p.acceptedAt = r.acceptedAt = new Date(assignedAt + 5 * MINUTE);
  }

  // 进展报告雷同: an open task reports the same words three times
  const open = out.mq_tasks.find(
    (t) => !problem.get(t.problemId as number)?.doneAt && time(t.lastReportedAt) < now - 3 * DAY,
  );
  if (open) {
    const first = out.mq_progress_reports.find((r) => r.taskId === open.id);
    for (const days of [1, 2]) {
      const at = new Date(time(open.lastReportedAt) + days * DAY);
      out.mq_progress_reports.push({
        ...first,
        id: ++ids.progressReport,
        reportedOn: at.toISOString().slice(0, 10),
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  // 数字好看: a cadre enters five or six five-star evaluations for one unit's problems within forty minutes
  const doneAt = (p: Row) => (p.doneAt ? time(p.doneAt) : Infinity);
  const byUnit = new Map<number, Row[]>();
  for (const p of out.mq_problems) {
    if (!['done', 'closed'].includes(p.status as string) || doneAt(p) < now - 60 * DAY || doneAt(p) > now - 2 * DAY)
      continue;
    groupInto(byUnit, p.unitId as number, p);
  }
  const scored = new Map<number, number[]>();
  for (const e of out.mq_evaluations) groupInto(scored, e.problemId as number, e.score as number);
  // the unit with the most such problems whose public is otherwise content
  const lowAt = new Set(
    out.mq_problems.filter((p) => (scored.get(p.id as number) ?? []).some((x) => x < 4)).map((p) => p.unitId as number),
  );
  const unitIds = [...byUnit.keys()]
    .filter((id) => !lowAt.has(id))
    .sort((a, b) => (byUnit.get(b) as Row[]).length - (byUnit.get(a) as Row[]).length || a - b);
  for (const unitId of unitIds) {
    const problems = (byUnit.get(unitId) as Row[]).filter((p) => !scored.has(p.id as number));
    if (problems.length < 5) continue;
    const enteredBy = responsibility.get(problems[0].id as number)?.personId ?? cadreIds[0];
    const at = now - DAY;
    problems.slice(0, 6).forEach((p, i) => {
      const when = new Date(at + i * 8 * MINUTE);
      out.mq_evaluations.push({
        id: ++ids.evaluation,
        problemId: p.id,
        score: 5,
        evaluatorKind: 'parent',
        channel: 'phone',
        byStaff: true,
        createdById: enteredBy,
        createdAt: when,
        updatedAt: when,
      });
    });
    break;
  }
}
