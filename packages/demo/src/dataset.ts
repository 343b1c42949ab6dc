import type { Random } from './random';

export interface DatasetOptions {
  seed?: number;
  problems: number;
  /** default: one unit per 50 problems, at least 20 */
  units?: number;
  /** users who handle, guarantee and revisit (ids 1… are created by the loader) */
  staff?: number;
  year?: number;
  /** the moment the data set is "as of" (default: now); nothing happens after it */
  now?: number;
}

const CATEGORIES: [string, number][] = [
  ['enrollment', 14],
  ['after_school', 12],
  ['canteen', 12],
  ['campus_safety', 10],
  ['school_conditions', 14],
  ['financial_aid', 8],
  ['teacher_ethics', 6],
  ['exams', 6],
  ['employment', 4],
  ['assistance', 5],
  ['care', 4],
  ['other', 5],
];
const SOURCES: [string, number][] = [
  ['visit', 50],
  ['research', 10],
  ['complaint', 20],
  ['proactive', 8],
  ['inspection', 4],
  ['audit', 3],
  ['carried_over', 5],
];
const STATUSES: [string, number][] = [
  ['new', 5],
  ['assigned', 5],
  ['in_progress', 15],
  ['done', 14],
  ['closed', 56],
  ['reopened', 5],
];
/** problems found per month: busy at the start of terms (March, September) */
const MONTH_WEIGHTS = [5, 4, 12, 9, 8, 6, 3, 4, 14, 11, 10, 8];
const UNIT_TYPES = [
  'primary_secondary',
  'primary_secondary',
  'primary_secondary',
  'kindergarten',
  'vocational',
  'office',
  'service_window',
];
const TOPICS = [
  '食堂排队时间长',
  '校门口交通拥堵',
  '课后服务收费不明',
  '教室照明不足',
  '宿舍热水不足',
  '助学金发放延迟',
  '校车线路调整',
  '操场设施破损',
  '午休条件差',
  '作业负担重',
];
const DAY = 24 * 3600 * 1000;

export interface Row {
  [column: string]: unknown;
}

export interface Chunk {
  mq_problems: Row[];
  mq_responsibilities: Row[];
  mq_tasks: Row[];
  mq_revisits: Row[];
  mq_evaluations: Row[];
}

export function unitRows(r: Random, count: number): Row[] {
  const regions = Math.max(3, Math.round(count / 100));
  const now = new Date();
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `${['荆州', '沙市', '江陵', '公安', '监利', '石首', '松滋', '洪湖'][i % 8]}第${i + 1}学校`,
    type: r.pick(UNIT_TYPES),
    region: `县区${(i % regions) + 1}`,
    createdAt: now,
    updatedAt: now,
  }));
}

const iso = (t: number) => new Date(t);
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Problems with their responsibilities, tasks, revisits and evaluations, `size` at a time, ids
 * from `firstId`. Deterministic for a seed; skewed like real life (big units, busy months).
 */
export function* problemChunks(r: Random, options: Required<DatasetOptions>, size = 2000): Generator<Chunk> {
  const now = options.now;
  const start = Date.UTC(options.year, 0, 1);
  const end = Math.min(now - DAY, Date.UTC(options.year, 11, 31));
  const span = Math.max(DAY, end - start);
  let responsibilityId = 0;
  let taskId = 0;
  let revisitId = 0;
  let evaluationId = 0;
  for (let first = 1; first <= options.problems; first += size) {
    const chunk: Chunk = {
      mq_problems: [],
      mq_responsibilities: [],
      mq_tasks: [],
      mq_revisits: [],
      mq_evaluations: [],
    };
    for (let id = first; id < Math.min(first + size, options.problems + 1); id++) {
      const month = r.weighted(MONTH_WEIGHTS.map((w, m) => [m, w] as const));
      let createdAt = Date.UTC(options.year, month, r.int(1, 28), r.int(0, 23), r.int(0, 59));
      if (createdAt > end) createdAt = start + Math.floor(r.next() * span);
      let status = r.weighted(STATUSES);
      const unitId = r.skewed(options.units) + 1;
      let assignedAt: number | null = createdAt + r.int(1, 48) * 3600 * 1000;
      let acceptedAt: number | null = assignedAt + r.int(2, 96) * 3600 * 1000;
      const deadline =
        assignedAt +
        r.weighted([
          [15, 7],
          [60, 3],
        ] as const) *
          DAY;
      let doneAt: number | null = acceptedAt + r.int(1, 40) * DAY;
      let closedAt: number | null = doneAt + r.int(1, 10) * DAY;
      let reopenedAt: number | null = doneAt + DAY;
      // nothing after `now`: a step that would lie in the future has not happened yet
      if (status === 'closed' && closedAt > now) status = 'done';
      if (status === 'reopened' && reopenedAt > now) status = 'done';
      if (['done', 'closed', 'reopened'].includes(status) && doneAt > now) status = 'in_progress';
      if (status !== 'new' && status !== 'assigned' && acceptedAt > now) status = 'assigned';
      if (status !== 'new' && assignedAt > now) status = 'new';
      if (status === 'new') assignedAt = null;
      if (['new', 'assigned'].includes(status)) acceptedAt = null;
      if (!['done', 'closed', 'reopened'].includes(status)) doneAt = null;
      if (status !== 'closed') closedAt = null;
      if (status !== 'reopened') reopenedAt = null;
      const done = ['done', 'closed'].includes(status);
      const topic = r.pick(TOPICS);
      const published = status === 'closed' && r.next() < 0.2;
      chunk.mq_problems.push({
        id,
        code: `WT${options.year}-${String(id).padStart(7, '0')}`,
        title: `${topic}（${id}）`,
        description: `${topic}，群众反映较多。`,
        category: r.weighted(CATEGORIES),
        source: r.weighted(SOURCES),
        unitId,
        difficulty: r.next() < 0.7 ? 'quick' : 'hard',
        carriedOver: false,
        status,
        isPublic: published,
        publicTitle: published ? topic : null,
        publicSummary: published ? `${topic}已整改到位。` : null,
        publishedAt: published ? iso(closedAt) : null,
        assignedAt: assignedAt && iso(assignedAt),
        acceptedAt: acceptedAt && iso(acceptedAt),
        doneAt: doneAt && iso(doneAt),
        closedAt: closedAt && iso(closedAt),
        reopenedAt: reopenedAt && iso(reopenedAt),
        reopenCount: status === 'reopened' ? 1 : 0,
        createdAt: iso(createdAt),
        updatedAt: iso(reopenedAt ?? closedAt ?? doneAt ?? acceptedAt ?? assignedAt ?? createdAt),
      });
      if (!assignedAt) continue;
      const personId = r.int(1, options.staff);
      chunk.mq_responsibilities.push({
        id: ++responsibilityId,
        problemId: id,
        unitId,
        personId,
        guarantorId: r.next() < 0.3 ? r.int(1, Math.max(1, Math.round(options.staff / 8))) : null,
        mode: r.next() < 0.3 ? 'leader_guarantee' : 'first_receiver',
        deadline: day(deadline),
        acceptBy: day(assignedAt + 3 * DAY),
        acceptedAt: acceptedAt && iso(acceptedAt),
        active: true,
        createdAt: iso(assignedAt),
        updatedAt: iso(assignedAt),
      });
      if (!acceptedAt) continue;
      chunk.mq_tasks.push({
        id: ++taskId,
        problemId: id,
        measures: `针对“${topic}”制定整改措施`,
        progress: done ? 100 : r.int(10, 90),
        lastReportedAt: iso(acceptedAt + DAY),
        completionSummary: done ? `${topic}已整改` : null,
        createdAt: iso(acceptedAt),
        updatedAt: iso(acceptedAt),
      });
      if (!done) continue;
      const revisitedAt = doneAt + r.int(1, 9) * DAY;
      if (r.next() < 0.9 && revisitedAt <= now) {
        chunk.mq_revisits.push({
          id: ++revisitId,
          problemId: id,
          revisiterId: r.int(1, Math.max(1, Math.round(options.staff / 8))),
          state: 'done',
          revisitedAt: iso(revisitedAt),
          method: r.pick(['on_site', 'phone', 'online', 'meeting']),
          outcome: r.weighted([
            ['resolved', 85],
            ['partly_resolved', 10],
            ['unresolved', 5],
          ] as const),
          satisfaction: r.weighted([
            [5, 50],
            [4, 30],
            [3, 12],
            [2, 5],
            [1, 3],
          ] as const),
          createdAt: iso(revisitedAt),
          updatedAt: iso(revisitedAt),
        });
      }
      const at = doneAt + r.int(1, 20) * DAY;
      if (r.next() < 0.3 && at <= now) {
        chunk.mq_evaluations.push({
          id: ++evaluationId,
          problemId: id,
          score: r.weighted([
            [5, 55],
            [4, 25],
            [3, 12],
            [2, 5],
            [1, 3],
          ] as const),
          evaluatorKind: r.pick(['parent', 'student', 'teacher', 'other']),
          channel: 'online',
          createdAt: iso(at),
          updatedAt: iso(at),
        });
      }
    }
    yield chunk;
  }
}
