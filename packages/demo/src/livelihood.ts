import type { Row } from './dataset';
import type { Random } from './random';

const DAY = 24 * 3600 * 1000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** [title, goals, category of the problems it answers, milestones] */
const PROJECTS: [string, string, string, string[]][] = [
  [
    '城区中小学课后服务提质扩容',
    '城区义务教育学校课后服务全覆盖，开设兴趣类课程不少于3门，服务时间与家长下班时间衔接。',
    'after_school',
    ['摸排家长需求', '制定课程清单', '遴选校外服务机构', '全面开课'],
  ],
  [
    '农村学校食堂改造提升',
    '完成20所农村学校食堂改造，实现明厨亮灶，就餐排队不超过10分钟。',
    'canteen',
    ['确定改造学校名单', '完成设计招标', '施工改造', '竣工验收'],
  ],
  [
    '中小学教室照明达标改造',
    '更换老旧灯具，教室照度全部达到国家标准，守护学生视力健康。',
    'school_conditions',
    ['照度检测', '采购灯具', '分批安装', '复检验收'],
  ],
  [
    '校园周边交通安全护学岗建设',
    '城区学校上下学时段护学岗全覆盖，校门口设置临时停车带。',
    'campus_safety',
    ['会同交警部门现场踏勘', '设置护学岗和停车带', '组织家长志愿者上岗'],
  ],
  [
    '家庭经济困难学生资助应助尽助',
    '资助资金按时足额发放，认定结果按规定公示，做到应助尽助。',
    'financial_aid',
    ['开展资助对象认定', '公示认定结果', '发放资助资金'],
  ],
  [
    '乡村学校音体美教师补充',
    '通过招聘、交流轮岗和送教下乡，补齐乡村小学音体美教师缺口。',
    'assistance',
    ['核定缺编学科', '组织公开招聘', '安排城区教师交流轮岗', '开展送教下乡'],
  ],
];
/** where each project stands: [status, share of its milestones done, leaders who may claim it, leaders who did] */
const STANDING: [string, number, number, number][] = [
  ['in_progress', 0.5, 2, 2],
  ['in_progress', 0.75, 2, 1],
  ['done', 1, 1, 1],
  ['in_progress', 0.34, 1, 1],
  ['planned', 0, 2, 1],
  ['planned', 0, 1, 0], // 待认领: a project no leader has taken yet
];

export interface Livelihood {
  mq_livelihood_actions: Row[];
  mq_livelihood_projects: Row[];
  mq_project_milestones: Row[];
  mq_project_claims: Row[];
  mq_livelihood_projects_problems: Row[];
}

/**
 * 民生实事 in the demo: the bureau's yearly action with six projects, their milestones (the past
 * ones done as far as each project has come), the leaders who claimed them (one or two each,
 * `claimedCount` as the claim action keeps it; one project still unclaimed) and a few problems
 * each answers. Drawn with a generator of their own, so the rest of the bureau stays as it was.
 */
export function livelihoodProjects(
  r: Random,
  since: number,
  now: number,
  leaderIds: number[],
  units: Row[],
  problems: Row[],
): Livelihood {
  const year = new Date(now).getUTCFullYear();
  const stamp = new Date(since);
  const out: Livelihood = {
    mq_livelihood_actions: [
      {
        id: 1,
        name: `${year}年教育民生实事`,
        year,
        description: '围绕群众急难愁盼，办好一批看得见、摸得着的教育民生实事。',
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
    mq_livelihood_projects: [],
    mq_project_milestones: [],
    mq_project_claims: [],
    mq_livelihood_projects_problems: [],
  };
  const offices = units.filter((u) => u.type === 'office' && u.region === '市直');
  const free = [...leaderIds];
  const deadline = Date.UTC(year, 11, 31);
  PROJECTS.forEach(([title, goals, category, milestones], i) => {
    const [status, share, slots, claimed] = STANDING[i];
    const id = i + 1;
    const done = Math.round(milestones.length * share);
    const progressPercent = status === 'done' ? 100 : Math.round((done / milestones.length) * 100);
    out.mq_livelihood_projects.push({
      id,
      actionId: 1,
      title,
      goals,
      unitId: r.pick(offices).id,
      leaderSlots: slots,
      claimedCount: claimed,
      status,
      progressPercent,
      progressNote: status === 'planned' ? null : `已完成“${milestones[Math.max(0, done - 1)]}”，${status === 'done' ? '项目已完成' : `正在推进“${milestones[done]}”`}。`,
      deadline: day(deadline),
      createdAt: stamp,
      updatedAt: new Date(now - r.int(1, 10) * DAY),
    });
    // milestones spread from the start of the campaign to the end of the year; the done ones before now
    const step = (deadline - since) / milestones.length;
    milestones.forEach((name, k) => {
      const dueOn = since + step * (k + 1);
      const doneAt = k < done ? Math.min(now - DAY, since + step * k + r.int(5, 25) * DAY) : null;
      out.mq_project_milestones.push({
        id: out.mq_project_milestones.length + 1,
        projectId: id,
        title: name,
        dueOn: day(dueOn),
        doneAt: doneAt && new Date(doneAt),
        createdAt: stamp,
        updatedAt: new Date(doneAt ?? since),
      });
    });
    for (let c = 0; c < claimed; c++) {
      const leaderId = free.splice(r.int(0, free.length - 1), 1)[0];
      const claimedAt = new Date(since + r.int(3, 20) * DAY);
      out.mq_project_claims.push({
        id: out.mq_project_claims.length + 1,
        projectId: id,
        leaderId,
        claimedAt,
        active: true,
        createdAt: claimedAt,
        updatedAt: claimedAt,
      });
    }
    // the problems it answers: two of its category that the campaign found
    const related = problems.filter((p) => p.category === category);
    for (let k = 0; k < Math.min(2, related.length); k++) {
      const problem = related.splice(r.int(0, related.length - 1), 1)[0];
      out.mq_livelihood_projects_problems.push({ projectId: id, problemId: problem.id, createdAt: stamp, updatedAt: stamp });
    }
  });
  return out;
}
