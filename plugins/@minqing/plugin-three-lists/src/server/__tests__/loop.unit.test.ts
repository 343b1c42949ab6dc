import {
  allowedActions,
  COMPLETED_STATUSES,
  DONE_STATUSES,
  HANDLING_STATUSES,
  LOOP,
  LOOP_ACTIONS,
  LOOP_EVENTS,
  nextStatus,
  OPEN_STATUSES,
  PROBLEM_STATUSES,
  STAMPS_OF_STATUS,
  type LoopAction,
  type ProblemStatus,
} from '../domain/loop';
import { isRefusal, LoopRuleError, Refusal } from '../domain/refusal';

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
          expect(error).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', status: 409, params: { status, action } });
        }
      }
    }
  });

  it('has no shortcut from new to closed', () => {
    expect(() => nextStatus('new', 'close')).toThrow(/cannot be close/);
    expect(() => nextStatus('assigned', 'complete')).toThrow(LoopRuleError);
  });
});

describe('the groups of statuses follow from the loop', () => {
  it('open: assigned and not done; handling: where progress and completion are allowed', () => {
    expect(OPEN_STATUSES).toEqual(['assigned', 'in_progress', 'reopened']);
    expect(HANDLING_STATUSES).toEqual(LOOP.complete.from);
    expect(HANDLING_STATUSES).toEqual(LOOP.reportProgress.from);
    expect(OPEN_STATUSES.every((s) => LOOP.assign.from.every((from) => s !== from))).toBe(true);
  });

  it('done: what can be reopened; completed: done, or reopened since', () => {
    expect(DONE_STATUSES).toEqual(LOOP.reopen.from);
    expect(COMPLETED_STATUSES).toEqual([...DONE_STATUSES, 'reopened']);
  });

  it('a status carries the stamps of the steps that lead to it', () => {
    for (const status of PROBLEM_STATUSES) {
      const stamping = LOOP_ACTIONS.filter((action) => LOOP[action].to === status).map((a) => LOOP[a].stamp);
      for (const stamp of stamping) expect(STAMPS_OF_STATUS[status]).toContain(stamp);
    }
    expect(STAMPS_OF_STATUS.new).toEqual([]);
  });

  it('announces every step under its own name', () => {
    expect(Object.keys(LOOP_EVENTS).sort()).toEqual([...LOOP_ACTIONS].sort());
    expect(new Set(Object.values(LOOP_EVENTS)).size).toBe(LOOP_ACTIONS.length);
  });
});

describe('a refusal', () => {
  it('is one whatever it was called, and keeps its words', () => {
    const refusal = new Refusal('X', 'Setting {{key}} must be {{rule}}', { key: 'a', rule: ['1', '2'] }, 409, 'ns');
    expect(refusal).toBeInstanceOf(LoopRuleError);
    expect(refusal.message).toBe('Setting a must be 1 / 2');
    expect(refusal.logLevel).toBe('info');
    expect(isRefusal(refusal)).toBe(true);
    expect(isRefusal(Object.assign(new Error('x'), { name: 'LoopRuleError' }))).toBe(true);
    expect(isRefusal(new Error('x'))).toBe(false);
  });
});
