import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import dispatchReports from '../collections/mq_dispatch_reports';
import proactiveCandidates from '../collections/mq_proactive_candidates';
import workStyleFlags from '../collections/mq_work_style_flags';
import { BASICALLY_SATISFIED, NO_OVERRIDES } from '@minqing/plugin-three-lists/domain';
import {
  inReminderWindow,
  leaderWithoutRevisitKey,
  problemDoneKey,
  reminderWindow,
  revisitDue,
} from '../domain/revisit';
import {
  DEFAULT_SCAN,
  eventKey,
  LEVELS,
  nextLevel,
  notifiesGuarantor,
  overdueLevel,
  scanConfig,
} from '../domain/supervision';
import { previousMonth } from '../instructions/MonthlyReportInstruction';
import { PRESETS } from '../presets';

describe('who hears of a supervision', () => {
  it('the guarantor leader from 督办 on, and at every level for 领导包保', () => {
    expect(LEVELS.filter((level) => notifiesGuarantor(level, 'first_receiver'))).toEqual(['supervise', 'notify']);
    expect(LEVELS.filter((level) => notifiesGuarantor(level, 'leader_guarantee'))).toEqual([...LEVELS]);
    expect(notifiesGuarantor('reminder', undefined)).toBe(false);
  });

  it('不满意 is an evaluation below 基本满意', () => {
    expect(DEFAULT_SCAN.dissatisfiedBelow).toBe(BASICALLY_SATISFIED);
  });
});

describe('回访 reminders', () => {
  it('a done problem is due at once, or N working days after completion', () => {
    expect(revisitDue('2026-11-27', '2026-11-27', 0, NO_OVERRIDES)).toBe(true);
    expect(revisitDue('2026-11-27', '2026-12-01', 3, NO_OVERRIDES)).toBe(false); // Friday + 3 working days = Wednesday
    expect(revisitDue('2026-11-27', '2026-12-02', 3, NO_OVERRIDES)).toBe(true);
    expect(revisitDue('2026-09-30', '2026-10-08', 1, NO_OVERRIDES)).toBe(true); // over the National Day holiday
    expect(revisitDue('2026-09-30', '2026-10-07', 1, NO_OVERRIDES)).toBe(false);
  });

  it('leaders without a revisit are reminded in the last days before the campaign ends', () => {
    const config = { campaignEndsOn: '2026-12-31', remindDaysBefore: 10 };
    expect(reminderWindow(config)).toEqual({ from: '2026-12-21', to: '2026-12-31' });
    expect(reminderWindow({ campaignEndsOn: '2026-03-05' })).toEqual({ from: '2026-02-23', to: '2026-03-05' });
    expect(['2026-12-20', '2026-12-21', '2026-12-31', '2027-01-01'].map((d) => inReminderWindow(d, config))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(reminderWindow({})).toBeNull();
    expect(inReminderWindow('2026-12-25', {})).toBe(false);
  });

  it('keys each reminder once: per completion, per leader and campaign end', () => {
    expect(problemDoneKey(3, 7, '2026-11-27T02:00:00Z')).toBe('mq-revisit:3:problem:7:2026-11-27T02:00:00.000Z');
    expect(problemDoneKey(3, 7, new Date('2026-12-01T02:00:00Z'))).not.toBe(
      problemDoneKey(3, 7, '2026-11-27T02:00:00Z'),
    );
    expect(leaderWithoutRevisitKey(3, 12, '2026-12-31')).toBe('mq-revisit:3:leader:12:2026-12-31');
  });
});

describe('supervision rules', () => {
  const escalation = { urge: 3, supervise: 7, notify: 15 };

  it('escalates by days overdue: 提醒 → 催办 → 督办 → 通报', () => {
    expect([1, 2, 3, 6, 7, 14, 15, 99].map((d) => overdueLevel(d, escalation))).toEqual([
      'reminder',
      'reminder',
      'urge',
      'urge',
      'supervise',
      'supervise',
      'notify',
      'notify',
    ]);
    expect(nextLevel('reminder')).toBe('urge');
    expect(nextLevel('notify')).toBe('notify');
  });

  it('keys an event by workflow, condition, problem, level and period', () => {
    const e = { condition: 'overdue' as const, problemId: 7, level: 'urge' as const, period: '2026-11-20' };
    expect(eventKey(3, e)).toBe('mq-supervision:3:overdue:7:urge:2026-11-20');
    expect(eventKey(3, { ...e, level: 'supervise' })).not.toBe(eventKey(3, e));
  });

  it('fills a partial configuration with defaults and drops unknown conditions', () => {
    const config = scanConfig({ conditions: ['overdue', 'nonsense' as any], escalation: { urge: 2 } as any });
    expect(config.conditions).toEqual(['overdue']);
    expect(config.escalation).toEqual({ urge: 2, supervise: 7, notify: 15 });
    expect(scanConfig({}).conditions).toEqual(['due_soon', 'overdue']);
  });

  it('reports the month before, across a year', () => {
    expect(previousMonth('2026-03-01')).toEqual(['2026-02-01', '2026-02-28', '2026-02']);
    expect(previousMonth('2027-01-15')).toEqual(['2026-12-01', '2026-12-31', '2026-12']);
  });
});

describe('every title of the supervision plugin speaks zh-CN and en-US', () => {
  const TEMPLATE = /\{\{t\("([^"]+)", \{ ns: "@minqing\/plugin-supervision" \}\)\}\}/g;
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const m of v.matchAll(TEMPLATE)) keys.add(m[1]);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(dispatchReports);
  walk(workStyleFlags);
  walk(proactiveCandidates);
  PRESETS.forEach((p) => keys.add(p.description));
  it.each([...keys])('%s', (key) => {
    expect((enUS as Record<string, string>)[key]).toBeTruthy();
    expect((zhCN as Record<string, string>)[key]).toMatch(/[\u4e00-\u9fff]|^ID$/);
  });
});
