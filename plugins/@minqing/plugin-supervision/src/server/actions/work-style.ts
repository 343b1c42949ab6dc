import type { Context } from '@nocobase/actions';
import type { Model } from '@nocobase/database';
import { CATEGORY_OPTIONS, optionLabelIn, refusalIn, respondWith, writeTransaction } from '@minqing/plugin-three-lists';
import { decisionProblem, proactiveProblemText, type CandidateKind } from '../domain/work-style';
import { computeWorkStyle } from '../services/work-style';

const NS = '@minqing/plugin-supervision';
const refuse = refusalIn(NS);

const reasonOf = (values: Record<string, unknown> | undefined) =>
  typeof values?.reason === 'string' ? values.reason.trim() : '';

async function findOpen(ctx: Context, collection: string, transaction: any) {
  const { filterByTk, filter } = ctx.action.params;
  const record = await ctx.db.getRepository(collection).findOne({ filterByTk, filter, transaction });
  if (!record) throw refuse('NOT_FOUND', '{{field}} {{id}} does not exist', { field: collection, id: filterByTk }, 404);
  if (record.get('state') !== 'open') {
    throw refuse(
      'ALREADY_DECIDED',
      'The office has already decided on this: {{state}}',
      { state: record.get('state') },
      409,
    );
  }
  return record;
}

/**
 * POST mq_work_style_flags:decide?filterByTk=<id> { decision: confirmed | dismissed, reason } — the
 * office's decision on a flag, once; a dismissal says why, and the reason stays with the flag.
 */
export const decideFlag = respondWith((ctx: Context) => {
  const values = ctx.action.params.values ?? {};
  const reason = reasonOf(values);
  const problem = decisionProblem(values.decision, reason);
  if (problem === 'INVALID_DECISION') {
    throw refuse('INVALID_DECISION', 'Decide confirmed or dismissed');
  }
  if (problem === 'REASON_REQUIRED') throw refuse('REASON_REQUIRED', 'A dismissal needs its reason');
  return writeTransaction(ctx.db, async (transaction) => {
    const flag = await findOpen(ctx, 'mq_work_style_flags', transaction);
    await flag.update(
      {
        state: values.decision,
        decisionReason: reason || null,
        decidedById: ctx.state.currentUser?.id,
        decidedAt: new Date(),
      },
      { transaction },
    );
    return flag;
  });
});

/** POST mq_proactive_candidates:dismiss?filterByTk=<id> { reason } */
export const dismissCandidate = respondWith((ctx: Context) => {
  const reason = reasonOf(ctx.action.params.values);
  if (!reason) throw refuse('REASON_REQUIRED', 'A dismissal needs its reason');
  return writeTransaction(ctx.db, async (transaction) => {
    const candidate = await findOpen(ctx, 'mq_proactive_candidates', transaction);
    await candidate.update(
      { state: 'dismissed', decisionReason: reason, decidedById: ctx.state.currentUser?.id, decidedAt: new Date() },
      { transaction },
    );
    return candidate;
  });
});

/**
 * POST mq_proactive_candidates:adopt?filterByTk=<id> — one click: a proactive problem (source
 * 未诉先办) at the candidate's unit and category, its description naming the problems it rests on.
 */
export const adoptCandidate = respondWith((ctx: Context) =>
  writeTransaction(ctx.db, async (transaction) => {
    const candidate = await findOpen(ctx, 'mq_proactive_candidates', transaction);
    const evidence = ((candidate.get('evidence') as { problems?: number[] } | null)?.problems ?? []).map(Number);
    const problems = ctx.db.getRepository('mq_problems');
    const codes = (
      await problems.find({ filter: { id: evidence }, fields: ['id', 'code'], sort: ['id'], transaction })
    ).map((p: Model) => p.get('code') as string);
    const unitId = candidate.get('unitId') as number | null;
    const unit = unitId ? await ctx.db.getRepository('mq_units').findOne({ filterByTk: unitId, transaction }) : null;
    const category = candidate.get('category') as string;
    // the bureau's word for the category (the problem is written in zh-CN, whoever clicks)
    const label = optionLabelIn(CATEGORY_OPTIONS, category, 'zh-CN');
    const text = proactiveProblemText({
      kind: candidate.get('kind') as CandidateKind,
      categoryLabel: String(label),
      unitName: (unit?.get('name') as string) ?? null,
      evidenceCodes: codes,
    });
    const problem = await problems.create({
      values: {
        ...text,
        description: `${text.description}\n${candidate.get('why') ?? ''}`,
        category,
        unitId,
        source: 'proactive',
      },
      transaction,
      context: ctx,
    });
    await candidate.update(
      { state: 'adopted', problemId: problem.get('id'), decidedById: ctx.state.currentUser?.id, decidedAt: new Date() },
      { transaction },
    );
    return { candidate, problem };
  }),
);

/** POST mqSupervision:computeWorkStyle — the office computes the flags and candidates now (the trigger does it on its interval). */
export const computeNow = respondWith((ctx: Context) => computeWorkStyle(ctx.db));
