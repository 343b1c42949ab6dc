import { emptyChunk, newCounters, problemLife, type Chunk, type People, type Row } from './dataset';
import { addBadHabits } from './habits';
import { publicReports } from './intake';
import { livelihoodProjects, type Livelihood } from './livelihood';
import { seeded, type Random } from './random';
import { problemCode } from '@minqing/plugin-three-lists/domain';

/** A city bureau of education as it stands a few months into the campaign. */
export interface BureauOptions {
  seed?: number;
  /** the moment the data set is "as of" (default: now); nothing happens after it */
  now?: number;
  /** how long the campaign has run */
  months?: number;
  leaders?: number;
  cadres?: number;
  visits?: number;
  problems?: number;
  /** first id for the bureau's users (the administrator keeps the ids before it) */
  firstUserId?: number;
}

export interface Person {
  id: number;
  username: string;
  nickname: string;
  role: 'mq_leader' | 'mq_cadre';
  /** 职务 */
  post: string;
  /** a leader's own unit (users.mqUnitId): the education office of the county they cover */
  unitId?: number;
}

export interface Bureau extends Chunk, Livelihood {
  people: Person[];
  mq_units: Row[];
  mq_liaison_points: Row[];
  mq_visits: Row[];
  mq_visits_problems: Row[];
  /** 接诉即办 (plugin-publicity): written after the problems they point at */
  mq_public_reports: Row[];
}

const DAY = 24 * 3600 * 1000;

/** 荆州: the city bureau and its counties (区/县/市), with towns for their schools. */
const REGIONS: [string, string[]][] = [
  ['市直', []],
  ['沙市区', ['岑河镇', '观音垱镇', '锣场镇', '立新乡']],
  ['荆州区', ['川店镇', '马山镇', '八岭山镇', '纪南镇']],
  ['江陵县', ['郝穴镇', '熊河镇', '普济镇', '资市镇']],
  ['公安县', ['斗湖堤镇', '杨家厂镇', '埠河镇', '夹竹园镇', '闸口镇']],
  ['监利市', ['容城镇', '朱河镇', '新沟镇', '毛市镇', '福田寺镇']],
  ['石首市', ['绣林街道', '小河口镇', '高基庙镇', '东升镇']],
  ['松滋市', ['新江口镇', '老城镇', '街河市镇', '八宝镇']],
  ['洪湖市', ['新堤街道', '峰口镇', '曹市镇', '府场镇', '瞿家湾镇']],
];
const OFFICES = ['基础教育科', '学生资助中心', '教育督导室', '安全稳定科', '教师工作科'];
const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟';
const GIVEN = [
  '建国',
  '丽华',
  '志强',
  '秀英',
  '海燕',
  '文军',
  '晓明',
  '红梅',
  '国平',
  '春华',
  '德胜',
  '玉兰',
  '俊杰',
  '静',
  '敏',
  '磊',
  '婷',
  '勇',
  '芳',
  '涛',
  '雪梅',
  '立新',
  '卫东',
  '慧',
  '洁',
  '斌',
  '鹏',
  '丹',
  '超',
  '霞',
];
const LEADER_POSTS = ['局长', '副局长', '副局长', '纪检组长', '总督学', '党组成员', '科长', '科长', '副科长'];
const CADRE_POSTS = ['科员', '干部', '教研员', '督学', '窗口工作人员', '校长', '副校长', '党支部书记'];
const VISIT_SUMMARIES = [
  '走进课堂听课，与师生座谈，了解课后服务开展情况。',
  '进食堂陪餐，查看食品安全台账和后厨卫生。',
  '进宿舍查看住宿条件，听取寄宿生意见。',
  '召开家长座谈会，收集对学校办学的意见建议。',
  '坐窗口走流程，体验学籍转接和资助申请办理。',
  '家访困难学生家庭，了解资助政策落实情况。',
  '查看校园安全设施和上下学交通秩序。',
];
const VOICES = [
  '希望增加课后服务的兴趣课程。',
  '反映食堂菜品种类少。',
  '希望改善教室照明条件。',
  '反映上下学时段校门口拥堵。',
  '希望资助资金及时发放。',
  '',
];

function personName(r: Random, used: Set<string>) {
  for (;;) {
    const name = r.pick([...SURNAMES]) + r.pick(GIVEN);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    if (used.size > 1200) return `${name}${used.size}`;
  }
}

/** Units in each county, as they stood when the campaign began (`stamp`). */
function units(r: Random, stamp: Date): Row[] {
  const rows: Row[] = [];
  const add = (name: string, type: string, region: string) =>
    rows.push({ id: rows.length + 1, name, type, region, createdAt: stamp, updatedAt: stamp });
  for (const [region, towns] of REGIONS) {
    const prefix = region === '市直' ? '荆州市' : region;
    if (region === '市直') {
      for (const office of OFFICES) add(`荆州市教育局${office}`, 'office', region);
      add('荆州市教育局政务服务窗口', 'service_window', region);
      add('荆州市第一中学', 'primary_secondary', region);
      add('荆州中学', 'primary_secondary', region);
      add('荆州市实验中学', 'primary_secondary', region);
      add('荆州市实验小学', 'primary_secondary', region);
      add('荆州市机关幼儿园', 'kindergarten', region);
      add('荆州职业技术学院', 'vocational', region);
      add('荆州市特殊教育学校', 'other', region);
      add('长江大学', 'university', region);
      continue;
    }
    add(`${prefix}教育局政务服务窗口`, 'service_window', region);
    add(`${prefix}教育局基础教育股`, 'office', region);
    add(`${prefix}第一中学`, 'primary_secondary', region);
    add(`${prefix}实验中学`, 'primary_secondary', region);
    add(`${prefix}实验小学`, 'primary_secondary', region);
    add(`${prefix}第二小学`, 'primary_secondary', region);
    add(`${prefix}实验幼儿园`, 'kindergarten', region);
    add(`${prefix}职业教育中心`, 'vocational', region);
    for (const town of towns) {
      const short = town.replace(/(镇|乡|街道)$/, '');
      add(`${prefix}${short}初级中学`, 'primary_secondary', region);
      add(`${prefix}${short}中心小学`, 'primary_secondary', region);
      add(`${prefix}${short}中心幼儿园`, 'kindergarten', region);
      if (r.next() < 0.6) add(`${prefix}${short}第二小学`, 'primary_secondary', region);
      if (r.next() < 0.4) add(`${prefix}${short}社区教育学校`, 'community', region);
    }
  }
  return rows;
}

/**
 * The demo bureau: units of every type in each county, leaders and cadres with their liaison
 * points, visits that found problems, and every problem's loop so far (responsibilities, tasks,
 * progress, supervision of the overdue, revisits and evaluations). Same seed and `now`, same bureau.
 */
export function bureau(options: BureauOptions = {}): Bureau {
  const seed = options.seed ?? 20231201;
  const now = options.now ?? Date.now();
  const months = options.months ?? 4;
  const firstUserId = options.firstUserId ?? 2;
  const r = seeded(seed);
  const since = now - months * 30 * DAY;
  const stamp = new Date(since);
  const unitRows = units(r, stamp);

  const used = new Set<string>();
  const people: Person[] = [];
  const leaderCount = options.leaders ?? 40;
  const cadreCount = options.cadres ?? 300;
  for (let i = 0; i < leaderCount + cadreCount; i++) {
    const leader = i < leaderCount;
    const n = leader ? i + 1 : i - leaderCount + 1;
    people.push({
      id: firstUserId + i,
      username: leader ? `leader${String(n).padStart(2, '0')}` : `cadre${String(n).padStart(3, '0')}`,
      nickname: personName(r, used),
      role: leader ? 'mq_leader' : 'mq_cadre',
      post: leader ? LEADER_POSTS[Math.min(i, LEADER_POSTS.length - 1)] : r.pick(CADRE_POSTS),
    });
  }
  const leaders = people.filter((p) => p.role === 'mq_leader');
  const cadres = people.filter((p) => p.role === 'mq_cadre');

  // 联系点: each leader 1–2 grassroots units, each cadre one; offices are not liaison points
  const grassroots = unitRows.filter((u) => u.type !== 'office');
  const points: Row[] = [];
  const unitsOf = new Map<number, number[]>();
  const addPoint = (person: Person, unitId: number) => {
    points.push({
      id: points.length + 1,
      cadreId: person.id,
      unitId,
      since: new Date(since).toISOString().slice(0, 10),
      active: true,
      createdAt: stamp,
      updatedAt: stamp,
    });
    unitsOf.set(person.id, [...(unitsOf.get(person.id) ?? []), unitId]);
  };
  // where each leader belongs: the education office (教育局 股室) of the county of their first
  // liaison point, so 领导回访覆盖率 and 联系点覆盖率 read by region and unit (no random draw: the
  // rest of the bureau stays as it was)
  const officeOf = new Map<unknown, number>();
  for (const u of unitRows) if (u.type === 'office' && !officeOf.has(u.region)) officeOf.set(u.region, u.id as number);
  leaders.forEach((leader, i) => {
    leader.unitId = officeOf.get(grassroots[(i * 7) % grassroots.length].region);
    addPoint(leader, grassroots[(i * 7) % grassroots.length].id as number);
    if (r.next() < 0.6) addPoint(leader, grassroots[(i * 7 + 3) % grassroots.length].id as number);
  });
  cadres.forEach((cadre, i) => addPoint(cadre, grassroots[i % grassroots.length].id as number));

  // 走访: busier at the start of the campaign and before each month's dispatch
  const visitors = [...leaders, ...cadres];
  const out: Bureau = {
    ...emptyChunk(),
    people,
    mq_units: unitRows,
    mq_liaison_points: points,
    mq_visits: [],
    mq_visits_problems: [],
    mq_public_reports: [],
    mq_livelihood_actions: [],
    mq_livelihood_projects: [],
    mq_project_milestones: [],
    mq_project_claims: [],
    mq_livelihood_projects_problems: [],
  };
  const visitCount = options.visits ?? 2000;
  for (let id = 1; id <= visitCount; id++) {
    const visitor = r.pick(visitors);
    const unitId = r.pick(unitsOf.get(visitor.id) as number[]); // visitors are drawn from those with liaison points
    const early = r.next() < 0.35;
    const at = since + Math.floor(Math.pow(r.next(), early ? 2 : 1) * (now - since - DAY)) + r.int(8, 17) * 3600 * 1000;
    const visitedAt = new Date(Math.min(at, now - 3600 * 1000));
    out.mq_visits.push({
      id,
      cadreId: visitor.id,
      unitId,
      visitedAt,
      kinds: JSON.stringify([r.pick(['classroom', 'canteen', 'dormitory', 'forum', 'window', 'home_visit'])]),
      contacted: JSON.stringify(r.next() < 0.5 ? ['teachers', 'students'] : ['parents']),
      peopleCount: r.int(3, 40),
      summary: r.pick(VISIT_SUMMARIES),
      voices: r.pick(VOICES),
      createdAt: visitedAt,
      updatedAt: visitedAt,
    });
  }

  // problems: most found on visits, the rest from complaints, research and inspections
  const ids = newCounters();
  const staff: People = {
    handler: () => r.pick(cadres).id,
    leader: () => r.pick(leaders).id,
  };
  const problemCount = options.problems ?? 1500;
  const year = new Date(now).getUTCFullYear();
  for (let id = 1; id <= problemCount; id++) {
    const fromVisit = r.next() < 0.6;
    const visit = fromVisit ? out.mq_visits[r.skewed(out.mq_visits.length, 1.2)] : null;
    const createdAt = visit
      ? Math.min(now - 3600 * 1000, (visit.visitedAt as Date).getTime() + r.int(1, 6) * 3600 * 1000)
      : since + Math.floor(r.next() * (now - since - 3600 * 1000));
    const unitId = visit ? (visit.unitId as number) : (grassroots[r.skewed(grassroots.length, 1.6)].id as number);
    const code = problemCode(year, id); // the app's format: its sequence continues after these
    const source = visit
      ? 'visit'
      : r.weighted([
          ['complaint', 45],
          ['research', 20],
          ['proactive', 15],
          ['inspection', 10],
          ['carried_over', 10],
        ] as const);
    problemLife(r, { id, code, createdAt, unitId, now, source }, staff, ids, out);
    if (visit)
      out.mq_visits_problems.push({
        visitId: visit.id,
        problemId: id,
        createdAt: visit.visitedAt,
        updatedAt: visit.visitedAt,
      });
  }
  // 代录: some ratings were taken by phone and entered by the problem's handler
  const handler = new Map(out.mq_responsibilities.map((r) => [r.problemId as number, r.personId as number]));
  for (const e of out.mq_evaluations) {
    if ((e.id as number) % 10 === 0)
      Object.assign(e, { byStaff: true, channel: 'phone', createdById: handler.get(e.problemId as number) });
  }
  addBadHabits(
    out,
    ids,
    now,
    cadres.map((c) => c.id),
  );
  // 接诉即办 and 民生实事, each from a generator of its own: what came before is drawn as it was
  out.mq_public_reports = publicReports(seeded(seed + 1), out.mq_problems, unitRows, now);
  Object.assign(
    out,
    livelihoodProjects(seeded(seed + 2), since, now, leaders.map((l) => l.id), unitRows, out.mq_problems),
  );
  return out;
}
