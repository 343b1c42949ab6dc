import { computeStats, getLoopSettings, localDay, nextDay, startOfLocalDay } from '@minqing/plugin-three-lists';
import type { Database, Model } from '@nocobase/database';
import { Instruction, JOB_STATUS, type FlowNodeModel, type Processor } from '@nocobase/plugin-workflow';
import { notify } from '../services/notify';

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
    const summary = [
      `问题 ${stats.overall.counts.assigned} 件已交办，逾期 ${f.overdueCount} 件`,
      `响应率 ${pct(f.responseRate)}，按期办结率 ${pct(f.onTimeRate)}，解决率 ${pct(f.resolutionRate)}，满意率 ${pct(f.satisfactionRate)}，回访率 ${pct(f.revisitRate)}`,
      `领导回访覆盖率 ${pct(stats.leaderRevisitCoverage.rate)}`,
      `评价 ${f.fromPublic.rated + f.fromPublic.ratedByStaff} 条，其中群众本人 ${f.fromPublic.rated} 条（满意率 ${pct(f.fromPublic.satisfactionRate)}）；未诉先办 ${f.proactive.count} 件（${pct(f.proactive.share)}）`,
      `作风监督：新发现 ${workStyle.flags} 项，待认定 ${workStyle.open} 项；未诉先办线索 ${workStyle.candidates} 条`,
    ].join('\n');
    const report = await db.getRepository('mq_dispatch_reports').create({
      values: {
        title: `${month} 每月调度`,
        month,
        problems: stats.overall.counts.assigned,
        overdue: f.overdueCount,
        summary,
        figures: {
          overall: stats.overall,
          groups: stats.groups,
          leaderRevisitCoverage: stats.leaderRevisitCoverage,
          workStyle,
        },
      },
      transaction: processor.transaction,
    });
    const leaders = await db.getRepository('users').find({ filter: { 'roles.name': 'mq_leader' }, fields: ['id'] });
    await notify(
      this.workflow.app,
      leaders.map((l: Model) => l.get('id') as number),
      `【每月调度】${month}`,
      summary,
      processor.transaction,
    );
    return { status: JOB_STATUS.RESOLVED, result: report.toJSON() };
  }
}
