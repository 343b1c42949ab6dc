import { Instruction, JOB_STATUS, type FlowNodeModel, type Processor } from '@nocobase/plugin-workflow';
import { LEVELS, nextLevel, type Level } from '../domain/supervision';
import { DEFAULTS } from '../domain/defaults';
import { issueSupervision } from './IssueSupervisionInstruction';

/**
 * 升级: issues the next level after the problem's latest supervision (提醒 → 催办 → 督办 → 通报);
 * from 督办 on, and always for 领导包保, the guarantor leader is brought in.
 * Config: problemId (variable), responseDays.
 */
export class EscalateInstruction extends Instruction {
  static TYPE = 'mq-escalate';

  async run(node: FlowNodeModel, input: unknown, processor: Processor) {
    const config = processor.getParsedValue(
      { problemId: '{{$context.problemId}}', responseDays: DEFAULTS.responseDays, ...node.config },
      node.id,
    );
    const problemId = Number(config.problemId);
    const latest = await this.workflow.db
      .getRepository('mq_supervisions')
      .findOne({ filter: { problemId }, sort: ['-issuedAt', '-id'], transaction: processor.transaction });
    const current = (latest?.get('level') as Level) ?? null;
    const level = current && LEVELS.includes(current) ? nextLevel(current) : 'reminder';
    const record = await issueSupervision(this.workflow, processor.transaction, {
      problemId,
      level,
      reason: (latest?.get('reason') as string) ?? 'overdue',
      responseDays: Number(config.responseDays) || DEFAULTS.responseDays,
    });
    return { status: JOB_STATUS.RESOLVED, result: record };
  }
}
