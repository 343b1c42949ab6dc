import {
  actionHandler,
  exposePluginInfo,
  grantRoles,
  offerRecordActions,
  oncePerDatabase,
  protectSchema,
  syncToCollectionManager,
} from '@minqing/plugin-three-lists';
import dispatchReports from './collections/mq_dispatch_reports';
import WorkflowPlugin from '@nocobase/plugin-workflow';
import { Plugin } from '@nocobase/server';
import { respond } from './actions/respond';
import { scanNow } from './actions/scan-now';
import { registerWorkflowExtensions } from './extensions';
import { EscalateInstruction } from './instructions/EscalateInstruction';
import { IssueSupervisionInstruction } from './instructions/IssueSupervisionInstruction';
import { MonthlyReportInstruction } from './instructions/MonthlyReportInstruction';
import { ScheduleRevisitInstruction } from './instructions/ScheduleRevisitInstruction';
import { installPresets } from './presets';
import { ensureChannel } from './services/notify';
import { SUPERVISION_ROLES, SUPERVISION_SCOPES } from './services/roles';
import { RevisitTrigger } from './triggers/RevisitTrigger';
import { SupervisionTrigger } from './triggers/SupervisionTrigger';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

/** 督办与回访: our triggers and nodes in NocoBase's workflow designer. */
export class PluginSupervisionServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqSupervision', packageJson, actions: { scanNow } });
    const workflow = this.app.pm.get(WorkflowPlugin) as WorkflowPlugin;
    registerWorkflowExtensions(workflow, {
      triggers: { [SupervisionTrigger.TYPE]: SupervisionTrigger, [RevisitTrigger.TYPE]: RevisitTrigger },
      instructions: {
        [IssueSupervisionInstruction.TYPE]: IssueSupervisionInstruction,
        [EscalateInstruction.TYPE]: EscalateInstruction,
        [ScheduleRevisitInstruction.TYPE]: ScheduleRevisitInstruction,
        [MonthlyReportInstruction.TYPE]: MonthlyReportInstruction,
      },
    });
    oncePerDatabase(this.db, 'supervision', () => protectSchema(this.db, [dispatchReports]));
    this.app.resourceManager.registerActionHandlers({ 'mq_supervisions:respond': actionHandler(respond) });
    offerRecordActions(this.app, '@minqing/plugin-supervision', { respond: 'Respond' });
  }

  async install() {
    await syncToCollectionManager(this.db, [dispatchReports]);
    await ensureChannel(this.app);
    await grantRoles(this.db, SUPERVISION_ROLES, SUPERVISION_SCOPES);
    await installPresets(this.db);
  }
}

export default PluginSupervisionServer;
