import { AlertOutlined, BarChartOutlined, RiseOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Instruction } from '@nocobase/plugin-workflow/client';
import React from 'react';
import { DEFAULTS } from '../server/domain/defaults';
import { CATEGORY_OPTIONS, UNIT_TYPE_OPTIONS } from '@minqing/plugin-three-lists/client';
import { coreOptions, item, LEVEL_ENUM, number, REASON_ENUM, t } from './schema';

const problemId = item('Problem ID', 'Input', {
  default: '{{$context.problemId}}',
  description: t('Usually the problem of the trigger: {{$context.problemId}}'),
});

/** 发督办 */
export class IssueSupervisionInstruction extends Instruction {
  title = t('Issue supervision');
  type = 'mq-issue-supervision';
  group = 'extended';
  description = t('Writes a supervision record and notifies the responsible person (and the guarantor leader) in-app');
  icon = (<AlertOutlined />);
  fieldset = {
    problemId,
    level: item('Level', 'Select', {
      default: '{{$context.level}}',
      enum: [{ value: '{{$context.level}}', label: t('As the trigger says') }, ...LEVEL_ENUM],
    }),
    reason: item('Reason', 'Select', {
      default: '{{$context.condition}}',
      enum: [{ value: '{{$context.condition}}', label: t('As the trigger says') }, ...REASON_ENUM],
    }),
    responseDays: number('Response due in working days', 1, 30, DEFAULTS.responseDays),
  };
}

/** 升级 */
export class EscalateInstruction extends Instruction {
  title = t('Escalate supervision');
  type = 'mq-escalate';
  group = 'extended';
  description = t('Issues the next level after the latest supervision: reminder, urge, supervise, public notice');
  icon = (<RiseOutlined />);
  fieldset = { problemId, responseDays: number('Response due in working days', 1, 30, DEFAULTS.responseDays) };
}

/** 安排回访 */
export class ScheduleRevisitInstruction extends Instruction {
  title = t('Schedule a revisit');
  type = 'mq-schedule-revisit';
  group = 'extended';
  description = t('Plans a revisit of the problem for a leader, due in N working days');
  icon = (<ScheduleOutlined />);
  fieldset = {
    problemId,
    revisiterId: item('Revisited by (user ID)', 'Input', { default: '{{$context.guarantorId}}' }),
    days: number('Due in working days', 1, 60, DEFAULTS.revisitDueDays),
  };
}

/** 每月调度 */
export class MonthlyReportInstruction extends Instruction {
  title = t('Monthly dispatch report');
  type = 'mq-monthly-report';
  group = 'extended';
  description = t('Last month’s figures by unit, saved as a report and sent to every leader in-app');
  icon = (<BarChartOutlined />);
  fieldset = {};
}

/** 未诉先办: proactive problems for the units of given types (the seasonal presets use it) */
export class ProactiveProblemsInstruction extends Instruction {
  title = t('Proactive problems for units');
  type = 'mq-proactive-problems';
  group = 'extended';
  description = t('Minqing: handle before complaint');
  icon = (<ScheduleOutlined />);
  fieldset = {
    title: item('Title', 'Input', { required: true }),
    description: item('Description', 'Input.TextArea'),
    category: item('Category', 'Select', { enum: coreOptions(CATEGORY_OPTIONS) }),
    unitTypes: item('Unit types', 'Select', {
      type: 'array',
      enum: coreOptions(UNIT_TYPE_OPTIONS),
      'x-component-props': { mode: 'multiple', allowClear: true, placeholder: t('All units') },
    }),
  };
}
