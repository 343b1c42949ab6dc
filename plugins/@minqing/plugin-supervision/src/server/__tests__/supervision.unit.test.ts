import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import dispatchReports from '../collections/mq_dispatch_reports';
import { eventKey, nextLevel, overdueLevel, scanConfig } from '../domain/supervision';
import { previousMonth } from '../instructions/MonthlyReportInstruction';
import { PRESETS } from '../presets';

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
  PRESETS.forEach((p) => keys.add(p.description));
  it.each([...keys])('%s', (key) => {
    expect(enUS[key]).toBeTruthy();
    expect(zhCN[key]).toMatch(/[\u4e00-\u9fff]|^ID$/);
  });
});
