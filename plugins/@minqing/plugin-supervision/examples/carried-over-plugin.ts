/**
 * Example for plugin developers (README › Extending): a trigger and a node built on Minqing's
 * extension points. `src/server/__tests__/extension-example.test.ts` runs it.
 *
 * - Trigger `example-carried-over`: problems carried over from the earlier phase (前期遗留) that
 *   are still not done N days after they were filed.
 * - Node `example-public-notice`: issues a 通报 on the problem, through Minqing's own supervision.
 */
import {
  issueSupervision,
  loadEventContext,
  registerWorkflowExtensions,
  ScanTimers,
  triggerOnce,
} from '@minqing/plugin-supervision';
import { BUREAU_TIME_ZONE, DONE_STATUSES, sqlDialect, tableOf } from '@minqing/plugin-three-lists';
import WorkflowPlugin, {
  Instruction,
  JOB_STATUS,
  Trigger,
  type FlowNodeModel,
  type Processor,
  type WorkflowModel,
} from '@nocobase/plugin-workflow';
import { Plugin } from '@nocobase/server';

export class CarriedOverTrigger extends Trigger {
  private timers = new ScanTimers();

  on(workflow: WorkflowModel) {
    // scan on an interval on every node; event keys make repeats harmless
    this.timers.start(workflow, workflow.config?.intervalMinutes ?? 60, () => this.scan(workflow), console.error);
  }

  off(workflow: WorkflowModel) {
    this.timers.stop(workflow);
  }

  async scan(workflow: WorkflowModel, now = new Date()) {
    const db = this.workflow.db;
    const P = tableOf(db, 'mq_problems');
    const sql = sqlDialect(db, BUREAU_TIME_ZONE);
    // the groups of statuses are the core's vocabulary: "not done" is NOT DONE_STATUSES
    const rows = (await db.sequelize.query(
      `SELECT ${P.column('id')} AS id FROM ${P.table}
       WHERE ${P.column('carriedOver')} = :yes AND NOT ${sql.isIn(P.column('status'), DONE_STATUSES)}
         AND ${P.column('createdAt')} < :before`,
      {
        replacements: { yes: true, before: new Date(now.getTime() - (workflow.config?.days ?? 30) * 86400000) },
        type: 'SELECT',
      },
    )) as { id: number }[];
    const contexts = await loadEventContext(
      db,
      rows.map((r) => Number(r.id)),
    );
    return triggerOnce(
      this,
      workflow,
      rows.map((r) => ({
        // deterministic: once per problem and workflow
        key: `example-carried-over:${workflow.id}:${r.id}`,
        context: { problemId: Number(r.id), ...contexts.get(Number(r.id)) },
      })),
    );
  }
}

export class PublicNoticeInstruction extends Instruction {
  async run(node: FlowNodeModel, input: unknown, processor: Processor) {
    const { problemId } = processor.getParsedValue({ problemId: '{{$context.problemId}}', ...node.config }, node.id);
    const record = await issueSupervision(this.workflow, processor.transaction, {
      problemId: Number(problemId),
      level: 'notify',
      reason: 'overdue',
      responseDays: 3,
    });
    return { status: JOB_STATUS.RESOLVED, result: record };
  }
}

export default class ExampleCarriedOverPlugin extends Plugin {
  async load() {
    const workflow = this.app.pm.get(WorkflowPlugin) as WorkflowPlugin;
    registerWorkflowExtensions(workflow, {
      triggers: { 'example-carried-over': CarriedOverTrigger },
      instructions: { 'example-public-notice': PublicNoticeInstruction },
    });
  }
}
