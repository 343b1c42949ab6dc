/**
 * The figures the bureau is judged by (DOMAIN.md), computed from counts that the database
 * aggregates. Pure: the SQL in services/stats.ts only counts; every ratio is decided here.
 */
import { lowestSatisfied } from './satisfaction';

/**
 * How long the overdue ones are overdue, in the bureau's days past the deadline: the buckets the
 * public page and the figures report (a week, a month, longer). Upper bounds inclusive.
 */
export const OVERDUE_AGES = [
  { key: '1-7', upTo: 7 },
  { key: '8-30', upTo: 30 },
  { key: '31+', upTo: null },
] as const;
export type OverdueAge = (typeof OVERDUE_AGES)[number]['key'];

/** Counts for one group (a unit, a region, a category, a month, or everything). */
export interface GroupCounts {
  /** problems assigned (交办) */
  assigned: number;
  /** of those, accepted by the responsible party within the response limit */
  acceptedInTime: number;
  /** problems done, or whose deadline has passed while open */
  dueOrDone: number;
  /** problems done by their deadline */
  doneOnTime: number;
  revisits: number;
  /** revisits with outcome 已解决 */
  revisitsResolved: number;
  /** ratings (evaluation scores and revisit satisfaction) by level: index 1 = 非常不满意 … 5 = 非常满意 */
  ratingsByLevel: [number, number, number, number, number, number];
  /**
   * of those, the public's own: evaluations the public entered itself (not entered by staff on its
   * behalf, `byStaff`, and not a revisit's satisfaction, which staff record), by level
   */
  publicRatingsByLevel: [number, number, number, number, number, number];
  /** problems found (every status), and of those 未诉先办 (source `proactive`) */
  problems: number;
  proactive: number;
  /** problems with at least one revisit that has an outcome (the problems behind 解决率) */
  revisitedProblems: number;
  /** problems with at least one rating, and with at least one of the public's own (behind 满意率) */
  ratedProblems: number;
  publicRatedProblems: number;
  /** problems that reached 已办结 */
  done: number;
  /** of those, with at least one revisit */
  doneWithRevisit: number;
  /** open problems past their deadline, and the sum and maximum of their days overdue */
  overdue: number;
  overdueDaysSum: number;
  overdueDaysMax: number;
  /** open problems past their deadline by age, in the order of OVERDUE_AGES */
  overdueByAge: number[];
  /** accepted problems and the sum of their days from 交办 to 接收 */
  accepted: number;
  acceptDaysSum: number;
  /** done problems and the sum of their days from 交办 to 办结 */
  completed: number;
  completeDaysSum: number;
}

export interface FigureOptions {
  /** Count 基本满意 (level 3) as satisfied. Default: only 满意 and 非常满意. */
  basicCountsAsSatisfied?: boolean;
}

export interface Figures {
  /** 响应率 */
  responseRate: number | null;
  /** 按期办结率 */
  onTimeRate: number | null;
  /** 解决率 */
  resolutionRate: number | null;
  /** 满意率 */
  satisfactionRate: number | null;
  /** 回访率 */
  revisitRate: number | null;
  overdueCount: number;
  overdueAvgDays: number | null;
  overdueMaxDays: number | null;
  /** the overdue ones by how long they are overdue */
  overdueByAge: { age: OverdueAge; count: number }[];
  avgDaysToAccept: number | null;
  avgDaysToComplete: number | null;
  /** 满意率 of the public's own ratings, and how many ratings came from the public and from staff */
  fromPublic: { satisfactionRate: number | null; rated: number; ratedByStaff: number };
  /** 未诉先办: problems handled before anyone complained, and their share of the problems found */
  proactive: { count: number; share: number | null };
  /** denominators, so a reader (and a league table) can tell 1/1 from 90/100 */
  samples: { response: number; onTime: number; resolution: number; satisfaction: number; revisit: number };
  /**
   * the problems behind each rate: the minimum sample is counted in these (five ratings of one
   * problem are one problem's worth, not five); `publicSatisfaction` is behind fromPublic
   */
  problemSamples: Figures['samples'] & { publicSatisfaction: number };
}

export function emptyCounts(): GroupCounts {
  return {
    assigned: 0,
    acceptedInTime: 0,
    dueOrDone: 0,
    doneOnTime: 0,
    revisits: 0,
    revisitsResolved: 0,
    ratingsByLevel: [0, 0, 0, 0, 0, 0],
    publicRatingsByLevel: [0, 0, 0, 0, 0, 0],
    problems: 0,
    proactive: 0,
    revisitedProblems: 0,
    ratedProblems: 0,
    publicRatedProblems: 0,
    done: 0,
    doneWithRevisit: 0,
    overdue: 0,
    overdueDaysSum: 0,
    overdueDaysMax: 0,
    overdueByAge: OVERDUE_AGES.map(() => 0),
    accepted: 0,
    acceptDaysSum: 0,
    completed: 0,
    completeDaysSum: 0,
  };
}

/** A ratio rounded to 4 places, or null when there is nothing to divide by (never a fake 0% or 100%). */
export function ratio(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 10000) / 10000;
}

/** A mean rounded to 2 places, or null when there is nothing to average. */
export function average(sum: number, count: number): number | null {
  if (!count) return null;
  return Math.round((sum / count) * 100) / 100;
}

/** Adds one group's counts into `total` (the overall figures are those of the sum). */
export function addCounts(total: GroupCounts, c: GroupCounts): GroupCounts {
  for (const field of Object.keys(total) as (keyof GroupCounts)[]) {
    if (field === 'ratingsByLevel' || field === 'publicRatingsByLevel' || field === 'overdueByAge')
      c[field].forEach((n, i) => (total[field][i] += n));
    else if (field === 'overdueDaysMax') total.overdueDaysMax = Math.max(total.overdueDaysMax, c.overdueDaysMax);
    else total[field] += c[field];
  }
  return total;
}

export function computeFigures(c: GroupCounts, options: FigureOptions = {}): Figures {
  const sum = (levels: number[]) => levels.reduce((a, b) => a + b, 0);
  const lowest = lowestSatisfied(options.basicCountsAsSatisfied);
  const rated = sum(c.ratingsByLevel.slice(1));
  const satisfied = sum(c.ratingsByLevel.slice(lowest));
  const publicRated = sum(c.publicRatingsByLevel.slice(1));
  return {
    responseRate: ratio(c.acceptedInTime, c.assigned),
    onTimeRate: ratio(c.doneOnTime, c.dueOrDone),
    resolutionRate: ratio(c.revisitsResolved, c.revisits),
    satisfactionRate: ratio(satisfied, rated),
    revisitRate: ratio(c.doneWithRevisit, c.done),
    overdueCount: c.overdue,
    overdueAvgDays: average(c.overdueDaysSum, c.overdue),
    overdueMaxDays: c.overdue ? c.overdueDaysMax : null,
    overdueByAge: OVERDUE_AGES.map(({ key }, i) => ({ age: key, count: c.overdueByAge[i] ?? 0 })),
    avgDaysToAccept: average(c.acceptDaysSum, c.accepted),
    avgDaysToComplete: average(c.completeDaysSum, c.completed),
    fromPublic: {
      satisfactionRate: ratio(sum(c.publicRatingsByLevel.slice(lowest)), publicRated),
      rated: publicRated,
      ratedByStaff: rated - publicRated,
    },
    proactive: { count: c.proactive, share: ratio(c.proactive, c.problems) },
    samples: {
      response: c.assigned,
      onTime: c.dueOrDone,
      resolution: c.revisits,
      satisfaction: rated,
      revisit: c.done,
    },
    problemSamples: {
      response: c.assigned,
      onTime: c.dueOrDone,
      resolution: c.revisitedProblems,
      satisfaction: c.ratedProblems,
      revisit: c.done,
      publicSatisfaction: c.publicRatedProblems,
    },
  };
}

/**
 * Whether a rate stands on enough problems to be shown as a number and ranked: `minSample`
 * (the one setting, 最少样本) counted in problems, whatever the number of ratings or revisits.
 */
export function enoughSample(problems: number, minSample: number): boolean {
  return problems >= minSample;
}

/** 领导回访覆盖率: leaders with at least one revisit ÷ leaders. */
export function leaderRevisitCoverage(leaders: number, leadersWithRevisit: number) {
  return { rate: ratio(leadersWithRevisit, leaders), leaders, leadersWithRevisit };
}

/** The five rates, in the order the bureau reads them. */
export const RATE_FIGURES = [
  'responseRate',
  'onTimeRate',
  'resolutionRate',
  'satisfactionRate',
  'revisitRate',
] as const;
export type RateFigure = (typeof RATE_FIGURES)[number];

/** The denominator of each rate: a league table and the public page judge a rate by it. */
export const SAMPLE_OF: Record<RateFigure, keyof Figures['samples']> = {
  responseRate: 'response',
  onTimeRate: 'onTime',
  resolutionRate: 'resolution',
  satisfactionRate: 'satisfaction',
  revisitRate: 'revisit',
};

export interface Ranked<K> {
  ranked: { key: K; value: number; sample: number; problems: number; rank: number }[];
  /**
   * groups whose rate stands on fewer problems than the minimum: listed, never ranked (a unit with
   * one problem and five ratings is not "100%")
   */
  insufficientSample: { key: K; value: number | null; sample: number; problems: number }[];
}

/** A league table of one rate; equal values share a rank (1, 2, 2, 4). */
export function rankBy<K>(groups: { key: K; figures: Figures }[], figure: RateFigure, minSample: number): Ranked<K> {
  const rows = groups.map(({ key, figures }) => ({
    key,
    value: figures[figure],
    sample: figures.samples[SAMPLE_OF[figure]],
    problems: figures.problemSamples[SAMPLE_OF[figure]],
  }));
  const eligible = rows
    .filter(
      (r): r is { key: K; value: number; sample: number; problems: number } =>
        r.value !== null && enoughSample(r.problems, minSample),
    )
    .sort((a, b) => b.value - a.value || b.problems - a.problems || b.sample - a.sample);
  const ranked: Ranked<K>['ranked'] = [];
  eligible.forEach((r, i) => {
    ranked.push({ ...r, rank: i > 0 && eligible[i - 1].value === r.value ? ranked[i - 1].rank : i + 1 });
  });
  return {
    ranked,
    insufficientSample: rows.filter((r) => r.value === null || !enoughSample(r.problems, minSample)),
  };
}
