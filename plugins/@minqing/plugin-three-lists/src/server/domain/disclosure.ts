/**
 * What the public may see (公开): only problems an administrator published with a title and a
 * summary written for the public, through an explicit whitelist of fields; figures only where the
 * sample is large enough to say something about the service rather than about one person; counts
 * of small groups (students in difficulty) never exactly. Pure: the public endpoints
 * (plugin-publicity) and the care ledger's statistics (plugin-warm-hearts) build their answers
 * with these; nothing of a record is passed through as it is, so a field an administrator adds
 * later (a complainant's phone, an internal note) can never reach a public page.
 */
import { average, enoughSample, RATE_FIGURES, SAMPLE_OF, type Figures, type RateFigure } from './figures';

/** A problem is public only when published with both public texts (the internal title may name a person). */
export const PUBLISHED_FILTER = {
  isPublic: true,
  publicTitle: { $notEmpty: true },
  publicSummary: { $notEmpty: true },
} as const;

const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

/** Whether a problem carries what publishing needs: a public title and a public summary. */
export function hasPublicText(problem: { publicTitle?: unknown; publicSummary?: unknown }): boolean {
  return filled(problem.publicTitle) && filled(problem.publicSummary);
}

/** The fields of a published problem read for the public: nothing else is loaded. */
export const PUBLIC_PROBLEM_FIELDS = [
  'id',
  'code',
  'publicTitle',
  'publicSummary',
  'category',
  'status',
  'unitId',
  'createdAt',
  'doneAt',
  'closedAt',
  'publishedAt',
] as const;

type Instant = Date | string | number | null | undefined;
const instant = (value: Instant) => (value ? new Date(value).toISOString() : null);

export interface PublicUnit {
  id: number;
  name: string;
}

/** A published problem as the public sees it: its public texts, where and when, and the public's scores. */
export function publicProblem(
  p: { [K in (typeof PUBLIC_PROBLEM_FIELDS)[number]]?: unknown },
  unit: PublicUnit | null,
  scores: { count: number; sum: number } | undefined,
) {
  return {
    code: p.code as string,
    title: p.publicTitle as string,
    summary: p.publicSummary as string,
    category: p.category as string,
    status: p.status as string,
    unit,
    reportedAt: instant(p.createdAt as Instant),
    doneAt: instant(p.doneAt as Instant),
    closedAt: instant(p.closedAt as Instant),
    publishedAt: instant(p.publishedAt as Instant),
    evaluations: scores?.count ?? 0,
    evaluationAverage: scores ? average(scores.sum, scores.count) : null,
  };
}

/** The fields of a typical case (先进典型) read for the public. */
export const PUBLIC_CASE_FIELDS = ['id', 'title', 'story', 'outcome', 'category', 'unitId', 'publishedAt'] as const;

export function publicCase(
  c: { [K in (typeof PUBLIC_CASE_FIELDS)[number]]?: unknown },
  unit: PublicUnit | null,
  photoUrls: unknown[],
) {
  return {
    id: Number(c.id),
    title: c.title as string,
    story: (c.story as string) ?? '',
    outcome: (c.outcome as string) ?? '',
    category: c.category as string,
    unit,
    publishedAt: instant(c.publishedAt as Instant),
    photos: photoUrls.filter((url): url is string => typeof url === 'string'),
  };
}

/** A rate for the public: null when it stands on fewer problems than the minimum (a unit with 1 problem is not "100%"). */
export function discloseRate(value: number | null, problems: number, minSample: number): number | null {
  return enoughSample(problems, minSample) ? value : null;
}

/** The figures the public sees: the five rates (each judged by its own sample), the samples, overdue work and the average days. */
export function publicFigures(figures: Figures, minSample: number) {
  return {
    ...(Object.fromEntries(
      RATE_FIGURES.map((rate) => [rate, discloseRate(figures[rate], figures.problemSamples[SAMPLE_OF[rate]], minSample)]),
    ) as Record<RateFigure, number | null>),
    samples: { ...figures.samples },
    problemSamples: { ...figures.problemSamples },
    // the public sees how many ratings came from itself, and "solved before anyone asked"
    fromPublic: {
      satisfactionRate: discloseRate(
        figures.fromPublic.satisfactionRate,
        figures.problemSamples.publicSatisfaction,
        minSample,
      ),
      rated: figures.fromPublic.rated,
      ratedByStaff: figures.fromPublic.ratedByStaff,
    },
    proactive: { ...figures.proactive },
    overdueCount: figures.overdueCount,
    // how long the overdue ones are overdue, in buckets: no problem and no office named
    overdueByAge: figures.overdueByAge.map((a) => ({ ...a })),
    avgDaysToAccept: figures.avgDaysToAccept,
    avgDaysToComplete: figures.avgDaysToComplete,
  };
}

/** A count of people in a small group is not shown: "fewer than N" (never for zero). */
export function suppressSmall(count: number, minGroupSize: number): number | string {
  return count > 0 && count < minGroupSize ? `<${minGroupSize}` : count;
}
