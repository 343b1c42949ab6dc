import { Plugin } from '@nocobase/client';
import { registerMinqingSettings } from '@minqing/plugin-three-lists/client';
import {
  EscalateInstruction,
  IssueSupervisionInstruction,
  MonthlyReportInstruction,
  ScheduleRevisitInstruction,
} from './instructions';
import { RevisitTrigger, SupervisionTrigger } from './triggers';

export class PluginSupervisionClient extends Plugin {
  async load() {
    registerMinqingSettings(this.app, {
      name: 'supervision',
      resource: 'mqSupervision',
      title: '{{t("Supervision and revisits", { ns: "@minqing/plugin-supervision" })}}',
      icon: 'AlertOutlined',
      sort: 3,
    });
    const workflow = this.app.pm.get('workflow') as any;
    workflow.registerTrigger('mq-supervision', SupervisionTrigger);
    workflow.registerTrigger('mq-revisit', RevisitTrigger);
    workflow.registerInstruction('mq-issue-supervision', IssueSupervisionInstruction);
    workflow.registerInstruction('mq-escalate', EscalateInstruction);
    workflow.registerInstruction('mq-schedule-revisit', ScheduleRevisitInstruction);
    workflow.registerInstruction('mq-monthly-report', MonthlyReportInstruction);
  }
}

export default PluginSupervisionClient;
