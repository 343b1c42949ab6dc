import {
  allowedActions,
  LoopRuleError,
  nextStatus,
  PROBLEM_STATUSES,
  type LoopAction,
  type ProblemStatus,
} from '../domain/loop';

describe('the loop as a state machine', () => {
  it('walks new → assigned → in_progress → done → closed', () => {
    let s: ProblemStatus = 'new';
    for (const [action, expected] of [
      ['assign', 'assigned'],
      ['accept', 'in_progress'],
      ['reportProgress', 'in_progress'],
      ['complete', 'done'],
      ['close', 'closed'],
    ] as [LoopAction, ProblemStatus][]) {
      s = nextStatus(s, action);
      expect(s).toBe(expected);
    }
  });

  it('reopens a done or closed problem and completes it again', () => {
    expect(nextStatus('done', 'reopen')).toBe('reopened');
    expect(nextStatus('closed', 'reopen')).toBe('reopened');
    expect(nextStatus('reopened', 'reportProgress')).toBe('reopened');
    expect(nextStatus('reopened', 'complete')).toBe('done');
  });

  it('refuses every step the loop does not allow, naming the rule', () => {
    const allowed: Record<ProblemStatus, LoopAction[]> = {
      new: ['assign'],
      assigned: ['accept'],
      in_progress: ['reportProgress', 'complete'],
      done: ['close', 'reopen'],
      closed: ['reopen'],
      reopened: ['reportProgress', 'complete'],
    };
    for (const status of PROBLEM_STATUSES) {
      expect(allowedActions(status)).toEqual(allowed[status]);
      for (const action of ['assign', 'accept', 'reportProgress', 'complete', 'close', 'reopen'] as LoopAction[]) {
        if (allowed[status].includes(action)) continue;
        try {
          nextStatus(status, action);
          throw new Error(`${status} → ${action} should be refused`);
        } catch (error) {
          expect(error).toBeInstanceOf(LoopRuleError);
          expect(error.code).toBe('TRANSITION_NOT_ALLOWED');
          expect(error.status).toBe(409);
          expect(error.params).toMatchObject({ status, action });
        }
      }
    }
  });

  it('has no shortcut from new to closed', () => {
    expect(() => nextStatus('new', 'close')).toThrow(/cannot be close/);
    expect(() => nextStatus('assigned', 'complete')).toThrow(LoopRuleError);
  });
});
