import {
  getLoopSettings,
  holidayOverrides,
  localDay,
  onLoopStep,
  tableOf,
  type LoopStepEvent,
} from '@minqing/plugin-three-lists';
import type { Model } from '@nocobase/database';
import { Trigger } from '@nocobase/plugin-workflow';
import {
  inReminderWindow,
  leaderWithoutRevisitKey,
  problemDoneKey,
  revisitDue,
  type RevisitConfig,
} from '../domain/revisit';
import { DEFAULTS } from '../domain/defaults';
import { loadEventContext } from '../services/context';
import { ScanTimers, triggerOnce, type ScanWorkflow } from './scanning';

export type { RevisitConfig };

/**
 * 回访 trigger: a problem reached 已办结 (after N working days) without a revisit; and, in the last
 * days of the campaign, a leader who has not done one ("每位领导至少回访一次").
 */
export class RevisitTrigger extends Trigger {
  static TYPE = 'mq-revisit';
  private timers = new ScanTimers();
  private stopListening = new Map<number, () => void>();

  on(workflow: ScanWorkflow) {
    const config: RevisitConfig = workflow.config ?? {};
    const log = (e: unknown) => this.workflow.getLogger(workflow.id).error(e);
    this.timers.start(workflow, config.intervalMinutes ?? DEFAULTS.intervalMinutes, () => this.scan(workflow), log);
    if (!config.delayDays) {
      // at once: when the core announces a completion, after its commit (the execution sees the done problem)
      const stop = onLoopStep(this.workflow.db, 'complete', ({ problemId, transaction }: LoopStepEvent) => {
        transaction.afterCommit(() => {
          this.scan(workflow, new Date(), [problemId]).catch(log);
        });
      });
      this.stopListening.set(workflow.id, stop);
    }
  }

  off(workflow: ScanWorkflow) {
    this.timers.stop(workflow);
    this.stopListening.get(workflow.id)?.();
    this.stopListening.delete(workflow.id);
  }

  async scan(workflow: ScanWorkflow, now = new Date(), onlyProblems?: number[]) {
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
    )) as { id: number | string; done_at: Date | string }[];
    const holidays = await holidayOverrides(db);
    const due = done.filter((row) =>
      revisitDue(localDay(row.done_at, timeZone), today, config.delayDays ?? 0, holidays),
    );
    const contexts = await loadEventContext(
      db,
      due.map((row) => Number(row.id)),
    );
    const events = due.map((row) => ({
      key: problemDoneKey(workflow.id, row.id, row.done_at),
      context: {
        kind: 'problem_done',
        problemId: Number(row.id),
        ...contexts.get(Number(row.id)),
        date: now.toISOString(),
      },
    }));
    if (!onlyProblems && inReminderWindow(today, config)) events.push(...(await this.leaderEvents(workflow, config)));
    return triggerOnce(this, workflow, events);
  }

  private async leaderEvents(workflow: ScanWorkflow, config: RevisitConfig) {
    const end = config.campaignEndsOn as string;
    const db = this.workflow.db;
    const leaders = await db
      .getRepository('users')
      .find({ filter: { 'roles.name': 'mq_leader' }, fields: ['id', 'nickname'] });
    const V = tableOf(db, 'mq_revisits');
    const rows = (await db.sequelize.query(
      `SELECT DISTINCT ${V.column('revisiterId')} AS id FROM ${V.table} WHERE ${V.column('outcome')} IS NOT NULL`,
      { type: 'SELECT' },
    )) as { id: number }[];
    const revisited = new Set(rows.map((row) => Number(row.id)));
    return leaders
      .filter((leader: Model) => !revisited.has(Number(leader.get('id'))))
      .map((leader: Model) => ({
        key: leaderWithoutRevisitKey(workflow.id, leader.get('id') as number, end),
        context: {
          kind: 'leader_without_revisit',
          leader: leader.toJSON(),
          leaderId: leader.get('id'),
          campaignEndsOn: end,
        },
      }));
  }
}
