import { computeStats, getLoopSettings, localDay, nextDay, startOfLocalDay } from '@minqing/plugin-three-lists';
import type { Database, Model } from '@nocobase/database';
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

/** 作风监督 in 每月调度: the flags found in the month by kind, those still to decide, the 未诉先办 candidates. */
export async function monthOfWorkStyle(db: Database, from: string, to: string) {
  const { timeZone } = await getLoopSettings(db);
  const detectedAt = { $gte: startOfLocalDay(from, timeZone), $lt: startOfLocalDay(nextDay(to), timeZone) };
  const flags = await db
    .getRepository('mq_work_style_flags')
    .find({ filter: { detectedAt }, fields: ['kind', 'state'] });
  const byKind: Record<string, number> = {};
  for (const flag of flags) byKind[flag.get('kind') as string] = (byKind[flag.get('kind') as string] ?? 0) + 1;
  return {
    flags: flags.length,
    open: flags.filter((flag: Model) => flag.get('state') === 'open').length,
    byKind,
    candidates: await db.getRepository('mq_proactive_candidates').count({ filter: { detectedAt } }),
  };
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
    const workStyle = await monthOfWorkStyle(db, from, to);
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
        t(
          '{{ratings}} ratings, {{fromPublic}} from the public themselves (satisfaction rate {{publicRate}}); {{proactive}} problems handled before anyone asked ({{share}})',
          {
            ratings: f.fromPublic.rated + f.fromPublic.ratedByStaff,
            fromPublic: f.fromPublic.rated,
            publicRate: pct(f.fromPublic.satisfactionRate),
            proactive: f.proactive.count,
            share: pct(f.proactive.share),
          },
        ),
        t('Work style: {{flags}} new flags, {{open}} still to decide; {{candidates}} leads for handling before anyone asks', {
          flags: workStyle.flags,
          open: workStyle.open,
          candidates: workStyle.candidates,
        }),
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
