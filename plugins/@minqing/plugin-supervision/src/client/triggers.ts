import { BASICALLY_SATISFIED, CATEGORY_OPTIONS, MODE_OPTIONS } from '@minqing/plugin-three-lists/client';
import { DEFAULTS } from '../server/domain/defaults';
import { FLAG_KIND_LABELS, FLAG_KINDS } from '../server/domain/work-style/kinds';
import { Trigger } from '@nocobase/plugin-workflow/client';
import { contextVariables, coreOptions, item, number, REASON_ENUM, t } from './schema';

/** 督办 trigger in the designer: conditions, thresholds, escalation and scope. */
export class SupervisionTrigger extends Trigger {
  title = t('Minqing supervision scan');
  description = t(
    'Scans open responsibilities on a schedule: due soon, overdue (with escalation), stalled, dissatisfied',
  );
  fieldset = {
    conditions: item('Conditions', 'Checkbox.Group', {
      type: 'array',
      required: true,
      default: ['due_soon', 'overdue'],
      enum: REASON_ENUM,
    }),
    dueSoonDays: number('Due soon: within working days', 1, 30, DEFAULTS.dueSoonDays),
    stalledDays: number('Stalled: no progress report for days', 1, 90, DEFAULTS.stalledDays),
    dissatisfiedBelow: number('Dissatisfied: score below', 2, 5, BASICALLY_SATISFIED),
    escalation: {
      type: 'object',
      title: t('Escalation (days overdue)'),
      'x-decorator': 'FormItem',
      'x-component': 'Space',
      properties: {
        urge: number('Urge from', 1, 365, DEFAULTS.escalation.urge),
        supervise: number('Supervise from', 1, 365, DEFAULTS.escalation.supervise),
        notify: number('Public notice from', 1, 365, DEFAULTS.escalation.notify),
      },
    },
    scope: {
      type: 'object',
      title: t('Scope'),
      'x-decorator': 'FormItem',
      properties: {
        unitIds: item('Units', 'RemoteSelect', {
          type: 'array',
          'x-component-props': {
            mode: 'multiple',
            allowClear: true,
            placeholder: t('All units'),
            fieldNames: { label: 'name', value: 'id' },
            service: { resource: 'mq_units', params: { fields: ['id', 'name'], pageSize: 500 } },
          },
        }),
        categories: item('Categories', 'Select', {
          type: 'array',
          enum: coreOptions(CATEGORY_OPTIONS),
          'x-component-props': { mode: 'multiple', allowClear: true, placeholder: t('All categories') },
        }),
        modes: item('Handling modes', 'Select', {
          type: 'array',
          enum: coreOptions(MODE_OPTIONS),
          'x-component-props': { mode: 'multiple', allowClear: true, placeholder: t('All modes') },
        }),
      },
    },
    intervalMinutes: number('Scan every (minutes)', 1, 1440, DEFAULTS.intervalMinutes),
  };

  useVariables() {
    return contextVariables();
  }
}

/** 回访 trigger: a problem done without a revisit; leaders without one before the campaign ends. */
export class RevisitTrigger extends Trigger {
  title = t('Minqing revisit due');
  description = t(
    'A problem reached done without a revisit (after N working days); leaders without a revisit before the campaign ends',
  );
  fieldset = {
    delayDays: number('Working days after completion', 0, 60, DEFAULTS.revisitDelayDays),
    campaignEndsOn: item('Campaign ends on', 'DatePicker', { 'x-component-props': { dateOnly: true } }),
    remindDaysBefore: number('Remind leaders days before the end', 1, 90, DEFAULTS.remindDaysBefore),
    intervalMinutes: number('Scan every (minutes)', 1, 1440, DEFAULTS.intervalMinutes),
  };

  useVariables() {
    return [...contextVariables(), { key: 'leaderId', value: 'leaderId', label: t('Leader ID') }];
  }
}

/** 作风监督 trigger: the flags on the work, computed on an interval; fires once per new flag. */
export class WorkStyleTrigger extends Trigger {
  title = t('Minqing work-style watch');
  description = t(
    'Computes flags on the work (cursory visits, surface closures, self-certification, figures too good) and fires once per new flag',
  );
  fieldset = {
    kinds: item('Flag kinds', 'Select', {
      type: 'array',
      enum: FLAG_KINDS.map((value) => ({ value, label: t(FLAG_KIND_LABELS[value]) })),
      'x-component-props': { mode: 'multiple', allowClear: true, placeholder: t('All kinds') },
    }),
    intervalMinutes: number('Scan every (minutes)', 1, 10080, 1440),
  };

  useVariables() {
    return [
      { key: 'flagId', value: 'flagId', label: t('Flag') },
      { key: 'kind', value: 'kind', label: t('Flag kinds') },
      { key: 'why', value: 'why', label: t('Why') },
      { key: 'userId', value: 'userId', label: t('userId') },
      { key: 'unitId', value: 'unitId', label: t('unitId') },
      { key: 'problemId', value: 'problemId', label: t('problemId') },
    ];
  }
}
