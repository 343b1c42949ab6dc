/**
 * 交办: who handles a problem, how, and by when. 首接首办 (the first receiver handles it at once) or
 * 领导包保 (a leader guarantees it, with a goal, "一抓到底"); deadlines in working days. Pure: the
 * adapter (services/loop.ts) checks that the people and the unit exist and writes the result.
 */
import type { LoopSettings } from './settings';
import { recordIdOf, Refusal, requireValue } from './refusal';
import { deadlineAfter, isDay, localDay, type HolidayOverrides } from './workdays';

export const FIRST_RECEIVER = 'first_receiver';
export const LEADER_GUARANTEE = 'leader_guarantee';
/** 首接首办 / 领导包保 */
export const HANDLING_MODES = [FIRST_RECEIVER, LEADER_GUARANTEE] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];

export interface AssignValues {
  personId?: number;
  unitId?: number;
  mode?: HandlingMode;
  guarantorId?: number;
  goal?: string;
  /** YYYY-MM-DD; default: the working-day deadline of the mode */
  deadline?: string;
}

/** The responsibility an assignment creates (责任清单). */
export interface Assignment {
  personId: number;
  unitId: number | null;
  mode: HandlingMode;
  guarantorId: number | null;
  goal: string | null;
  deadline: string;
  /** the day by which the responsible party must accept (响应时限) */
  acceptBy: string;
}

/** A hard problem (一时难解) is guaranteed by a leader unless the office says otherwise. */
export function defaultMode(difficulty: unknown): HandlingMode {
  return difficulty === 'hard' ? LEADER_GUARANTEE : FIRST_RECEIVER;
}

export function deadlineDays(mode: HandlingMode, settings: LoopSettings): number {
  return mode === LEADER_GUARANTEE ? settings.leaderGuaranteeDeadlineDays : settings.firstReceiverDeadlineDays;
}

/**
 * What assigning `problem` with `values` at `now` means, or the refusal that names what is
 * missing or wrong: a responsible person; a known mode; for 领导包保 a guarantor and a goal; a
 * deadline from today on.
 */
export function planAssignment(
  values: AssignValues,
  problem: { difficulty?: unknown; unitId?: number | null },
  settings: LoopSettings,
  now: Date,
  /** the office's holiday table (services/holidays.ts) */
  holidays: HolidayOverrides,
): Assignment {
  const personId = recordIdOf(requireValue(values, 'personId', 'Responsible person'), 'Responsible person');
  const unitId = values.unitId == null || (values.unitId as unknown) === '' ? null : recordIdOf(values.unitId, 'Responsible unit');
  const mode = values.mode ?? defaultMode(problem.difficulty);
  if (!(HANDLING_MODES as readonly unknown[]).includes(mode)) {
    throw new Refusal(
      'INVALID_VALUE',
      '{{field}} has no option {{value}}',
      { field: 'Handling mode', value: mode },
      400,
    );
  }
  if (mode === LEADER_GUARANTEE) {
    recordIdOf(requireValue(values, 'guarantorId', 'Guarantor leader'), 'Guarantor leader');
    requireValue(values, 'goal', 'Goal');
  }
  const deadline = values.deadline ?? deadlineAfter(now, deadlineDays(mode, settings), holidays, settings.timeZone);
  if (!isDay(deadline) || deadline < localDay(now, settings.timeZone)) {
    throw new Refusal('INVALID_DEADLINE', 'The deadline must be a day from today on (YYYY-MM-DD)', {}, 400);
  }
  return {
    personId,
    unitId: unitId ?? problem.unitId ?? null,
    mode,
    guarantorId: values.guarantorId == null ? null : recordIdOf(values.guarantorId, 'Guarantor leader'),
    goal: values.goal ?? null,
    deadline,
    acceptBy: deadlineAfter(now, settings.responseLimitDays, holidays, settings.timeZone),
  };
}
