import type { Database, FilterWithValue } from '@nocobase/database';
import { Refusal } from '../domain/refusal';

/** A closed problem with what the results list reads of its associations. */
interface ClosedProblem {
  id: number;
  code: string;
  title: string;
  category: string;
  source: string;
  doneAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  unit?: { id: number; name: string } | null;
  tasks?: { completionSummary?: string | null }[];
  revisits?: { revisitedAt: string | null; outcome: string | null; satisfaction: number | null }[];
  evaluations?: { score: number }[];
}

export interface ResultsQuery {
  page?: number | string;
  pageSize?: number | string;
  unitId?: number | string;
  category?: string;
}

/**
 * 成效清单: closed problems with what was done, the revisit's verdict and the public's score.
 * One page at a time; the associations of that page only.
 */
export async function listResults(db: Database, query: ResultsQuery, scope?: Record<string, unknown>) {
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new Refusal('INVALID_PAGE', 'page must be 1 or more and pageSize 1 to 100', {}, 400);
  }
  const filter: FilterWithValue = { status: 'closed' };
  if (query.unitId) filter.unitId = Number(query.unitId);
  if (query.category) filter.category = query.category;
  const where = scope ? { $and: [filter, scope] } : filter;
  const [rows, count] = await db.getRepository('mq_problems').findAndCount({
    filter: where,
    fields: ['id', 'code', 'title', 'category', 'source', 'unitId', 'doneAt', 'closedAt', 'reopenCount'],
    appends: ['unit', 'tasks', 'revisits', 'evaluations'],
    sort: ['-closedAt', '-id'],
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const data = rows.map((row) => {
    const p = row.toJSON() as ClosedProblem;
    const revisit = [...(p.revisits ?? [])].sort((a, b) =>
      String(b.revisitedAt).localeCompare(String(a.revisitedAt)),
    )[0];
    const scores = (p.evaluations ?? []).map((e) => Number(e.score)).filter(Boolean);
    return {
      id: p.id,
      code: p.code,
      title: p.title,
      category: p.category,
      source: p.source,
      unit: p.unit ? { id: p.unit.id, name: p.unit.name } : null,
      doneAt: p.doneAt,
      closedAt: p.closedAt,
      reopenCount: p.reopenCount,
      completionSummary: p.tasks?.[0]?.completionSummary ?? null,
      outcome: revisit?.outcome ?? null,
      satisfaction: revisit?.satisfaction ?? null,
      evaluations: scores.length,
      evaluationAverage: scores.length
        ? Math.round((scores.reduce((a: number, b: number) => a + b, 0) / scores.length) * 100) / 100
        : null,
    };
  });
  return { data, meta: { count, page, pageSize, totalPage: Math.ceil(count / pageSize) } };
}
