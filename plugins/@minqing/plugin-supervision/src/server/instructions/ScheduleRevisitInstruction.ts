import { addWorkingDays, holidayOverrides, localDay } from '@minqing/plugin-three-lists';
import { Instruction, JOB_STATUS, type FlowNodeModel, type Processor } from '@nocobase/plugin-workflow';
import { DEFAULTS } from '../domain/defaults';
import { notify } from '../services/notify';

/**
 * 安排回访: plans a revisit of a done problem for a leader, due in N working days; one planned
 * revisit per problem at a time. Config: problemId, revisiterId (default: the guarantor, else the
 * one who reported it), days.
 */
export class ScheduleRevisitInstruction extends Instruction {
  static TYPE = 'mq-schedule-revisit';

  async run(node: FlowNodeModel, input: unknown, processor: Processor) {
    const config = processor.getParsedValue(
      {
        problemId: '{{$context.problemId}}',
        revisiterId: '{{$context.guarantorId}}',
        days: DEFAULTS.revisitDueDays,
        ...node.config,
      },
      node.id,
    );
    const db = this.workflow.db;
    const transaction = processor.transaction;
    const problemId = Number(config.problemId);
    const revisits = db.getRepository('mq_revisits');
    const planned = await revisits.findOne({ filter: { problemId, state: 'pending' }, transaction });
    if (planned) return { status: JOB_STATUS.RESOLVED, result: planned.toJSON() };
    const problem = await db.getRepository('mq_problems').findOne({ filterByTk: problemId, transaction });
    const revisiterId = Number(config.revisiterId) || (problem?.get('createdById') as number) || null;
    const record = await revisits.create({
      values: {
        problemId,
        revisiterId,
        state: 'pending',
        dueOn: addWorkingDays(
          localDay(new Date()),
          Number(config.days) || DEFAULTS.revisitDueDays,
          await holidayOverrides(db),
        ),
      },
      transaction,
    });
    await notify(
      this.workflow.app,
      [revisiterId],
      (t) => ({
        title: t('[{{level}}] {{code}} {{title}}', {
          level: t('Revisit'),
          code: problem?.get('code'),
          title: problem?.get('title'),
        }),
        content: t('Please revisit by {{day}}.', { day: record.get('dueOn') }),
      }),
      transaction,
    );
    return { status: JOB_STATUS.RESOLVED, result: record.toJSON() };
  }
}
