import {
  actionHandler,
  exposePluginInfo,
  grantRoles,
  offerRecordActions,
  oncePerDatabase,
  protectSchema,
  settingsActionsOf,
  syncToCollectionManager,
} from '@minqing/plugin-three-lists';
import dispatchReports from './collections/mq_dispatch_reports';
import proactiveCandidates from './collections/mq_proactive_candidates';
import workStyleFlags from './collections/mq_work_style_flags';
import { adoptCandidate, computeNow, decideFlag, dismissCandidate } from './actions/work-style';
import { workStyleSettings } from './services/work-style';
import { WorkStyleTrigger } from './triggers/WorkStyleTrigger';
import { ProactiveProblemsInstruction } from './instructions/ProactiveProblemsInstruction';
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
import { SUPERVISION_ROLES, SUPERVISION_SCOPES, widenLeaderFlagScope } from './services/roles';
import { RevisitTrigger } from './triggers/RevisitTrigger';
import { SupervisionTrigger } from './triggers/SupervisionTrigger';

export const SUPERVISION_COLLECTIONS = [dispatchReports, workStyleFlags, proactiveCandidates];

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

/** 督办与回访: our triggers and nodes in NocoBase's workflow designer. */
export class PluginSupervisionServer extends Plugin {
  async load() {
    exposePluginInfo(this, {
      resource: 'mqSupervision',
      packageJson,
      // 作风监督 thresholds (one settings schema) and "compute now", behind this plugin's settings snippet
      actions: { ...settingsActionsOf(workStyleSettings), computeWorkStyle: computeNow, scanNow },
    });
    const workflow = this.app.pm.get(WorkflowPlugin) as WorkflowPlugin;
    registerWorkflowExtensions(workflow, {
      triggers: {
        [SupervisionTrigger.TYPE]: SupervisionTrigger,
        [RevisitTrigger.TYPE]: RevisitTrigger,
        [WorkStyleTrigger.TYPE]: WorkStyleTrigger,
      },
      instructions: {
        [IssueSupervisionInstruction.TYPE]: IssueSupervisionInstruction,
        [EscalateInstruction.TYPE]: EscalateInstruction,
        [ScheduleRevisitInstruction.TYPE]: ScheduleRevisitInstruction,
        [MonthlyReportInstruction.TYPE]: MonthlyReportInstruction,
        [ProactiveProblemsInstruction.TYPE]: ProactiveProblemsInstruction,
      },
    });
    oncePerDatabase(this.db, 'supervision', () => protectSchema(this.db, SUPERVISION_COLLECTIONS));
    this.app.resourceManager.registerActionHandlers({
      'mq_supervisions:respond': actionHandler(respond),
      'mq_work_style_flags:decide': decideFlag,
      'mq_proactive_candidates:adopt': adoptCandidate,
      'mq_proactive_candidates:dismiss': dismissCandidate,
    });
    offerRecordActions(this.app, '@minqing/plugin-supervision', {
      respond: 'Respond',
      decide: 'Decide on the flag',
      adopt: 'Make it a problem',
      dismiss: 'Dismiss',
    });
  }

  async install() {
    await syncToCollectionManager(this.db, SUPERVISION_COLLECTIONS);
    await ensureChannel(this.app);
    await grantRoles(this.db, SUPERVISION_ROLES, SUPERVISION_SCOPES);
    await widenLeaderFlagScope(this.db);
    await installPresets(this.db);
  }
}

export default PluginSupervisionServer;
