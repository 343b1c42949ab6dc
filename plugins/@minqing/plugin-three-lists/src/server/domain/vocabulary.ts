/**
 * The words of the campaign (DOMAIN.md) as stored values and English source labels; the locale
 * files carry the Chinese. Values that our rules depend on (statuses, modes, outcomes, levels,
 * the 接诉即办 source) are fixed; category and other option lists are admin-editable.
 */
import type { Option } from '../collections/fields';

export const STATUS_OPTIONS: Option[] = [
  { value: 'new', label: 'To assign', color: 'default' }, // 待交办
  { value: 'assigned', label: 'Assigned', color: 'blue' }, // 已交办
  { value: 'in_progress', label: 'In progress', color: 'processing' }, // 办理中
  { value: 'done', label: 'Done', color: 'cyan' }, // 已办结
  { value: 'closed', label: 'Closed', color: 'green' }, // 已销号
  { value: 'reopened', label: 'Reopened', color: 'red' }, // 重新办理
];

/** topic areas of the bureau (问题类别) */
export const CATEGORY_OPTIONS: Option[] = [
  { value: 'enrollment', label: 'Enrollment' }, // 入学
  { value: 'after_school', label: 'After-school services' }, // 课后服务
  { value: 'exams', label: 'Examinations and admissions' }, // 招考
  { value: 'employment', label: 'Employment' }, // 就业
  { value: 'canteen', label: 'Canteens' }, // 食堂
  { value: 'campus_safety', label: 'Campus safety' }, // 校园安全
  { value: 'financial_aid', label: 'Financial aid' }, // 资助
  { value: 'assistance', label: 'Assistance' }, // 帮扶
  { value: 'care', label: 'Care' }, // 关爱
  { value: 'teacher_ethics', label: 'Teacher ethics' }, // 师德师风
  { value: 'school_conditions', label: 'School conditions' }, // 办学条件
  { value: 'other', label: 'Other' }, // 其他
];

export const SOURCE_OPTIONS: Option[] = [
  { value: 'visit', label: 'Visit' }, // 走访
  { value: 'research', label: 'Research' }, // 调研
  { value: 'complaint', label: 'Handled upon complaint' }, // 接诉即办
  { value: 'proactive', label: 'Handled before complaint' }, // 未诉先办
  { value: 'inspection', label: 'Inspection' }, // 巡视巡察
  { value: 'audit', label: 'Audit' }, // 审计监督
  { value: 'special_campaign', label: 'Special campaign' }, // 专项整治
  { value: 'carried_over', label: 'Carried over' }, // 前期遗留
  { value: 'other', label: 'Other' }, // 其他
];

/** 未诉先办: problems found before anyone complained (the figures count them and their share) */
export const PROACTIVE_SOURCE = 'proactive';
/** 接诉即办: a complaint from the public */
export const COMPLAINT_SOURCE = 'complaint';

export const DIFFICULTY_OPTIONS: Option[] = [
  { value: 'quick', label: 'Solvable at once' }, // 即知即办
  { value: 'hard', label: 'Hard to solve at once' }, // 一时难解
];

/** 首接首办 / 领导包保 */
export const MODE_OPTIONS: Option[] = [
  { value: 'first_receiver', label: 'First receiver handles' },
  { value: 'leader_guarantee', label: 'Leader guarantees' },
];

/** 节假日与调休 (mq_holidays): the kinds of workdays.ts DAY_KINDS */
export const DAY_KIND_OPTIONS: Option[] = [
  { value: 'holiday', label: 'Holiday', color: 'red' }, // 放假
  { value: 'workday', label: 'Adjusted workday', color: 'blue' }, // 调休上班
];

export const REVISIT_METHOD_OPTIONS: Option[] = [
  { value: 'on_site', label: 'On site' }, // 实地
  { value: 'phone', label: 'By phone' }, // 电话
  { value: 'online', label: 'Online' }, // 线上
  { value: 'meeting', label: 'Meeting' }, // 座谈
];

/** 已解决 / 部分解决 / 未解决 */
export const OUTCOME_OPTIONS: Option[] = [
  { value: 'resolved', label: 'Resolved', color: 'green' },
  { value: 'partly_resolved', label: 'Partly resolved', color: 'orange' },
  { value: 'unresolved', label: 'Unresolved', color: 'red' },
];

export const REVISIT_STATE_OPTIONS: Option[] = [
  { value: 'pending', label: 'Planned', color: 'blue' }, // 待回访
  // not 'Done': that is a problem's 已办结, and a finished revisit is 已回访
  { value: 'done', label: 'Revisited', color: 'green' }, // 已回访
];

/** GB/T 39735 five levels, stored as 1–5 */
export const SATISFACTION_OPTIONS: Option[] = [
  { value: 5, label: 'Very satisfied', color: 'green' }, // 非常满意
  { value: 4, label: 'Satisfied', color: 'lime' }, // 满意
  { value: 3, label: 'Basically satisfied', color: 'gold' }, // 基本满意
  { value: 2, label: 'Dissatisfied', color: 'orange' }, // 不满意
  { value: 1, label: 'Very dissatisfied', color: 'red' }, // 非常不满意
];

export const EVALUATOR_OPTIONS: Option[] = [
  { value: 'teacher', label: 'Teacher' },
  { value: 'student', label: 'Student' },
  { value: 'parent', label: 'Parent' },
  { value: 'other', label: 'Other' },
];

export const CHANNEL_OPTIONS: Option[] = [
  { value: 'online', label: 'Online' },
  { value: 'revisit', label: 'During a revisit' },
  { value: 'phone', label: 'By phone' },
  { value: 'on_site', label: 'On site' },
];

export const UNIT_TYPE_OPTIONS: Option[] = [
  { value: 'primary_secondary', label: 'Primary or secondary school' }, // 中小学
  { value: 'kindergarten', label: 'Kindergarten' }, // 幼儿园
  { value: 'vocational', label: 'Vocational school' }, // 职业院校
  { value: 'university', label: 'University' }, // 高校
  { value: 'office', label: 'Bureau office' }, // 机关科室
  { value: 'service_window', label: 'Service window' }, // 服务窗口
  { value: 'community', label: 'Community' }, // 社区
  { value: 'other', label: 'Other' },
];

export const SUPERVISION_LEVEL_OPTIONS: Option[] = [
  { value: 'reminder', label: 'Reminder', color: 'blue' }, // 提醒
  { value: 'urge', label: 'Urge', color: 'gold' }, // 催办
  { value: 'supervise', label: 'Supervise', color: 'orange' }, // 督办
  { value: 'notify', label: 'Public notice', color: 'red' }, // 通报
];

export const SUPERVISION_REASON_OPTIONS: Option[] = [
  { value: 'due_soon', label: 'Due soon' }, // 临期
  { value: 'overdue', label: 'Overdue' }, // 逾期
  { value: 'stalled', label: 'Progress stalled' }, // 进展滞后
  { value: 'dissatisfied', label: 'Dissatisfied' }, // 不满意
];

/**
 * 问题编号 WT2026-000123: prefix, year, a number per year. The collection's sequence field, the
 * demo and imported data write the same shape, and the sequence continues after what is there.
 */
export const PROBLEM_CODE = { prefix: 'WT', digits: 6 } as const;

export function problemCode(year: number, n: number): string {
  return `${PROBLEM_CODE.prefix}${year}-${String(n).padStart(PROBLEM_CODE.digits, '0')}`;
}

/** The number of a code of that year (any number of digits), or null for another year or shape. */
export function problemCodeNumber(code: unknown, year: number): number | null {
  if (typeof code !== 'string') return null;
  const m = /^([A-Z]+)(\d{4})-(\d+)$/.exec(code);
  if (!m || m[1] !== PROBLEM_CODE.prefix || Number(m[2]) !== year) return null;
  return Number(m[3]);
}
