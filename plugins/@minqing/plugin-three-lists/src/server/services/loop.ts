import type { Database, Model, Transaction } from '@nocobase/database';
import { LOOP, LoopRuleError, nextStatus, type LoopAction, type ProblemStatus } from '../domain/loop';
import type { LoopSettings } from '../domain/settings';
import { deadlineAfter, localDay } from '../domain/workdays';
import { getSettings } from './settings';
import { writeTransaction } from './sqlite';

/** Transactions in which the loop itself writes a problem's status: the guard lets only these through. */
const loopTransactions = new WeakSet<Transaction>();

export function isLoopTransaction(transaction?: Transaction | null) {
  return Boolean(transaction && loopTransactions.has(transaction));
}

export interface Actor {
  userId?: number;
}

export interface StepContext {
  problem: Model;
  /** passed to repository writes so that createdBy/updatedBy name the actor */
  context: { state: { currentUser: { id?: number } } };
  transaction: Transaction;
  settings: LoopSettings;
  now: Date;
  actor: Actor;
}

/** Values the step adds to the problem itself (beyond status and its timestamp). */
type StepResult = Record<string, unknown> | void;

export interface TransitionOptions {
  problemId: number | string;
  action: LoopAction;
  actor: Actor;
  /** the caller's ACL data scope: a problem outside it is "not found" for them */
  scope?: Record<string, unknown>;
  /** run inside this transaction instead of a new one (automatic reopen from a revisit) */
  transaction?: Transaction;
}

async function inTransaction<T>(db: Database, parent: Transaction | undefined, fn: (t: Transaction) => Promise<T>) {
  if (parent) {
    loopTransactions.add(parent);
    return fn(parent);
  }
  return writeTransaction(db, async (transaction) => {
    loopTransactions.add(transaction);
    return fn(transaction);
  });
}

/** A write that lost to a concurrent one (SQLite busy, PostgreSQL serialization or deadlock, MySQL deadlock). */
export function isLockConflict(error: any) {
  const code = error?.parent?.code ?? error?.original?.code ?? error?.code;
  return code === 'SQLITE_BUSY' || code === '40001' || code === '40P01' || code === 'ER_LOCK_DEADLOCK';
}

/**
 * Moves one problem one step along the loop, in one transaction: checks the rule, claims the
 * problem so that a concurrent request for the same step loses with a conflict, runs the step's
 * own writes, then stamps status and time through the repository (so hooks and workflows see it).
 */
export async function transition(
  db: Database,
  options: TransitionOptions,
  step: (c: StepContext) => Promise<StepResult>,
) {
  const { problemId, action, actor, scope } = options;
  try {
    return await inTransaction(db, options.transaction, async (transaction) => {
      const repo = db.getRepository('mq_problems');
      const problem = await repo.findOne({ filterByTk: problemId, filter: scope, transaction });
      if (!problem) {
        throw new LoopRuleError(
          'PROBLEM_NOT_FOUND',
          'Problem {{id}} does not exist or is not yours to handle',
          { id: problemId },
          404,
        );
      }
      const from = problem.get('status') as ProblemStatus;
      const to = nextStatus(from, action);
      const now = new Date();
      // rewriting the status it still has takes the row: a concurrent request for the same step
      // waits here, then matches no row (the status moved on) and is told it lost
      const [claimed] = await (repo.model as any).update(
        { status: from, updatedAt: now },
        { where: { id: problem.get('id'), status: from }, transaction, hooks: false },
      );
      if (!claimed) {
        throw new LoopRuleError(
          'CONFLICT',
          'Someone else changed this problem just now; reload it and try again',
          {},
          409,
        );
      }
      const settings = await getSettings(db, transaction);
      const context = { state: { currentUser: { id: actor.userId } } };
      const extra = (await step({ problem, transaction, settings, now, actor, context })) || {};
      const stamp = LOOP[action].stamp;
      const values = { ...extra, ...(to !== from ? { status: to } : {}), ...(stamp ? { [stamp]: now } : {}) };
      await repo.update({ filterByTk: problem.get('id') as number, values, transaction, context });
      return repo.findOne({
        filterByTk: problem.get('id') as number,
        transaction,
        appends: ['responsibilities', 'tasks'],
      });
    });
  } catch (error) {
    if (isLockConflict(error)) {
      throw new LoopRuleError(
        'CONFLICT',
        'Someone else changed this problem just now; reload it and try again',
        {},
        409,
      );
    }
    throw error;
  }
}

function required(values: Record<string, any>, key: string, label: string) {
  const value = values?.[key];
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    throw new LoopRuleError('REQUIRED', '{{field}} is required', { field: label }, 400);
  }
  return value;
}

async function mustExist(db: Database, collection: string, id: unknown, label: string, transaction: Transaction) {
  const record = await db.getRepository(collection).findOne({ filterByTk: id as any, transaction });
  if (!record) throw new LoopRuleError('NOT_FOUND', '{{field}} {{id}} does not exist', { field: label, id }, 400);
  return record;
}

async function activeResponsibility(db: Database, problemId: unknown, transaction: Transaction) {
  return db
    .getRepository('mq_responsibilities')
    .findOne({ filter: { problemId, active: true }, sort: ['-id'], transaction });
}

async function currentTask(
  db: Database,
  problemId: unknown,
  transaction: Transaction,
  context: StepContext['context'],
) {
  const repo = db.getRepository('mq_tasks');
  return (
    (await repo.findOne({ filter: { problemId }, sort: ['-id'], transaction })) ??
    (await repo.create({ values: { problemId, progress: 0 }, transaction, context }))
  );
}

export interface AssignValues {
  personId: number;
  unitId?: number;
  mode?: 'first_receiver' | 'leader_guarantee';
  guarantorId?: number;
  goal?: string;
  /** YYYY-MM-DD; default: the working-day deadline of the mode */
  deadline?: string;
}

/** 交办: creates the responsibility (who, how, by when) and moves the problem to 已交办. */
export function assign(db: Database, options: Omit<TransitionOptions, 'action'>, values: AssignValues) {
  return transition(db, { ...options, action: 'assign' }, async ({ problem, transaction, settings, now, context }) => {
    const problemId = problem.get('id');
    const personId = required(values, 'personId', 'Responsible person');
    await mustExist(db, 'users', personId, 'Responsible person', transaction);
    const unitId = values.unitId ?? problem.get('unitId');
    if (unitId) await mustExist(db, 'mq_units', unitId, 'Responsible unit', transaction);
    const mode = values.mode ?? (problem.get('difficulty') === 'hard' ? 'leader_guarantee' : 'first_receiver');
    if (!['first_receiver', 'leader_guarantee'].includes(mode)) {
      throw new LoopRuleError(
        'INVALID_VALUE',
        '{{field}} has no option {{value}}',
        { field: 'Handling mode', value: mode },
        400,
      );
    }
    if (mode === 'leader_guarantee') {
      // 领导包保: a leader answers for it, with a goal, "一抓到底"
      const guarantorId = required(values, 'guarantorId', 'Guarantor leader');
      await mustExist(db, 'users', guarantorId, 'Guarantor leader', transaction);
      required(values, 'goal', 'Goal');
    }
    const today = localDay(now, settings.timeZone);
    const days =
      mode === 'leader_guarantee' ? settings.leaderGuaranteeDeadlineDays : settings.firstReceiverDeadlineDays;
    const deadline = values.deadline ?? deadlineAfter(now, days, settings.timeZone);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(deadline)) || deadline < today) {
      throw new LoopRuleError('INVALID_DEADLINE', 'The deadline must be a day from today on (YYYY-MM-DD)', {}, 400);
    }
    const responsibilities = db.getRepository('mq_responsibilities');
    await responsibilities.update({
      filter: { problemId, active: true },
      values: { active: false },
      transaction,
      context,
    });
    await responsibilities.create({
      values: {
        problemId,
        unitId,
        personId,
        mode,
        guarantorId: mode === 'leader_guarantee' ? values.guarantorId : (values.guarantorId ?? null),
        goal: values.goal ?? null,
        deadline,
        acceptBy: deadlineAfter(now, settings.responseLimitDays, settings.timeZone),
        active: true,
      },
      transaction,
      context,
    });
  });
}

/** 接收: the responsible party takes the problem on, optionally with the measures (任务清单). */
export function accept(db: Database, options: Omit<TransitionOptions, 'action'>, values: { measures?: string } = {}) {
  return transition(db, { ...options, action: 'accept' }, async ({ problem, transaction, now, context }) => {
    const responsibility = await activeResponsibility(db, problem.get('id'), transaction);
    if (responsibility) await responsibility.update({ acceptedAt: now }, { transaction });
    const task = await currentTask(db, problem.get('id'), transaction, context);
    if (values.measures) await task.update({ measures: values.measures }, { transaction });
  });
}

/** 报告进展 */
export function reportProgress(
  db: Database,
  options: Omit<TransitionOptions, 'action'>,
  values: { content: string; percent?: number; reportedOn?: string },
) {
  return transition(
    db,
    { ...options, action: 'reportProgress' },
    async ({ problem, transaction, settings, now, context }) => {
      const content = required(values, 'content', 'Content');
      const task = await currentTask(db, problem.get('id'), transaction, context);
      const percent = values.percent ?? task.get('progress');
      if (!Number.isInteger(Number(percent)) || Number(percent) < 0 || Number(percent) > 100) {
        throw new LoopRuleError('INVALID_PERCENT', 'Progress must be a whole number from 0 to 100', {}, 400);
      }
      await db.getRepository('mq_progress_reports').create({
        values: {
          taskId: task.get('id'),
          problemId: problem.get('id'),
          reportedOn: values.reportedOn ?? localDay(now, settings.timeZone),
          content,
          percent: Number(percent),
        },
        transaction,
        context,
      });
      await task.update({ progress: Number(percent), lastReportedAt: now }, { transaction });
    },
  );
}

/** 办结: needs a completion summary; the task is at 100%. */
export function complete(
  db: Database,
  options: Omit<TransitionOptions, 'action'>,
  values: { completionSummary: string; evidence?: unknown[] },
) {
  return transition(db, { ...options, action: 'complete' }, async ({ problem, transaction, now, context }) => {
    const completionSummary = required(values, 'completionSummary', 'Completion summary');
    const task = await currentTask(db, problem.get('id'), transaction, context);
    await db.getRepository('mq_tasks').update({
      filterByTk: task.get('id') as number,
      values: {
        completionSummary,
        progress: 100,
        lastReportedAt: now,
        ...(values.evidence ? { evidence: values.evidence } : {}),
      },
      transaction,
      context,
    });
  });
}

/** 销号: only once the people concerned say it is solved, after the latest completion. */
export function close(db: Database, options: Omit<TransitionOptions, 'action'>) {
  return transition(db, { ...options, action: 'close' }, async ({ problem, transaction, settings }) => {
    const since = problem.get('doneAt') as Date;
    const problemId = problem.get('id');
    const resolved = await db.getRepository('mq_revisits').count({
      filter: { problemId, outcome: 'resolved', createdAt: { $gte: since } },
      transaction,
    });
    if (resolved) return;
    if (settings.closeOnSatisfiedEvaluation) {
      const satisfied = await db.getRepository('mq_evaluations').count({
        filter: { problemId, score: { $gte: 3 }, createdAt: { $gte: since } },
        transaction,
      });
      if (satisfied) return;
      throw new LoopRuleError(
        'CLOSE_NEEDS_CONFIRMATION',
        'A problem is closed only after a revisit finds it resolved or an evaluation of basically satisfied or better, since its completion',
        {},
        409,
      );
    }
    throw new LoopRuleError(
      'CLOSE_NEEDS_REVISIT',
      'A problem is closed only after a revisit finds it resolved, since its completion',
      {},
      409,
    );
  });
}

/** 重新办理: back to the responsible party; the reason is kept on the problem. */
export function reopen(db: Database, options: Omit<TransitionOptions, 'action'>, values: { reason: string }) {
  return transition(db, { ...options, action: 'reopen' }, async ({ problem }) => {
    const reason = required(values, 'reason', 'Reason for reopening');
    return { reopenReason: reason, reopenCount: Number(problem.get('reopenCount') ?? 0) + 1 };
  });
}
