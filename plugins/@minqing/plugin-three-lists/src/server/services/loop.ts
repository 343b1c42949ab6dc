import type { Database, Filter, Model, Transaction } from '@nocobase/database';
import { LEADER_GUARANTEE, planAssignment, type AssignValues } from '../domain/assignment';
import { checkClosure, CONFIRMING_SCORE } from '../domain/closure';
import { LOOP, LOOP_EVENTS, nextStatus, type LoopAction, type ProblemStatus } from '../domain/loop';
import { checkPercent } from '../domain/progress';
import { Refusal, requireValue } from '../domain/refusal';
import type { LoopSettings } from '../domain/settings';
import { localDay } from '../domain/workdays';
import { holidayOverrides } from './holidays';
import { checkBeforeTurn, noteExists, recordExists } from './exists';
import { asServer } from './records';
import { getSettings, loopSettings } from './settings';
import { claimRow, isLockError, writeTransaction } from './sqlite';

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

/**
 * What the core announces after a step (LOOP_EVENTS), in the step's transaction: a listener that
 * writes does so in it; one that acts outside the database waits for `transaction.afterCommit`.
 */
export interface LoopStepEvent {
  action: LoopAction;
  problemId: number;
  from: ProblemStatus;
  to: ProblemStatus;
  /** the problem as the step left it */
  problem: Model;
  actor: Actor;
  at: Date;
  transaction: Transaction;
}

/** Listens to one loop step (e.g. `complete`) on every path that takes it; returns how to stop. */
export function onLoopStep(db: Database, action: LoopAction, listener: (event: LoopStepEvent) => unknown) {
  db.on(LOOP_EVENTS[action], listener);
  return () => {
    db.off(LOOP_EVENTS[action], listener);
  };
}

export interface TransitionOptions {
  problemId: number | string;
  action: LoopAction;
  actor: Actor;
  /** the caller's ACL data scope: a problem outside it is "not found" for them */
  scope?: Filter;
  /** run inside this transaction instead of a new one (automatic reopen from a revisit) */
  transaction?: Transaction;
}

// the step's own writes are named one by one with `asServer` (services/records.ts): a transaction
// that carries a step is not thereby allowed anything else
async function inTransaction<T>(db: Database, parent: Transaction | undefined, fn: (t: Transaction) => Promise<T>) {
  if (parent) return fn(parent);
  return writeTransaction(db, fn);
}

/** A write that lost to a concurrent one (SQLite busy, PostgreSQL serialization or deadlock, MySQL deadlock). */
export const isLockConflict = isLockError;

/**
 * Moves one problem one step along the loop, in one transaction: checks the rule, claims the
 * problem so that a concurrent request for the same step loses with a conflict, runs the step's
 * own writes, then stamps status and time through the repository (so hooks and workflows see it).
 */
export async function transition(
  db: Database,
  options: TransitionOptions,
  step: (c: StepContext) => Promise<StepResult>,
  /** read-only checks of the step's values, before the write turn; what they found is noted in the transaction */
  before?: () => Promise<(transaction: Transaction) => void>,
) {
  const { problemId, action, actor, scope } = options;
  const own = !options.transaction;
  // On SQLite a transaction holds the file's one write turn from its first statement to its
  // COMMIT, and every statement in it waits for the event loop the other requests share: what can
  // be read before it begins is read here (the settings, the step's own checks), and what is read
  // for the answer after it ends. The problem itself is read, and claimed, inside.
  const settingsBefore = own ? await getSettings(db) : undefined;
  const noteChecked = own ? await before?.() : undefined;
  const sqlite = db.sequelize.getDialect() === 'sqlite';
  try {
    const stepped = await inTransaction(db, options.transaction, async (transaction) => {
      if (settingsBefore) loopSettings.useIn(transaction, settingsBefore);
      // (inside another's transaction — an automatic reopen — the step checks everything itself)
      noteChecked?.(transaction);
      const repo = db.getRepository('mq_problems');
      const problem = await repo.findOne({ filterByTk: problemId, filter: scope, transaction });
      if (!problem) {
        throw new Refusal(
          'PROBLEM_NOT_FOUND',
          'Problem {{id}} does not exist or is not yours to handle',
          { id: problemId },
          404,
        );
      }
      // the step's own records point at it: their foreign-key check need not read it again
      noteExists(transaction, 'mq_problems', problem.get('id'));
      const from = problem.get('status') as ProblemStatus;
      const to = nextStatus(from, action);
      const now = new Date();
      // takes the row if it still has that status: a concurrent request for the same step waits
      // here, then matches nothing (the status moved on) and is told it lost. SQLite: the read
      // above is the claim — the write turn was taken before it, so nobody writes until COMMIT
      if (!sqlite && !(await claimRow(repo.model, problem.get('id'), { status: from }, transaction))) {
        throw new Refusal('CONFLICT', 'Someone else changed this problem just now; reload it and try again', {}, 409);
      }
      const settings = await getSettings(db, transaction);
      const context = { state: { currentUser: { id: actor.userId } } };
      const extra = (await step({ problem, transaction, settings, now, actor, context })) || {};
      const stamp = LOOP[action].stamp;
      const values = { ...extra, ...(to !== from ? { status: to } : {}), ...(stamp ? { [stamp]: now } : {}) };
      const id = problem.get('id') as number;
      await asServer(transaction, { collection: 'mq_problems', id, values }, () =>
        repo.update({ filterByTk: id, values, transaction, context }),
      );
      // the event's listeners read what they need in the transaction; the answer is read after it
      problem.set(values);
      const event: LoopStepEvent = { action, problemId: id, from, to, problem, actor, at: now, transaction };
      await db.emitAsync(LOOP_EVENTS[action], event);
      return own ? id : await readBack(db, id, transaction);
    });
    return own ? await readBack(db, stepped as number) : stepped;
  } catch (error) {
    // the database gave the step up (a deadlock, a lock it could not get) even after the retries:
    // nobody changed this problem, so no "conflict" — ask to try again
    if (isLockError(error)) {
      throw new Refusal('BUSY', 'Many people are saving at this moment; please try again', {}, 503);
    }
    throw error;
  }
}

/** The problem as a step's answer shows it. */
function readBack(db: Database, id: number, transaction?: Transaction) {
  return db.getRepository('mq_problems').findOne({ filterByTk: id, transaction, appends: ['responsibilities', 'tasks'] });
}

async function mustExist(db: Database, collection: string, id: unknown, label: string, transaction: Transaction) {
  if (!(await recordExists(db, collection, id, transaction)))
    throw new Refusal('NOT_FOUND', '{{field}} {{id}} does not exist', { field: label, id }, 400);
}

async function activeResponsibility(db: Database, problemId: number, transaction: Transaction) {
  return db
    .getRepository('mq_responsibilities')
    .findOne({ filter: { problemId, active: true }, sort: ['-id'], transaction });
}

async function currentTask(db: Database, problemId: number, transaction: Transaction, context: StepContext['context']) {
  const repo = db.getRepository('mq_tasks');
  const values = { problemId, progress: 0 };
  const task =
    (await repo.findOne({ filter: { problemId }, sort: ['-id'], transaction })) ??
    (await asServer(transaction, { collection: 'mq_tasks', values, create: true }, () =>
      repo.create({ values, transaction, context }),
    ));
  // a progress report points at it: its foreign-key check need not read it again
  noteExists(transaction, 'mq_tasks', task.get('id'));
  return task;
}

/** The step writes `values` to one record of `collection`, and nothing else passes with it. */
function writeAs(transaction: Transaction, collection: string, record: Model, values: Record<string, unknown>) {
  return asServer(transaction, { collection, id: record.get('id'), values }, () =>
    record.update(values, { transaction }),
  );
}

export type { AssignValues };

export interface AcceptValues {
  /** 任务清单: the measures the responsible party takes */
  measures?: string;
}

export interface ProgressValues {
  content?: string;
  /** 0–100; default: the task's current progress */
  percent?: number;
  /** YYYY-MM-DD; default: today */
  reportedOn?: string;
}

export interface CompletionValues {
  completionSummary?: string;
  evidence?: unknown[];
}

export interface ReopenValues {
  reason?: string;
}

/** 交办: creates the responsibility (who, how, by when) and moves the problem to 已交办. */
export function assign(db: Database, options: Omit<TransitionOptions, 'action'>, values: AssignValues) {
  const named = checkBeforeTurn(db, [
    ['users', values.personId],
    ['mq_units', values.unitId],
    ['users', values.guarantorId],
  ]);
  return transition(db, { ...options, action: 'assign' }, async ({ problem, transaction, settings, now, context }) => {
    const problemId = problem.get('id');
    const plan = planAssignment(
      values,
      { difficulty: problem.get('difficulty'), unitId: problem.get('unitId') as number | null },
      settings,
      now,
      await holidayOverrides(db),
    );
    await mustExist(db, 'users', plan.personId, 'Responsible person', transaction);
    if (plan.unitId) await mustExist(db, 'mq_units', plan.unitId, 'Responsible unit', transaction);
    // 领导包保: the leader who answers for it must exist
    if (plan.mode === LEADER_GUARANTEE) await mustExist(db, 'users', plan.guarantorId, 'Guarantor leader', transaction);
    const responsibilities = db.getRepository('mq_responsibilities');
    const retired = { active: false };
    await asServer(transaction, { collection: 'mq_responsibilities', values: retired }, () =>
      responsibilities.update({ filter: { problemId, active: true }, values: retired, transaction, context }),
    );
    const responsibility = { problemId, ...plan, active: true };
    await asServer(transaction, { collection: 'mq_responsibilities', values: responsibility, create: true }, () =>
      responsibilities.create({ values: responsibility, transaction, context }),
    );
  }, named);
}

/** 接收: the responsible party takes the problem on, optionally with the measures (任务清单). */
export function accept(db: Database, options: Omit<TransitionOptions, 'action'>, values: AcceptValues = {}) {
  return transition(db, { ...options, action: 'accept' }, async ({ problem, transaction, now, context }) => {
    const responsibility = await activeResponsibility(db, problem.get('id') as number, transaction);
    if (responsibility) await writeAs(transaction, 'mq_responsibilities', responsibility, { acceptedAt: now });
    const task = await currentTask(db, problem.get('id') as number, transaction, context);
    if (values.measures) await writeAs(transaction, 'mq_tasks', task, { measures: values.measures });
  });
}

/** 报告进展 */
export function reportProgress(db: Database, options: Omit<TransitionOptions, 'action'>, values: ProgressValues) {
  return transition(
    db,
    { ...options, action: 'reportProgress' },
    async ({ problem, transaction, settings, now, context }) => {
      const content = requireValue<string>(values, 'content', 'Content');
      const task = await currentTask(db, problem.get('id') as number, transaction, context);
      const percent = checkPercent(values.percent ?? task.get('progress'));
      const report = {
        taskId: task.get('id'),
        problemId: problem.get('id'),
        reportedOn: values.reportedOn ?? localDay(now, settings.timeZone),
        content,
        percent,
      };
      await asServer(transaction, { collection: 'mq_progress_reports', values: report, create: true }, () =>
        db.getRepository('mq_progress_reports').create({ values: report, transaction, context }),
      );
      await writeAs(transaction, 'mq_tasks', task, { progress: percent, lastReportedAt: now });
    },
  );
}

/** 办结: needs a completion summary; the task is at 100%. */
export function complete(db: Database, options: Omit<TransitionOptions, 'action'>, values: CompletionValues) {
  return transition(db, { ...options, action: 'complete' }, async ({ problem, transaction, now, context }) => {
    const completionSummary = requireValue<string>(values, 'completionSummary', 'Completion summary');
    const task = await currentTask(db, problem.get('id') as number, transaction, context);
    const completion = {
      completionSummary,
      progress: 100,
      lastReportedAt: now,
      ...(values.evidence ? { evidence: values.evidence } : {}),
    };
    await asServer(transaction, { collection: 'mq_tasks', id: task.get('id'), values: completion }, () =>
      db.getRepository('mq_tasks').update({
        filterByTk: task.get('id') as number,
        values: completion,
        transaction,
        context,
      }),
    );
  });
}

/** 销号: only once the people concerned say it is solved, after the latest completion. */
export function close(db: Database, options: Omit<TransitionOptions, 'action'>) {
  return transition(db, { ...options, action: 'close' }, async ({ problem, transaction, settings }) => {
    const since = { $gte: problem.get('doneAt') as Date };
    const problemId = problem.get('id');
    const resolvedRevisits = await db.getRepository('mq_revisits').count({
      filter: { problemId, outcome: 'resolved', createdAt: since },
      transaction,
    });
    const confirmingEvaluations =
      resolvedRevisits || !settings.closeOnSatisfiedEvaluation
        ? 0
        : await db.getRepository('mq_evaluations').count({
            filter: { problemId, score: CONFIRMING_SCORE, createdAt: since },
            transaction,
          });
    checkClosure({ resolvedRevisits, confirmingEvaluations }, settings);
  });
}

/** 重新办理: back to the responsible party; the reason is kept on the problem. */
export function reopen(db: Database, options: Omit<TransitionOptions, 'action'>, values: ReopenValues) {
  return transition(db, { ...options, action: 'reopen' }, async ({ problem }) => {
    const reason = requireValue<string>(values, 'reason', 'Reason for reopening');
    return { reopenReason: reason, reopenCount: Number(problem.get('reopenCount') ?? 0) + 1 };
  });
}
