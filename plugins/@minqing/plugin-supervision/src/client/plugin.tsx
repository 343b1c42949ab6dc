import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import {
  EscalateInstruction,
  IssueSupervisionInstruction,
  MonthlyReportInstruction,
  ProactiveProblemsInstruction,
  ScheduleRevisitInstruction,
} from './instructions';
import { RevisitTrigger, SupervisionTrigger, WorkStyleTrigger } from './triggers';
import { WORK_STYLE_SETTINGS } from '../server/domain/work-style/settings';
import { PresetsPanel } from './settings/PresetsPanel';

export class PluginSupervisionClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'supervision',
      resource: 'mqSupervision',
      title: '{{t("Supervision and revisits", { ns: "@minqing/plugin-supervision" })}}',
      icon: 'AlertOutlined',
      sort: 3,
      // 作风监督 and 未诉先办: every threshold, from the one settings schema
      settings: { schema: WORK_STYLE_SETTINGS, title: 'Work-style flags', testId: 'mq-work-style-settings' },
      // the presets themselves are workflows, edited in the designer: a link to each
      Settings: PresetsPanel,
    });
    const workflow = this.app.pm.get('workflow') as any;
    workflow.registerTrigger('mq-supervision', SupervisionTrigger);
    workflow.registerTrigger('mq-revisit', RevisitTrigger);
    workflow.registerTrigger('mq-work-style', WorkStyleTrigger);
    workflow.registerInstruction('mq-proactive-problems', ProactiveProblemsInstruction);
    workflow.registerInstruction('mq-issue-supervision', IssueSupervisionInstruction);
    workflow.registerInstruction('mq-escalate', EscalateInstruction);
    workflow.registerInstruction('mq-schedule-revisit', ScheduleRevisitInstruction);
    workflow.registerInstruction('mq-monthly-report', MonthlyReportInstruction);
  }
}

export default PluginSupervisionClient;
