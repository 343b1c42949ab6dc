/**
 * 未诉先办 (seed 二(二)): problems found before anyone complains. Pure rules over the problems
 * already recorded; each candidate carries its evidence, and one click of the office turns it into
 * a proactive problem (source 未诉先办).
 */
import type { WorkStyleSettings } from './settings';
import { groupInto } from './group';

export const CANDIDATE_KINDS = [
  'recurring_at_unit', // the same category at the same unit, again and again within the window
  'rising_category', // a category rising across units
  'unseen_by_visits', // what the public complains of and no visit ever found
] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export const CANDIDATE_STATES = ['open', 'adopted', 'dismissed'] as const;

/** A problem as the detection reads it. */
export interface ProblemFacts {
  id: number;
  category: string | null;
  unitId: number | null;
  source: string | null;
  createdAt: Date | string;
}

export interface FoundCandidate {
  kind: CandidateKind;
  /** stable while the evidence is the same situation: a decision on it stays */
  key: string;
  category: string;
  unitId?: number | null;
  why: string;
  params: Record<string, string | number>;
  evidence: { problems: number[] } & Record<string, unknown>;
}

const DAY = 86_400_000;
const time = (at: Date | string) => new Date(at).getTime();

/** The sources that are a complaint from the public, and those a visit or research found. */
export const COMPLAINT_SOURCES = ['complaint'] as const;
export const FOUND_BY_VISITS_SOURCES = ['visit', 'research'] as const;

/**
 * Problems of one category recurring at one unit: at least N within the window ending now.
 * The key names the unit, the category and the window's first problem, so a decision on a
 * situation stays, and a new recurrence after it is a new candidate.
 */
export function recurringAtUnit(
  problems: ProblemFacts[],
  now: Date,
  s: Pick<WorkStyleSettings, 'recurringDays' | 'recurringAtUnit'>,
): FoundCandidate[] {
  const from = now.getTime() - s.recurringDays * DAY;
  const groups = new Map<string, ProblemFacts[]>();
  for (const p of problems) {
    if (!p.unitId || !p.category || p.category === 'other' || time(p.createdAt) < from) continue;
    const k = `${p.unitId}:${p.category}`;
    groupInto(groups, k, p);
  }
  const found: FoundCandidate[] = [];
  for (const group of groups.values()) {
    if (group.length < s.recurringAtUnit) continue;
    const ids = group.map((p) => p.id).sort((a, b) => a - b);
    const { unitId, category } = group[0];
    found.push({
      kind: 'recurring_at_unit',
      key: ['recurring_at_unit', unitId, category, ids[0]].join(':'),
      category: category as string,
      unitId,
      why: '{{count}} problems of this category at this unit within {{days}} days',
      params: { count: ids.length, days: s.recurringDays },
      evidence: { problems: ids },
    });
  }
  return found;
}

/**
 * A category rising across units: within the window, problems at N units or more, and at least
 * `risingFactor` times as many as in the window before.
 */
export function risingCategories(
  problems: ProblemFacts[],
  now: Date,
  s: Pick<WorkStyleSettings, 'risingDays' | 'risingUnits' | 'risingFactor'>,
): FoundCandidate[] {
  const end = now.getTime();
  const from = end - s.risingDays * DAY;
  const before = from - s.risingDays * DAY;
  const current = new Map<string, ProblemFacts[]>();
  const previous = new Map<string, number>();
  for (const p of problems) {
    if (!p.category || p.category === 'other') continue;
    const at = time(p.createdAt);
    // up to now and whatever a database's rounding puts a moment after it
    if (at >= from) groupInto(current, p.category, p);
    else if (at >= before && at < from) previous.set(p.category, (previous.get(p.category) ?? 0) + 1);
  }
  const found: FoundCandidate[] = [];
  for (const [category, group] of current) {
    const units = new Set(group.map((p) => p.unitId).filter(Boolean));
    const earlier = previous.get(category) ?? 0;
    if (units.size < s.risingUnits || group.length < s.risingFactor * Math.max(1, earlier)) continue;
    const ids = group.map((p) => p.id).sort((a, b) => a - b);
    found.push({
      kind: 'rising_category',
      key: ['rising_category', category, ids[0]].join(':'),
      category,
      why: '{{count}} problems at {{units}} units within {{days}} days, {{earlier}} in the days before',
      params: { count: ids.length, units: units.size, days: s.risingDays, earlier },
      evidence: { problems: ids, units: [...units].sort((a, b) => Number(a) - Number(b)) },
    });
  }
  return found;
}

/** A category the public complains of (at least N complaints in the window) that no visit or research found there. */
export function unseenByVisits(
  problems: ProblemFacts[],
  now: Date,
  s: Pick<WorkStyleSettings, 'recurringDays' | 'unseenComplaints'>,
): FoundCandidate[] {
  const from = now.getTime() - s.recurringDays * DAY;
  const complaints = new Map<string, ProblemFacts[]>();
  const seen = new Set<string>();
  for (const p of problems) {
    if (!p.category || p.category === 'other' || time(p.createdAt) < from) continue;
    if ((COMPLAINT_SOURCES as readonly (string | null)[]).includes(p.source)) {
      groupInto(complaints, p.category, p);
    }
    if ((FOUND_BY_VISITS_SOURCES as readonly (string | null)[]).includes(p.source)) seen.add(p.category);
  }
  const found: FoundCandidate[] = [];
  for (const [category, group] of complaints) {
    if (seen.has(category) || group.length < s.unseenComplaints) continue;
    const ids = group.map((p) => p.id).sort((a, b) => a - b);
    found.push({
      kind: 'unseen_by_visits',
      key: ['unseen_by_visits', category, ids[0]].join(':'),
      category,
      why: '{{count}} complaints of this category within {{days}} days; no visit found it',
      params: { count: ids.length, days: s.recurringDays },
      evidence: { problems: ids },
    });
  }
  return found;
}

/** What the proactive problem made from a candidate says: its title and its evidence, in words. */
export function proactiveProblemText(c: {
  kind: CandidateKind;
  categoryLabel: string;
  unitName?: string | null;
  evidenceCodes: string[];
}) {
  const where = c.unitName ? `${c.unitName}：` : '';
  const title =
    c.kind === 'recurring_at_unit'
      ? `${where}${c.categoryLabel}问题反复出现（未诉先办）`
      : c.kind === 'rising_category'
        ? `${c.categoryLabel}问题多校上升（未诉先办）`
        : `${c.categoryLabel}：群众反映而走访未发现（未诉先办）`;
  const description = `依据：${c.evidenceCodes.join('、')}`;
  return { title, description };
}

/**
 * A found candidate is the situation of an earlier one (same kind, unit and category, sharing a
 * problem): the earlier decision stays, an open one takes the new evidence. A window that slides
 * on does not bring back what the office dismissed.
 */
export function sameSituation(
  earlier: { kind: string; unitId?: number | null; category: string | null; problems: number[] },
  found: FoundCandidate,
) {
  if (
    earlier.kind !== found.kind ||
    (earlier.unitId ?? null) !== (found.unitId ?? null) ||
    earlier.category !== found.category
  ) {
    return false;
  }
  const ids = new Set(earlier.problems.map(Number));
  return found.evidence.problems.some((id) => ids.has(id));
}
