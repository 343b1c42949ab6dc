import { addWorkingDays, getLoopSettings, localDay, tableOf } from '@minqing/plugin-three-lists';
import { Trigger } from '@nocobase/plugin-workflow';
import { loadEventContext } from '../services/context';
import { ScanTimers, triggerOnce } from './scanning';

export interface RevisitConfig {
  /** fire this many working days after 办结 (0: at once) */
  delayDays?: number;
  intervalMinutes?: number;
  /** 活动结束日期: before it, every leader who has not revisited anything is reminded */
  campaignEndsOn?: string;
  remindDaysBefore?: number;
}

/**
 * 回访 trigger: a problem reached 已办结 (after N working days) without a revisit; and, in the last
 * days of the campaign, a leader who has not done one ("每位领导至少回访一次").
 */
export class RevisitTrigger extends Trigger {
  static TYPE = 'mq-revisit';
  private timers = new ScanTimers();
  private listeners = new Map<number, (model: any, options: any) => void>();

  on(workflow: any) {
    const config: RevisitConfig = workflow.config ?? {};
    this.timers.start(
      workflow,
      config.intervalMinutes ?? 60,
      () => this.scan(workflow),
      (e) => this.workflow.getLogger(workflow.id).error(e),
    );
    if (!config.delayDays) {
      const listener = (model: any, { transaction }: any) => {
        if (!model.changed('status') || model.get('status') !== 'done') return;
        // after the commit, so that the execution sees the completed problem
        const fire = () =>
          this.scan(workflow, new Date(), [model.get('id')]).catch((e) =>
            this.workflow.getLogger(workflow.id).error(e),
          );
        if (transaction?.afterCommit) transaction.afterCommit(fire);
        else fire();
      };
      this.listeners.set(workflow.id, listener);
      this.workflow.db.on('mq_problems.afterUpdate', listener);
    }
  }

  off(workflow: any) {
    this.timers.stop(workflow);
    const listener = this.listeners.get(workflow.id);
    if (listener) this.workflow.db.off('mq_problems.afterUpdate', listener);
    this.listeners.delete(workflow.id);
  }

  async scan(workflow: any, now = new Date(), onlyProblems?: number[]) {
    const db = this.workflow.db;
    const config: RevisitConfig = workflow.config ?? {};
    const { timeZone } = await getLoopSettings(db);
    const today = localDay(now, timeZone);
    const P = tableOf(db, 'mq_problems');
    const V = tableOf(db, 'mq_revisits');
    const only = onlyProblems?.length ? `AND p.${P.column('id')} IN (:only)` : '';
    const done = (await db.sequelize.query(
      `SELECT p.${P.column('id')} AS id, p.${P.column('doneAt')} AS done_at FROM ${P.table} p
       WHERE p.${P.column('status')} = 'done' ${only}
         AND NOT EXISTS (SELECT 1 FROM ${V.table} v WHERE v.${V.column('problemId')} = p.${P.column('id')})`,
      { replacements: { only: onlyProblems }, type: 'SELECT' },
    )) as any[];
    const due = done.filter((row) => {
      const day = localDay(row.done_at, timeZone);
      return !config.delayDays || addWorkingDays(day, config.delayDays) <= today;
    });
    const contexts = await loadEventContext(
      db,
      due.map((row) => Number(row.id)),
    );
    const events = due.map((row) => ({
      key: `mq-revisit:${workflow.id}:problem:${row.id}:${new Date(row.done_at).toISOString()}`,
      context: {
        kind: 'problem_done',
        problemId: Number(row.id),
        ...contexts.get(Number(row.id)),
        date: now.toISOString(),
      },
    }));
    if (config.campaignEndsOn && !onlyProblems) events.push(...(await this.leaderEvents(workflow, config, today)));
    return triggerOnce(this, workflow, events);
  }

  private async leaderEvents(workflow: any, config: RevisitConfig, today: string) {
    const end = config.campaignEndsOn;
    const start = new Date(`${end}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - (config.remindDaysBefore ?? 10));
    if (today < start.toISOString().slice(0, 10) || today > end) return [];
    const leaders = await this.workflow.db
      .getRepository('users')
      .find({ filter: { 'roles.name': 'mq_leader' }, fields: ['id', 'nickname'] });
    const V = tableOf(this.workflow.db, 'mq_revisits');
    const rows = (await this.workflow.db.sequelize.query(
      `SELECT DISTINCT ${V.column('revisiterId')} AS id FROM ${V.table} WHERE ${V.column('outcome')} IS NOT NULL`,
      { type: 'SELECT' },
    )) as { id: number }[];
    const revisited = new Set(rows.map((row) => Number(row.id)));
    return leaders
      .filter((leader) => !revisited.has(Number(leader.get('id'))))
      .map((leader) => ({
        key: `mq-revisit:${workflow.id}:leader:${leader.get('id')}:${end}`,
        context: {
          kind: 'leader_without_revisit',
          leader: leader.toJSON(),
          leaderId: leader.get('id'),
          campaignEndsOn: end,
        },
      }));
  }
}
