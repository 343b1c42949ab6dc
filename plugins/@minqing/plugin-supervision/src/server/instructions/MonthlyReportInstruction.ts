import { computeStats, localDay } from '@minqing/plugin-three-lists';
import type { Model } from '@nocobase/database';
import { Instruction, JOB_STATUS, type FlowNodeModel, type Processor } from '@nocobase/plugin-workflow';
import { notify } from '../services/notify';
import { systemLanguage, wordsIn, type Words } from '../services/words';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** The calendar month before `day` (YYYY-MM-DD) as [first, last, YYYY-MM]. */
export function previousMonth(day: string): [string, string, string] {
  const [y, m] = day.split('-').map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return [`${year}-${mm}-01`, `${year}-${mm}-${String(last).padStart(2, '0')}`, `${year}-${mm}`];
}

/**
 * 每月调度: the figures of last month (mqStats, by unit), saved as a report and sent to every
 * leader in-app. Config: none needed.
 */
export class MonthlyReportInstruction extends Instruction {
  static TYPE = 'mq-monthly-report';

  async run(node: FlowNodeModel, input: unknown, processor: Processor) {
    const db = this.workflow.db;
    const [from, to, month] = previousMonth(localDay(processor.execution?.context?.date ?? new Date()));
    const stats = await computeStats(db, { from, to, groupBy: 'unit' });
    const f = stats.overall.figures;
    const summaryIn = (t: Words) =>
      [
        t('{{assigned}} problems assigned, {{overdue}} overdue', {
          assigned: stats.overall.counts.assigned,
          overdue: f.overdueCount,
        }),
        t(
          'Response rate {{response}}, on-time completion rate {{onTime}}, resolution rate {{resolution}}, satisfaction rate {{satisfaction}}, revisit rate {{revisit}}',
          {
            response: pct(f.responseRate),
            onTime: pct(f.onTimeRate),
            resolution: pct(f.resolutionRate),
            satisfaction: pct(f.satisfactionRate),
            revisit: pct(f.revisitRate),
          },
        ),
        t('Leader revisit coverage {{rate}}', { rate: pct(stats.leaderRevisitCoverage.rate) }),
      ].join('\n');
    // the record in the system's language; each leader's message in their own
    const t = wordsIn(await systemLanguage(db, processor.transaction));
    const report = await db.getRepository('mq_dispatch_reports').create({
      values: {
        title: t('Monthly dispatch {{month}}', { month }),
        month,
        problems: stats.overall.counts.assigned,
        overdue: f.overdueCount,
        summary: summaryIn(t),
        figures: { overall: stats.overall, groups: stats.groups, leaderRevisitCoverage: stats.leaderRevisitCoverage },
      },
      transaction: processor.transaction,
    });
    const leaders = await db.getRepository('users').find({ filter: { 'roles.name': 'mq_leader' }, fields: ['id'] });
    await notify(
      this.workflow.app,
      leaders.map((l: Model) => l.get('id') as number),
      (words) => ({ title: words('[Monthly dispatch] {{month}}', { month }), content: summaryIn(words) }),
      processor.transaction,
    );
    return { status: JOB_STATUS.RESOLVED, result: report.toJSON() };
  }
}
