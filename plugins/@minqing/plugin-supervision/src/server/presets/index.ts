import type { Database } from '@nocobase/database';
import { t } from '@minqing/plugin-three-lists';
import { DEFAULTS } from '../domain/defaults';
import { DEFAULT_SCAN } from '../domain/supervision';
import { systemLanguage, wordsIn } from '../services/words';

const NS = '@minqing/plugin-supervision';

interface Preset {
  /** the workflow's key: how the preset is found again, whatever its title */
  key: string;
  /** English source, translated into the system's language at install (the designer shows titles as they are) */
  title: string;
  /** default: enabled */
  enabled?: boolean;
  description: string;
  type: string;
  config: Record<string, unknown>;
  nodes: { type: string; title: string; config: Record<string, unknown> }[];
}

/**
 * A 未诉先办 check by the calendar: once a year at 08:30 bureau time on `onDay` ("day month"), one
 * proactive problem per unit of the given types; off until the office checks the date.
 */
function seasonalCheck(check: {
  key: string;
  title: string;
  description: string;
  onDay: string;
  node: string;
  problem: { title: string; description: string; category: string; unitTypes: string[] };
}): Preset {
  return {
    key: check.key,
    title: check.title,
    description: check.description,
    type: 'schedule',
    enabled: false,
    config: { mode: 0, startsOn: '2026-01-01T00:30:00.000Z', repeat: `30 8 ${check.onDay} *` },
    nodes: [{ type: 'mq-proactive-problems', title: check.node, config: check.problem }],
  };
}

/** The workflows a bureau starts with; ordinary workflows, edited or switched off in the designer. */
export const PRESETS: Preset[] = [
  {
    key: 'mq-due-soon',
    title: 'Due-soon reminder', // 临期提醒
    description: 'Reminds the responsible person two working days before a deadline',
    type: 'mq-supervision',
    config: { conditions: ['due_soon'], dueSoonDays: DEFAULTS.dueSoonDays, intervalMinutes: DEFAULTS.intervalMinutes },
    nodes: [
      {
        type: 'mq-issue-supervision',
        title: 'Send a reminder', // 发提醒
        config: { level: 'reminder', reason: 'due_soon', responseDays: 1 },
      },
    ],
  },
  {
    key: 'mq-overdue',
    title: 'Overdue supervision', // 逾期督办
    description: 'Overdue work escalates: reminder, urge, supervise, public notice',
    type: 'mq-supervision',
    config: {
      conditions: ['overdue'],
      escalation: { ...DEFAULTS.escalation },
      intervalMinutes: DEFAULTS.intervalMinutes,
    },
    nodes: [
      {
        type: 'mq-issue-supervision',
        title: 'Issue supervision', // 发督办
        config: { level: '{{$context.level}}', reason: 'overdue', responseDays: DEFAULTS.responseDays },
      },
    ],
  },
  {
    key: 'mq-revisit-after-done',
    title: 'Revisit after completion', // 办结回访
    description: 'Plans a revisit three working days after completion',
    type: 'mq-revisit',
    config: { delayDays: DEFAULTS.revisitDelayDays, intervalMinutes: DEFAULTS.intervalMinutes },
    nodes: [{ type: 'mq-schedule-revisit', title: 'Plan a revisit', config: { days: DEFAULTS.revisitDueDays } }],
  },
  {
    key: 'mq-dissatisfied',
    title: 'Redo when dissatisfied', // 不满意重办
    description: 'A dissatisfied evaluation is supervised (the problem is already reopened)',
    type: 'mq-supervision',
    config: {
      conditions: ['dissatisfied'],
      dissatisfiedBelow: DEFAULT_SCAN.dissatisfiedBelow,
      intervalMinutes: DEFAULTS.intervalMinutes,
    },
    nodes: [
      {
        type: 'mq-issue-supervision',
        title: 'Supervise the dissatisfaction', // 不满意督办
        config: { level: 'supervise', reason: 'dissatisfied', responseDays: 3 },
      },
    ],
  },
  {
    key: 'mq-monthly-dispatch',
    title: 'Monthly dispatch', // 每月调度
    description: 'On the first of every month: last month’s figures, saved as a report and sent to every leader',
    type: 'schedule',
    // off until the office switches it on for the campaign: it writes to every leader
    enabled: false,
    // 08:30 on the 1st, bureau time (the server's TZ; .env sets Asia/Shanghai)
    config: { mode: 0, startsOn: '2026-01-01T00:30:00.000Z', repeat: '30 8 1 * *' },
    nodes: [{ type: 'mq-monthly-report', title: 'Monthly dispatch report', config: {} }],
  },
  // 作风监督: computes the flags daily; the office adds its response (a notice, a supervision) in the designer
  {
    key: 'mq-work-style',
    title: 'Work-style watch', // 作风监督
    description: 'Every day: the work-style flags and the handle-before-complaint candidates are computed',
    type: 'mq-work-style',
    config: { intervalMinutes: 1440 },
    nodes: [],
  },
  // 未诉先办 by the calendar (seed 二(二)): off until the office checks the dates and switches them on
  seasonalCheck({
    key: 'mq-season-enrolment',
    title: 'Enrolment risk check before the term', // 开学季入学风险排查
    description:
      'Before the school year: an enrolment check at every school and kindergarten, handled before anyone complains',
    onDay: '20 8', // 20 August
    node: 'Enrolment check', // 开学入学排查
    problem: {
      title: '开学季入学、学位与资助政策排查',
      description: '开学前主动排查入学报名、学位安排、资助申请中的难点，未诉先办。',
      category: 'enrollment',
      unitTypes: ['primary_secondary', 'kindergarten'],
    },
  }),
  seasonalCheck({
    key: 'mq-season-drowning',
    title: 'Drowning-prevention check before the flood season', // 汛期防溺水排查
    description: 'Before the flood season: drowning prevention at every school',
    onDay: '15 5', // 15 May
    node: 'Drowning-prevention check', // 防溺水排查
    problem: {
      title: '汛期防溺水安全排查',
      description: '汛期前排查校园周边水域、警示标识、安全教育与家校提醒落实情况。',
      category: 'campus_safety',
      unitTypes: ['primary_secondary', 'vocational'],
    },
  }),
  seasonalCheck({
    key: 'mq-season-exams',
    title: 'Service check before the examination weeks', // 招考周服务排查
    description: 'Before the examination weeks: exam and admission services at schools and service windows',
    onDay: '25 5', // 25 May (中考、高考 in June)
    node: 'Examination service check', // 招考服务排查
    problem: {
      title: '招考期间考务与咨询服务排查',
      description: '中考、高考前排查考点保障、政策咨询、窗口服务中的堵点，未诉先办。',
      category: 'exams',
      unitTypes: ['primary_secondary', 'service_window'],
    },
  }),
];

export async function installPresets(db: Database) {
  const workflows = db.getRepository('workflows');
  const words = wordsIn(await systemLanguage(db));
  const zh = wordsIn('zh-CN');
  for (const preset of PRESETS) {
    // made before presets had keys: found by their Chinese title
    const made = await workflows.findOne({
      filter: { $or: [{ key: preset.key }, { title: zh(preset.title), type: preset.type }] },
    });
    if (made) continue;
    const workflow: any = await workflows.create({
      values: {
        key: preset.key,
        title: words(preset.title),
        description: t(preset.description, NS),
        type: preset.type,
        enabled: preset.enabled ?? true,
        sync: false,
        config: preset.config,
      },
    });
    let upstream: any = null;
    for (const node of preset.nodes) {
      const created = await workflow.createNode({
        ...node,
        title: words(node.title),
        upstreamId: upstream?.get('id') ?? null,
      });
      if (upstream) await upstream.setDownstream(created);
      upstream = created;
    }
  }
}
