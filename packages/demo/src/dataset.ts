import {
  COMPLETED_STATUSES,
  DONE_STATUSES,
  isIn,
  problemCode,
  LEADER_GUARANTEE,
  FIRST_RECEIVER,
  STAMPS_OF_STATUS,
  type ProblemStatus,
} from '@minqing/plugin-three-lists/domain';
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
const STATUSES: [ProblemStatus, number][] = [
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
/** What people raise, by category: [title, description]. */
const TOPICS: Record<string, [string, string][]> = {
  enrollment: [
    ['新生入学报名材料要求多', '家长反映入学报名需提交的证明材料较多，多次往返。'],
    ['随迁子女入学政策不清楚', '外来务工人员不了解随迁子女就近入学的办理流程。'],
    ['学区划分调整未提前告知', '家长希望学区调整能提前公示并说明理由。'],
  ],
  after_school: [
    ['课后服务内容单一', '课后服务以看管和写作业为主，缺少兴趣类课程。'],
    ['课后服务收费标准不明', '家长不清楚课后服务的收费依据和退费办法。'],
    ['课后服务结束时间与下班时间不衔接', '双职工家庭接送困难，希望延长服务时间。'],
  ],
  canteen: [
    ['食堂就餐排队时间长', '午餐高峰排队超过二十分钟，学生午休时间被压缩。'],
    ['食堂菜品价格偏高', '学生反映部分菜品价格高于周边，分量偏少。'],
    ['食堂卫生需要加强', '餐桌清理不及时，餐具消毒记录不全。'],
  ],
  campus_safety: [
    ['校门口上下学交通拥堵', '上下学时段校门口车辆乱停，存在安全隐患。'],
    ['校园围墙破损', '学校东侧围墙破损，社会人员可随意进出。'],
    ['防溺水安全教育不到位', '暑期前防溺水宣传覆盖不全，家长希望加强。'],
  ],
  school_conditions: [
    ['教室照明不足', '部分教室灯管老化，照度不达标，影响学生视力。'],
    ['宿舍热水供应不足', '冬季宿舍热水供应时间短，学生洗漱不便。'],
    ['操场塑胶跑道破损', '跑道多处开裂起皮，体育课存在安全隐患。'],
    ['厕所设施老旧', '教学楼厕所隔断损坏，冲水设施经常故障。'],
  ],
  financial_aid: [
    ['助学金发放延迟', '学生反映本学期国家助学金迟迟未到账。'],
    ['资助对象认定不透明', '家长希望公开家庭经济困难学生认定结果和程序。'],
  ],
  teacher_ethics: [
    ['个别教师有偿补课', '家长反映有教师在校外组织学生有偿补课。'],
    ['教师言语不当', '学生反映个别教师在课堂上言语过激。'],
  ],
  exams: [
    ['中考体育考试安排不合理', '考点安排距离较远，考生往返时间长。'],
    ['考试成绩查询渠道不畅', '成绩查询系统高峰期无法登录。'],
  ],
  employment: [
    ['职校学生实习岗位与专业不对口', '实习单位安排的岗位与所学专业关联度低。'],
    ['毕业生就业指导不足', '学生希望学校增加就业指导和招聘信息推送。'],
  ],
  assistance: [
    ['留守儿童学习辅导缺人手', '农村学校留守儿童较多，课后缺少学习辅导。'],
    ['乡村学校缺少音体美教师', '乡村小学音乐、体育、美术课由其他学科教师兼任。'],
  ],
  care: [
    ['学生心理健康辅导不足', '学校缺少专职心理教师，学生心理问题得不到及时疏导。'],
    ['特殊儿童送教上门次数少', '残疾儿童家长希望增加送教上门的频次。'],
  ],
  other: [
    ['家校沟通渠道不畅', '家长反映与学校沟通主要靠班级群，意见反馈慢。'],
    ['作业负担偏重', '学生每天书面作业时间超过规定，睡眠不足。'],
  ],
};

export function topicOf(r: Random, category: string): [string, string] {
  return r.pick(TOPICS[category] ?? TOPICS.other);
}

const DAY = 24 * 3600 * 1000;

export interface Row {
  [column: string]: unknown;
}

/** Rows per collection, in the order they are written (a row only points at rows before it). */
export interface Chunk {
  mq_problems: Row[];
  mq_responsibilities: Row[];
  mq_tasks: Row[];
  mq_progress_reports: Row[];
  mq_supervisions: Row[];
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

/** Who handles, guarantees and revisits: ids of real users. */
export interface People {
  handler: () => number;
  leader: () => number;
}

/** Ids of the rows written so far, so every generator continues the same sequences. */
export interface Counters {
  responsibility: number;
  task: number;
  revisit: number;
  evaluation: number;
  progressReport: number;
  supervision: number;
}

export const newCounters = (): Counters => ({
  responsibility: 0,
  task: 0,
  revisit: 0,
  evaluation: 0,
  progressReport: 0,
  supervision: 0,
});

export interface ProblemSeed {
  id: number;
  code: string;
  createdAt: number;
  unitId: number;
  /** the moment the data set is "as of": nothing happens after it */
  now: number;
  source?: string;
  category?: string;
  /** [title, description]; default: a topic of the category */
  text?: [string, string];
}

/**
 * One problem and what its loop left behind so far: the responsibility, task, revisit and
 * evaluation its status implies, with every timestamp before `now`.
 */
export function problemLife(r: Random, seed: ProblemSeed, people: People, ids: Counters, into: Chunk) {
  const { id, createdAt, unitId, now } = seed;
  let status = r.weighted(STATUSES);
  let assignedAt: number | null = createdAt + r.int(1, 48) * 3600 * 1000;
  let acceptedAt: number | null = assignedAt + r.int(2, 96) * 3600 * 1000;
  const deadline =
    assignedAt +
    r.weighted([
      [15, 7],
      [60, 3],
    ] as const) *
      DAY;
  // most are done within two weeks of acceptance; some drag on past their deadline
  let doneAt: number | null = acceptedAt + (r.next() < 0.75 ? r.int(1, 12) : r.int(13, 45)) * DAY;
  let closedAt: number | null = doneAt + r.int(1, 10) * DAY;
  let reopenedAt: number | null = doneAt + DAY;
  // nothing after `now`: a step that would lie in the future has not happened yet
  if (status === 'closed' && closedAt > now) status = 'done';
  if (status === 'reopened' && reopenedAt > now) status = 'done';
  if (isIn(COMPLETED_STATUSES, status) && doneAt > now) status = 'in_progress';
  if (status !== 'new' && status !== 'assigned' && acceptedAt > now) status = 'assigned';
  if (status !== 'new' && assignedAt > now) status = 'new';
  // a problem carries the stamps of the steps that brought it to its status, no others
  const stamps = STAMPS_OF_STATUS[status];
  if (!stamps.includes('assignedAt')) assignedAt = null;
  if (!stamps.includes('acceptedAt')) acceptedAt = null;
  if (!stamps.includes('doneAt')) doneAt = null;
  if (!stamps.includes('closedAt')) closedAt = null;
  if (!stamps.includes('reopenedAt')) reopenedAt = null;
  const done = isIn(DONE_STATUSES, status);
  const category = seed.category ?? r.weighted(CATEGORIES);
  const [title, description] = seed.text ?? topicOf(r, category);
  const published = status === 'closed' && r.next() < 0.2;
  const source = seed.source ?? r.weighted(SOURCES);
  into.mq_problems.push({
    id,
    code: seed.code,
    title,
    description,
    category,
    source,
    unitId,
    difficulty: r.next() < 0.7 ? 'quick' : 'hard',
    carriedOver: source === 'carried_over',
    status,
    isPublic: published,
    publicTitle: published ? title : null,
    publicSummary: published ? `${title}，已整改到位，群众反映良好。` : null,
    publishedAt: published ? iso(closedAt as number) : null, // published: closed, so stamped
    assignedAt: assignedAt && iso(assignedAt),
    acceptedAt: acceptedAt && iso(acceptedAt),
    doneAt: doneAt && iso(doneAt),
    closedAt: closedAt && iso(closedAt),
    reopenedAt: reopenedAt && iso(reopenedAt),
    reopenReason: reopenedAt ? '回访发现问题仍未解决' : null,
    reopenCount: status === 'reopened' ? 1 : 0,
    createdAt: iso(createdAt),
    updatedAt: iso(reopenedAt ?? closedAt ?? doneAt ?? acceptedAt ?? assignedAt ?? createdAt),
  });
  if (!assignedAt) return;
  const leaderGuarantees = r.next() < 0.3;
  into.mq_responsibilities.push({
    id: ++ids.responsibility,
    problemId: id,
    unitId,
    personId: people.handler(),
    guarantorId: leaderGuarantees ? people.leader() : null,
    mode: leaderGuarantees ? LEADER_GUARANTEE : FIRST_RECEIVER,
    deadline: day(deadline),
    acceptBy: day(assignedAt + 3 * DAY),
    acceptedAt: acceptedAt && iso(acceptedAt),
    active: true,
    createdAt: iso(assignedAt),
    updatedAt: iso(assignedAt),
  });
  if (!acceptedAt) return;
  const taskId = ++ids.task;
  const lastReportedAt = Math.min(now, acceptedAt + r.int(1, 12) * DAY);
  const progress = done ? 100 : r.int(10, 90);
  into.mq_tasks.push({
    id: taskId,
    problemId: id,
    measures: `针对“${title}”制定整改措施，明确责任人和完成时限`,
    progress,
    lastReportedAt: iso(lastReportedAt),
    completionSummary: done ? `${title}已整改完毕` : null,
    createdAt: iso(acceptedAt),
    updatedAt: iso(lastReportedAt),
  });
  into.mq_progress_reports.push({
    id: ++ids.progressReport,
    taskId,
    problemId: id,
    reportedOn: day(lastReportedAt),
    content: done ? '整改完成，已组织自查' : '已制定方案，正在推进整改',
    percent: progress,
    createdAt: iso(lastReportedAt),
    updatedAt: iso(lastReportedAt),
  });
  if (!done) {
    // open past its deadline: the supervision scan has reminded and urged
    if (deadline < now) {
      const issuedAt = deadline + r.int(1, 3) * DAY;
      if (issuedAt <= now) {
        into.mq_supervisions.push({
          id: ++ids.supervision,
          problemId: id,
          level: issuedAt + 7 * DAY < now ? 'urge' : 'reminder',
          reason: 'overdue',
          issuedAt: iso(issuedAt),
          responseDueOn: day(issuedAt + 3 * DAY),
          createdAt: iso(issuedAt),
          updatedAt: iso(issuedAt),
        });
      }
    }
    return;
  }
  const completedAt = doneAt as number; // done: completed, so stamped
  const revisitedAt = completedAt + r.int(1, 9) * DAY;
  if (r.next() < 0.9 && revisitedAt <= now) {
    into.mq_revisits.push({
      id: ++ids.revisit,
      problemId: id,
      revisiterId: people.leader(),
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
  } else if (status === 'done') {
    // 待回访: a leader has it on their list
    into.mq_revisits.push({
      id: ++ids.revisit,
      problemId: id,
      revisiterId: people.leader(),
      state: 'pending',
      dueOn: day(completedAt + 10 * DAY),
      createdAt: iso(completedAt),
      updatedAt: iso(completedAt),
    });
  }
  const at = completedAt + r.int(1, 20) * DAY;
  if (r.next() < 0.3 && at <= now) {
    into.mq_evaluations.push({
      id: ++ids.evaluation,
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

export const emptyChunk = (): Chunk => ({
  mq_problems: [],
  mq_responsibilities: [],
  mq_tasks: [],
  mq_progress_reports: [],
  mq_supervisions: [],
  mq_revisits: [],
  mq_evaluations: [],
});

/**
 * Problems with their responsibilities, tasks, revisits and evaluations, `size` at a time.
 * Deterministic for a seed; skewed like real life (big units, busy months).
 */
export function* problemChunks(r: Random, options: Required<DatasetOptions>, size = 2000): Generator<Chunk> {
  const now = options.now;
  const start = Date.UTC(options.year, 0, 1);
  const end = Math.min(now - DAY, Date.UTC(options.year, 11, 31));
  const span = Math.max(DAY, end - start);
  const ids = newCounters();
  const people: People = {
    handler: () => r.int(1, options.staff),
    leader: () => r.int(1, Math.max(1, Math.round(options.staff / 8))),
  };
  for (let first = 1; first <= options.problems; first += size) {
    const chunk = emptyChunk();
    for (let id = first; id < Math.min(first + size, options.problems + 1); id++) {
      const month = r.weighted(MONTH_WEIGHTS.map((w, m) => [m, w] as const));
      let createdAt = Date.UTC(options.year, month, r.int(1, 28), r.int(0, 23), r.int(0, 59));
      if (createdAt > end) createdAt = start + Math.floor(r.next() * span);
      const unitId = r.skewed(options.units) + 1;
      const code = problemCode(options.year, id);
      problemLife(r, { id, code, createdAt, unitId, now }, people, ids, chunk);
    }
    yield chunk;
  }
}
