import { DEFAULT_SETTINGS } from '../domain/settings';
import { NO_OVERRIDES } from '../domain/workdays';
import { defaultMode, planAssignment } from '../domain/assignment';
import { checkClosure, CONFIRMING_SCORE } from '../domain/closure';
import {
  acceptsFeedback,
  checkRevisit,
  checkScore,
  evaluationFindsUnsolved,
  reopenReason,
  revisitFindsUnsolved,
} from '../domain/feedback';
import { PROBLEM_STATUSES } from '../domain/loop';
import { checkPercent } from '../domain/progress';
import { Refusal, requireValue } from '../domain/refusal';
import {
  BASICALLY_SATISFIED,
  confirmsSolved,
  isDissatisfied,
  isSatisfactionLevel,
  lowestSatisfied,
  SATISFACTION_LEVELS,
} from '../domain/satisfaction';

/** The refusal `fn` throws (a test fails if it throws none). */
function refusalOf(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  }
  throw new Error('not refused');
}

// Friday 2026-11-27, 10:00 in Beijing
const NOW = new Date('2026-11-27T02:00:00Z');

describe('交办: the assignment rules', () => {
  it('a hard problem is guaranteed by a leader unless the office says otherwise', () => {
    expect(defaultMode('hard')).toBe('leader_guarantee');
    expect(defaultMode('quick')).toBe('first_receiver');
    expect(defaultMode(undefined)).toBe('first_receiver');
  });

  it('首接首办: the deadline and the response limit in working days from today', () => {
    const plan = planAssignment({ personId: 7 }, { difficulty: 'quick', unitId: 3 }, DEFAULT_SETTINGS, NOW, NO_OVERRIDES);
    expect(plan).toEqual({
      personId: 7,
      unitId: 3,
      mode: 'first_receiver',
      guarantorId: null,
      goal: null,
      deadline: '2026-12-04', // 5 working days after Friday
      acceptBy: '2026-11-30', // 1 working day: Monday
    });
  });

  it('领导包保: needs a guarantor and a goal, and has the longer deadline', () => {
    expect(
      refusalOf(() => planAssignment({ personId: 7 }, { difficulty: 'hard' }, DEFAULT_SETTINGS, NOW, NO_OVERRIDES)),
    ).toMatchObject({ code: 'REQUIRED', params: { field: 'Guarantor leader' } });
    expect(
      refusalOf(() => planAssignment({ personId: 7, guarantorId: 2 }, { difficulty: 'hard' }, DEFAULT_SETTINGS, NOW, NO_OVERRIDES)),
    ).toMatchObject({ code: 'REQUIRED', params: { field: 'Goal' } });
    const plan = planAssignment(
      { personId: 7, guarantorId: 2, goal: '雨季前修好', unitId: 5 },
      { difficulty: 'hard', unitId: 3 },
      DEFAULT_SETTINGS,
      NOW,
      NO_OVERRIDES,
    );
    expect(plan).toMatchObject({ mode: 'leader_guarantee', guarantorId: 2, goal: '雨季前修好', unitId: 5 });
    expect(plan.deadline > '2026-12-31').toBe(true); // 30 working days
  });

  it('each person and unit is one record by its id: no list, no name, no zero', () => {
    const plan = (values: Record<string, unknown>) => planAssignment(values as never, { difficulty: 'quick' }, DEFAULT_SETTINGS, NOW, NO_OVERRIDES);
    expect(plan({ personId: '7', unitId: '3' })).toMatchObject({ personId: 7, unitId: 3 });
    for (const values of [{ personId: [7, 8] }, { personId: 'abc' }, { personId: 0 }, { personId: 7, unitId: [1] }, { personId: 7.5 }]) {
      expect([values, refusalOf(() => plan(values))]).toEqual([values, expect.objectContaining({ code: 'INVALID_ID' })]);
    }
    expect(
      refusalOf(() => plan({ personId: 7, mode: 'leader_guarantee', guarantorId: [1, 2], goal: '修好' })),
    ).toMatchObject({ code: 'INVALID_ID', params: { field: 'Guarantor leader' } });
  });

  it('needs a responsible person, a known mode and a deadline from today on', () => {
    expect(refusalOf(() => planAssignment({}, {}, DEFAULT_SETTINGS, NOW, NO_OVERRIDES))).toMatchObject({
      code: 'REQUIRED',
      params: { field: 'Responsible person' },
    });
    const mode = 'whoever' as 'first_receiver';
    expect(refusalOf(() => planAssignment({ personId: 7, mode }, {}, DEFAULT_SETTINGS, NOW, NO_OVERRIDES))).toMatchObject({
      code: 'INVALID_VALUE',
      params: { field: 'Handling mode', value: 'whoever' },
    });
    for (const deadline of ['2026-11-26', '27.11.2026', '2026-1-30']) {
      expect(refusalOf(() => planAssignment({ personId: 7, deadline }, {}, DEFAULT_SETTINGS, NOW, NO_OVERRIDES)).code).toBe(
        'INVALID_DEADLINE',
      );
    }
    // today itself is a valid deadline
    expect(planAssignment({ personId: 7, deadline: '2026-11-27' }, {}, DEFAULT_SETTINGS, NOW, NO_OVERRIDES).deadline).toBe(
      '2026-11-27',
    );
  });

  it('counts "today" in the bureau’s time zone', () => {
    // 17:00 UTC on the 26th is already 01:00 on the 27th in Beijing: the 26th is past there
    const lateEvening = new Date('2026-11-26T17:00:00Z');
    expect(
      refusalOf(() => planAssignment({ personId: 7, deadline: '2026-11-26' }, {}, DEFAULT_SETTINGS, lateEvening, NO_OVERRIDES)).code,
    ).toBe('INVALID_DEADLINE');
    const utc = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
    expect(planAssignment({ personId: 7, deadline: '2026-11-26' }, {}, utc, lateEvening, NO_OVERRIDES).deadline).toBe('2026-11-26');
  });
});

describe('报告进展 and required values', () => {
  it('progress is a whole percentage', () => {
    expect([0, 55, 100, '40'].map(checkPercent)).toEqual([0, 55, 100, 40]);
    for (const bad of [-1, 101, 2.5, 'half', undefined])
      expect(refusalOf(() => checkPercent(bad)).code).toBe('INVALID_PERCENT');
  });

  it('a blank value is a missing one', () => {
    expect(requireValue({ a: 'x' }, 'a', 'A')).toBe('x');
    expect(requireValue({ a: 0 }, 'a', 'A')).toBe(0);
    for (const values of [{}, { a: null }, { a: '  ' }, undefined]) {
      expect(refusalOf(() => requireValue(values, 'a', 'A'))).toMatchObject({
        code: 'REQUIRED',
        params: { field: 'A' },
      });
    }
  });
});

describe('销号: closed only once the people concerned say it is solved', () => {
  const revisitOnly = { closeOnSatisfiedEvaluation: false };
  const orEvaluation = { closeOnSatisfiedEvaluation: true };

  it('after a revisit that found it resolved', () => {
    expect(() => checkClosure({ resolvedRevisits: 1, confirmingEvaluations: 0 }, revisitOnly)).not.toThrow();
    expect(() => checkClosure({ resolvedRevisits: 1, confirmingEvaluations: 0 }, orEvaluation)).not.toThrow();
  });

  it('on an evaluation of 基本满意 or better only where the bureau says so', () => {
    expect(refusalOf(() => checkClosure({ resolvedRevisits: 0, confirmingEvaluations: 3 }, revisitOnly))).toMatchObject(
      {
        code: 'CLOSE_NEEDS_REVISIT',
        status: 409,
      },
    );
    expect(() => checkClosure({ resolvedRevisits: 0, confirmingEvaluations: 1 }, orEvaluation)).not.toThrow();
    expect(refusalOf(() => checkClosure({ resolvedRevisits: 0, confirmingEvaluations: 0 }, orEvaluation)).code).toBe(
      'CLOSE_NEEDS_CONFIRMATION',
    );
    expect(CONFIRMING_SCORE).toEqual({ $gte: BASICALLY_SATISFIED });
  });
});

describe('the satisfaction scale (GB/T 39735)', () => {
  it('has five levels', () => {
    expect(SATISFACTION_LEVELS.filter(isSatisfactionLevel)).toEqual([1, 2, 3, 4, 5]);
    for (const bad of [0, 6, 2.5, '3', null]) expect(isSatisfactionLevel(bad)).toBe(false);
  });

  it('满意率 counts from 满意, or from 基本满意 if configured; 基本满意 confirms; 不满意 and worse do not', () => {
    expect(lowestSatisfied()).toBe(4);
    expect(lowestSatisfied(true)).toBe(3);
    expect(SATISFACTION_LEVELS.filter(confirmsSolved)).toEqual([3, 4, 5]);
    expect(SATISFACTION_LEVELS.filter(isDissatisfied)).toEqual([1, 2]);
  });
});

describe('回访 and 群众评价: what they may say and which verdicts reopen', () => {
  it('follow completion only', () => {
    expect(PROBLEM_STATUSES.filter(acceptsFeedback)).toEqual(['done', 'closed', 'reopened']);
  });

  it('a revisit needs an outcome unless it is planned; satisfaction is one of the levels', () => {
    expect(() => checkRevisit({ state: 'pending' })).not.toThrow();
    expect(() => checkRevisit({ state: 'done', outcome: 'resolved', satisfaction: 4 })).not.toThrow();
    expect(() => checkRevisit({ outcome: 'partly_resolved', satisfaction: null })).not.toThrow();
    expect(refusalOf(() => checkRevisit({ state: 'done' }))).toMatchObject({
      code: 'REQUIRED',
      params: { field: 'Outcome' },
    });
    expect(refusalOf(() => checkRevisit({ outcome: 'fine' })).code).toBe('REQUIRED');
    expect(refusalOf(() => checkRevisit({ outcome: 'resolved', satisfaction: 9 })).code).toBe('INVALID_VALUE');
    expect(() => checkScore(5)).not.toThrow();
    expect(refusalOf(() => checkScore(0)).code).toBe('INVALID_SCORE');
  });

  it('a revisit newly recorded 未解决, or an evaluation of 不满意 or worse, finds it unsolved', () => {
    expect(revisitFindsUnsolved({ outcome: 'unresolved', outcomeChanged: true })).toBe(true);
    expect(revisitFindsUnsolved({ outcome: 'unresolved', outcomeChanged: false })).toBe(false);
    expect(revisitFindsUnsolved({ outcome: 'partly_resolved', outcomeChanged: true })).toBe(false);
    expect([1, 2, 3, 4, 5].map(evaluationFindsUnsolved)).toEqual([true, true, false, false, false]);
  });

  it('reopens a done or closed problem where the settings say so, with the reason', () => {
    expect(reopenReason('revisit', 'done', DEFAULT_SETTINGS)).toBe('Revisit found it unresolved');
    expect(reopenReason('evaluation', 'closed', DEFAULT_SETTINGS)).toBe('Public evaluation: dissatisfied');
    // a reopened problem is being handled already; one never completed has no verdict
    expect(reopenReason('revisit', 'reopened', DEFAULT_SETTINGS)).toBeNull();
    expect(reopenReason('evaluation', 'in_progress', DEFAULT_SETTINGS)).toBeNull();
    expect(reopenReason('revisit', 'done', { ...DEFAULT_SETTINGS, reopenOnUnresolvedRevisit: false })).toBeNull();
    expect(
      reopenReason('evaluation', 'done', { ...DEFAULT_SETTINGS, reopenOnDissatisfiedEvaluation: false }),
    ).toBeNull();
    // each verdict reads its own setting
    expect(
      reopenReason('revisit', 'done', { ...DEFAULT_SETTINGS, reopenOnDissatisfiedEvaluation: false }),
    ).not.toBeNull();
  });
});
