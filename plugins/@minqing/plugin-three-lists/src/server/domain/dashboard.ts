/**
 * 数据看板 for one viewer: one scope (the bureau, or the units the viewer works with), every
 * figure counted in it, each rate with its sample, and a rate of a small sample marked and not
 * shown (discloseRate: a unit with one problem is not "100%"). Pure: services/dashboard.ts counts.
 */
import { discloseRate } from './disclosure';
import { enoughSample, RATE_FIGURES, SAMPLE_OF, type Figures, type RateFigure } from './figures';

/** Whose figures: the office and administrators see the bureau; a leader the units they work with. */
export type DashboardScope = { kind: 'bureau' } | { kind: 'units'; unitIds: number[] };

/** Roles that read the whole bureau's figures. */
export const BUREAU_WIDE_ROLES = ['root', 'admin', 'mq_admin'] as const;

export function dashboardScope(roles: readonly (string | null | undefined)[], myUnitIds: number[]): DashboardScope {
  if (roles.some((role) => (BUREAU_WIDE_ROLES as readonly string[]).includes(role ?? ''))) return { kind: 'bureau' };
  return { kind: 'units', unitIds: [...new Set(myUnitIds)].sort((a, b) => a - b) };
}

/** The English source (locale key) of each rate's name. */
export const RATE_LABELS: Record<RateFigure, string> = {
  responseRate: 'Response rate',
  onTimeRate: 'On-time completion rate',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction rate',
  revisitRate: 'Revisit rate',
};

export interface ShownRate {
  key: RateFigure;
  /** null when the sample is below the minimum (or empty): shown as "small sample", never as a percentage */
  value: number | null;
  sample: number;
  /** the problems behind the rate, in which the minimum is counted */
  problems: number;
  smallSample: boolean;
}

export function shownRates(figures: Figures, minSample: number): ShownRate[] {
  return RATE_FIGURES.map((key) => {
    const sample = figures.samples[SAMPLE_OF[key]];
    const problems = figures.problemSamples[SAMPLE_OF[key]];
    return {
      key,
      value: discloseRate(figures[key], problems, minSample),
      sample,
      problems,
      smallSample: !enoughSample(problems, minSample),
    };
  });
}

export interface Category {
  value: string | number;
  label: string;
  count: number;
}

/**
 * Every option of a list in its order, with 0 where nothing was counted, then values that are no
 * option any more (an administrator removed it) under their stored value; null counts as ''.
 */
export function everyCategory(
  options: readonly { value: string | number; label: string }[],
  counts: Map<string, number>,
  label: (source: string) => string,
): Category[] {
  const known = new Set(options.map((o) => String(o.value)));
  return [
    ...options.map((o) => ({ value: o.value, label: label(o.label), count: counts.get(String(o.value)) ?? 0 })),
    ...[...counts]
      .filter(([value, count]) => !known.has(value) && count > 0)
      .map(([value, count]) => ({ value, label: value === '' ? label('Not set') : value, count })),
  ];
}
