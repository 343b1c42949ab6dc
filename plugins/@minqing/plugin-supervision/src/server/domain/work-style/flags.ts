/**
 * 作风监督: flags on the work itself, each a pure rule over what is already recorded (no field
 * asked of the grassroots). The service reads the rows; these rules decide, and say why.
 * Seed 三(三): 坚决纠正下基层走马观花、解决问题做表面文章.
 */
import { defaultsOf } from '@minqing/plugin-three-lists/domain';
import { WORK_STYLE_SETTINGS, type WorkStyleSettings } from './settings';

export const DEFAULT_WORK_STYLE: WorkStyleSettings = defaultsOf(WORK_STYLE_SETTINGS);

export * from './kinds';
import type { FlagKind } from './kinds';
import { groupInto } from './group';

/** The office's decision on a flag; a dismissal keeps its reason. */
export const FLAG_STATES = ['open', 'confirmed', 'dismissed'] as const;
export type FlagState = (typeof FLAG_STATES)[number];
export const FLAG_DECISIONS = ['confirmed', 'dismissed'] as const;
export type FlagDecision = (typeof FLAG_DECISIONS)[number];

/** A flag as the rules find it: stable key (one flag per fact, whatever how often it is computed), why, and the records. */
export interface FoundFlag {
  kind: FlagKind;
  key: string;
  /** the message key saying why, and its parameters */
  why: string;
  params: Record<string, string | number>;
  /** the person whose work it concerns, the unit, the problem, the visit */
  userId?: number | null;
  unitId?: number | null;
  problemId?: number | null;
  visitId?: number | null;
  /** the records it rests on, e.g. { visits: [1, 2] } */
  evidence: Record<string, unknown>;
}

export const flagKey = (kind: FlagKind, ...parts: (string | number)[]) => [kind, ...parts].join(':');

const MINUTE = 60_000;
const DAY = 86_400_000;
const time = (at: Date | string | number) => new Date(at).getTime();
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** what two texts say, without spacing and punctuation, to tell a copy from a report */
export const normalizedText = (value: unknown) =>
  text(value)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []);

// ——— 走马观花 ———

export interface VisitFacts {
  id: number;
  cadreId: number | null;
  unitId: number | null;
  region?: string | null;
  visitedAt: Date | string;
  contacted?: unknown;
  peopleCount?: number | null;
  summary?: string | null;
  voices?: string | null;
  problemsFound?: number;
}

/** Somebody was heard: people contacted or counted, or their voices written down. */
export function visitHeardSomeone(v: VisitFacts) {
  return list(v.contacted).length > 0 || Number(v.peopleCount ?? 0) > 0 || text(v.voices).length > 0;
}

/** A visit with nobody contacted and a summary too short to say anything. */
export function visitNobodyHeard(v: VisitFacts, s: Pick<WorkStyleSettings, 'visitMinSummaryChars'>): FoundFlag | null {
  if (visitHeardSomeone(v) || text(v.summary).length >= s.visitMinSummaryChars) return null;
  return {
    kind: 'visit_nobody_heard',
    key: flagKey('visit_nobody_heard', v.id),
    why: 'A visit with nobody contacted and no summary',
    params: {},
    userId: v.cadreId,
    unitId: v.unitId,
    visitId: v.id,
    evidence: { visits: [v.id] },
  };
}

/**
 * One cadre's visits at units in different regions (counties) less than N minutes apart: nobody
 * crosses a county and hears anyone in that time. `visits` are one cadre's, in any order.
 */
export function rushedVisits(visits: VisitFacts[], s: Pick<WorkStyleSettings, 'rushedVisitMinutes'>): FoundFlag[] {
  const sorted = [...visits].sort((a, b) => time(a.visitedAt) - time(b.visitedAt) || a.id - b.id);
  const flags: FoundFlag[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    const minutes = (time(b.visitedAt) - time(a.visitedAt)) / MINUTE;
    if (minutes >= s.rushedVisitMinutes || !a.region || !b.region || a.region === b.region) continue;
    flags.push({
      kind: 'visits_rushed',
      key: flagKey('visits_rushed', a.id, b.id),
      why: 'Two visits {{minutes}} minutes apart at units in {{from}} and {{to}}',
      params: { minutes: Math.round(minutes), from: a.region, to: b.region },
      userId: b.cadreId,
      unitId: b.unitId,
      visitId: b.id,
      evidence: { visits: [a.id, b.id] },
    });
  }
  return flags;
}

/**
 * A visitor whose visits over the period (at least N of them) found no problem and heard no one.
 * `visits` are one cadre's within the period; `period` names it in the key (e.g. the week it ends).
 */
export function visitorFoundNothing(
  cadreId: number,
  visits: VisitFacts[],
  period: string,
  s: Pick<WorkStyleSettings, 'emptyVisitorMinVisits' | 'emptyVisitorWeeks'>,
): FoundFlag | null {
  if (visits.length < s.emptyVisitorMinVisits) return null;
  if (visits.some((v) => (v.problemsFound ?? 0) > 0 || visitHeardSomeone(v))) return null;
  return {
    kind: 'visitor_found_nothing',
    key: flagKey('visitor_found_nothing', cadreId, period),
    why: '{{count}} visits in {{weeks}} weeks found nothing and heard no one',
    params: { count: visits.length, weeks: s.emptyVisitorWeeks },
    userId: cadreId,
    evidence: { visits: visits.map((v) => v.id) },
  };
}

export interface LiaisonPointFacts {
  id: number;
  cadreId: number | null;
  unitId: number | null;
  /** when the point was taken on (its `since`, or when it was recorded) */
  since: Date | string;
  /** the cadre's latest visit to the unit, if any */
  lastVisitedAt?: Date | string | null;
}

/** An active liaison point its cadre has not visited for N days (a point newer than that is not judged yet). */
export function liaisonUnvisited(
  point: LiaisonPointFacts,
  now: Date,
  period: string,
  s: Pick<WorkStyleSettings, 'liaisonUnvisitedDays'>,
): FoundFlag | null {
  const limit = now.getTime() - s.liaisonUnvisitedDays * DAY;
  if (time(point.since) > limit) return null;
  if (point.lastVisitedAt && time(point.lastVisitedAt) > limit) return null;
  return {
    kind: 'liaison_unvisited',
    key: flagKey('liaison_unvisited', point.id, period),
    why: 'Liaison point not visited for {{days}} days',
    params: { days: s.liaisonUnvisitedDays },
    userId: point.cadreId,
    unitId: point.unitId,
    evidence: {
      liaisonPoints: [point.id],
      lastVisitedAt: point.lastVisitedAt ? new Date(point.lastVisitedAt).toISOString() : null,
    },
  };
}

// ——— 表面文章 ———

export interface ClosureFacts {
  problemId: number;
  unitId?: number | null;
  personId?: number | null;
  title?: string | null;
  description?: string | null;
  completionSummary?: string | null;
  evidenceCount: number;
  mode?: string | null;
  assignedAt?: Date | string | null;
  doneAt?: Date | string | null;
}

/** The completion summary repeats the problem's title or description (or is contained in it). */
export function summaryCopiesProblem(c: Pick<ClosureFacts, 'title' | 'description' | 'completionSummary'>) {
  const summary = normalizedText(c.completionSummary);
  if (!summary) return false;
  return [c.title, c.description].some((source) => {
    const s = normalizedText(source);
    return Boolean(s) && (s === summary || s.includes(summary));
  });
}

/** 办结 with no completion evidence and a summary that says nothing or copies the problem. */
export function hollowClosure(c: ClosureFacts, s: Pick<WorkStyleSettings, 'closureMinSummaryChars'>): FoundFlag | null {
  if (c.evidenceCount > 0) return null;
  const copied = summaryCopiesProblem(c);
  if (!copied && text(c.completionSummary).length >= s.closureMinSummaryChars) return null;
  return {
    kind: 'closure_hollow',
    key: flagKey('closure_hollow', c.problemId, c.doneAt ? time(c.doneAt) : 0),
    why: copied
      ? 'Done without evidence; the completion summary copies the problem'
      : 'Done without evidence and without a real completion summary',
    params: {},
    userId: c.personId,
    unitId: c.unitId,
    problemId: c.problemId,
    evidence: { problems: [c.problemId], completionSummary: c.completionSummary ?? null },
  };
}

/** A 领导包保 problem (hard, guaranteed by a leader) done minutes after it was assigned. */
export function closureTooFast(c: ClosureFacts, s: Pick<WorkStyleSettings, 'fastClosureMinutes'>): FoundFlag | null {
  if (c.mode !== 'leader_guarantee' || !c.assignedAt || !c.doneAt) return null;
  const minutes = (time(c.doneAt) - time(c.assignedAt)) / MINUTE;
  if (minutes >= s.fastClosureMinutes) return null;
  return {
    kind: 'closure_too_fast',
    key: flagKey('closure_too_fast', c.problemId, time(c.doneAt)),
    why: 'A leader-guaranteed problem done {{minutes}} minutes after assignment',
    params: { minutes: Math.max(0, Math.round(minutes)) },
    userId: c.personId,
    unitId: c.unitId,
    problemId: c.problemId,
    evidence: { problems: [c.problemId] },
  };
}

export interface ReportFacts {
  id: number;
  content: string | null;
}

/** A task's progress reports saying the same thing N times (copied forward, not reported). */
export function repeatedProgress(
  task: { taskId: number; problemId: number; personId?: number | null; unitId?: number | null },
  reports: ReportFacts[],
  s: Pick<WorkStyleSettings, 'repeatedReports'>,
): FoundFlag | null {
  const byText = new Map<string, number[]>();
  for (const r of reports) {
    const key = normalizedText(r.content);
    if (!key) continue;
    groupInto(byText, key, r.id);
  }
  const repeated = [...byText.values()].filter((ids) => ids.length >= s.repeatedReports).flat();
  if (!repeated.length) return null;
  return {
    kind: 'progress_repeated',
    key: flagKey('progress_repeated', task.taskId),
    why: '{{count}} progress reports say the same',
    params: { count: repeated.length },
    userId: task.personId,
    unitId: task.unitId,
    problemId: task.problemId,
    evidence: { progressReports: repeated.sort((a, b) => a - b) },
  };
}

/**
 * A task at 100% without a single progress report: still open (100% claimed, never reported), or a
 * 领导包保 problem (hard work, goal set by a leader) done without one. A quick 首接首办 problem done
 * at once (即知即办, the loop sets 100%) is not a habit to flag.
 */
export function fullWithoutReport(task: {
  taskId: number;
  problemId: number;
  progress: number | null;
  reports: number;
  /** the problem is done (已办结/已销号) */
  done?: boolean;
  mode?: string | null;
  personId?: number | null;
  unitId?: number | null;
}): FoundFlag | null {
  if (Number(task.progress ?? 0) < 100 || task.reports > 0) return null;
  if (task.done && task.mode !== 'leader_guarantee') return null;
  return {
    kind: 'task_full_without_report',
    key: flagKey('task_full_without_report', task.taskId),
    why: 'A task at 100% without a single progress report',
    params: {},
    userId: task.personId,
    unitId: task.unitId,
    problemId: task.problemId,
    evidence: { tasks: [task.taskId], problems: [task.problemId] },
  };
}

// ——— 自证 ———

/** A revisit by the person responsible for the problem, or by its guarantor: the work certifying itself. */
export function selfRevisit(
  revisit: { id: number; problemId: number; revisiterId: number | null; unitId?: number | null },
  responsibles: { personId?: number | null; guarantorId?: number | null }[],
): FoundFlag | null {
  const by = revisit.revisiterId;
  if (!by) return null;
  const role = responsibles.some((r) => r.personId === by)
    ? 'responsible'
    : responsibles.some((r) => r.guarantorId === by)
      ? 'guarantor'
      : null;
  if (!role) return null;
  return {
    kind: 'self_revisit',
    key: flagKey('self_revisit', revisit.id),
    why: role === 'responsible' ? 'Revisited by the person responsible for it' : 'Revisited by its own guarantor',
    params: {},
    userId: by,
    unitId: revisit.unitId,
    problemId: revisit.problemId,
    evidence: { revisits: [revisit.id], problems: [revisit.problemId], role },
  };
}

// ——— 数字好看 ———

/** A unit's ratings: all of them, those 满意 or better, and those staff entered. */
export interface UnitRatings {
  unitId: number;
  rated: number;
  satisfied: number;
  staffRated: number;
}

/** 100% 满意率 resting on many ratings staff entered on the public's behalf. */
export function tooGoodUnit(
  u: UnitRatings,
  period: string,
  s: Pick<WorkStyleSettings, 'tooGoodStaffRatings'>,
): FoundFlag | null {
  if (!u.rated || u.satisfied < u.rated || u.staffRated < s.tooGoodStaffRatings) return null;
  return {
    kind: 'too_good_unit',
    key: flagKey('too_good_unit', u.unitId, period),
    why: '100% satisfied on {{rated}} ratings, {{staff}} of them entered by staff',
    params: { rated: u.rated, staff: u.staffRated },
    unitId: u.unitId,
    evidence: { rated: u.rated, satisfied: u.satisfied, staffRated: u.staffRated },
  };
}

/**
 * Many evaluations entered by one account within minutes: one hand, not many voices. `entries`
 * are one account's; one flag per burst (keyed by its first evaluation).
 */
/** The runs of at least `least` entries within `minutes` of their first, each once, in time order. */
function bursts<T extends { id: number; at: Date | string }>(entries: T[], least: number, minutes: number): T[][] {
  const sorted = [...entries].sort((a, b) => time(a.at) - time(b.at) || a.id - b.id);
  const found: T[][] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && time(sorted[end + 1].at) - time(sorted[start].at) < minutes * MINUTE) end++;
    const burst = sorted.slice(start, end + 1);
    if (burst.length >= least) {
      found.push(burst);
      start = end + 1;
    } else start++;
  }
  return found;
}

export function evaluationClusters(
  userId: number,
  entries: { id: number; at: Date | string }[],
  s: Pick<WorkStyleSettings, 'clusterEvaluations' | 'clusterMinutes'>,
): FoundFlag[] {
  return bursts(entries, s.clusterEvaluations, s.clusterMinutes).map((burst) => ({
    kind: 'evaluation_cluster',
    key: flagKey('evaluation_cluster', userId, burst[0].id),
    why: '{{count}} evaluations entered by one account within {{minutes}} minutes',
    params: { count: burst.length, minutes: s.clusterMinutes },
    userId,
    evidence: { evaluations: burst.map((e) => e.id) },
  }));
}

/**
 * Many public ratings (the public's own link) from one device, or from one network address, within
 * minutes: one person rating for many, or a rating drive. The source is named only as `device` or
 * `address` — its hash stays in the database — and the evidence lists the ratings and problems.
 */
export function evaluationSourceClusters(
  source: 'device' | 'address',
  entries: { id: number; problemId: number; at: Date | string }[],
  s: Pick<WorkStyleSettings, 'deviceClusterEvaluations' | 'addressClusterEvaluations' | 'clusterMinutes'>,
): FoundFlag[] {
  const least = source === 'device' ? s.deviceClusterEvaluations : s.addressClusterEvaluations;
  return bursts(entries, least, s.clusterMinutes).map((burst) => ({
    kind: 'evaluation_source_cluster',
    key: flagKey('evaluation_source_cluster', source, burst[0].id),
    why:
      source === 'device'
        ? '{{count}} public ratings from one device within {{minutes}} minutes'
        : '{{count}} public ratings from one network address within {{minutes}} minutes',
    params: { count: burst.length, minutes: s.clusterMinutes },
    evidence: { evaluations: burst.map((e) => e.id), problems: [...new Set(burst.map((e) => e.problemId))] },
  }));
}

/** A decision the office takes on a flag: a dismissal needs its reason. Returns the refusal's key, or null. */
export function decisionProblem(decision: unknown, reason: unknown): 'INVALID_DECISION' | 'REASON_REQUIRED' | null {
  if (!FLAG_DECISIONS.includes(decision as FlagDecision)) return 'INVALID_DECISION';
  if (decision === 'dismissed' && !text(reason)) return 'REASON_REQUIRED';
  return null;
}
