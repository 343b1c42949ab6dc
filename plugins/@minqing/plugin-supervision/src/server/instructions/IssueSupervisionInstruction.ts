import { addWorkingDays, holidayOverrides, localDay } from '@minqing/plugin-three-lists';
import type { Transaction } from '@nocobase/database';
import type WorkflowPlugin from '@nocobase/plugin-workflow';
import { Instruction, JOB_STATUS, type FlowNodeModel, type Processor } from '@nocobase/plugin-workflow';
import { LEVELS, notifiesGuarantor, type Level } from '../domain/supervision';
import { DEFAULTS } from '../domain/defaults';
import { loadEventContext } from '../services/context';
import { notify } from '../services/notify';

/** the level's name in the locale files: 提醒, 催办, 督办, 通报 */
const LEVEL_WORDS: Record<Level, string> = {
  reminder: 'Reminder',
  urge: 'Urge',
  supervise: 'Supervise',
  notify: 'Public notice',
};

/**
 * 发督办: writes a supervision record (level, reason, response due) and tells the responsible
 * person, and the guarantor leader from 督办 on or for 领导包保, in-app.
 * Config (all may be variables): problemId, level, reason, responseDays.
 */
export class IssueSupervisionInstruction extends Instruction {
  static TYPE = 'mq-issue-supervision';

  async run(node: FlowNodeModel, input: unknown, processor: Processor) {
    const config = processor.getParsedValue(
      {
        problemId: '{{$context.problemId}}',
        level: '{{$context.level}}',
        reason: '{{$context.condition}}',
        responseDays: DEFAULTS.responseDays,
        ...node.config,
      },
      node.id,
    );
    const record = await issueSupervision(this.workflow, processor.transaction, {
      problemId: Number(config.problemId),
      level: LEVELS.includes(config.level) ? config.level : 'reminder',
      reason: config.reason,
      responseDays: Number(config.responseDays) || DEFAULTS.responseDays,
    });
    return { status: JOB_STATUS.RESOLVED, result: record };
  }
}

export async function issueSupervision(
  plugin: WorkflowPlugin,
  transaction: Transaction | null | undefined,
  {
    problemId,
    level,
    reason,
    responseDays,
  }: { problemId: number; level: Level; reason?: string; responseDays: number },
) {
  const db = plugin.db;
  const context = (await loadEventContext(db, [problemId], transaction ?? undefined)).get(problemId);
  if (!context) throw new Error(`problem ${problemId} does not exist`);
  const { problem: p, responsibility, task } = context;
  const now = new Date();
  const record = await db.getRepository('mq_supervisions').create({
    values: {
      problemId,
      responsibilityId: responsibility?.id ?? null,
      taskId: task?.id ?? null,
      level,
      reason: reason || null,
      issuedAt: now,
      responseDueOn: addWorkingDays(localDay(now), responseDays, await holidayOverrides(db)),
    },
    transaction,
  });
  await notify(
    plugin.app,
    [responsibility?.personId, notifiesGuarantor(level, responsibility?.mode) ? responsibility?.guarantorId : null],
    (t) => ({
      title: t('[{{level}}] {{code}} {{title}}', { level: t(LEVEL_WORDS[level]), code: p.code, title: p.title }),
      content: t('Please report how it is being handled by {{day}}.', { day: record.get('responseDueOn') }),
    }),
    transaction,
  );
  return record.toJSON();
}
