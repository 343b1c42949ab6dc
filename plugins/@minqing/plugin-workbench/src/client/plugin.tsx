import { Plugin } from '@nocobase/client';
import { COLLECTION_ACTION_MODELS } from './record-actions/LedgerExportActionModel';
import { RECORD_ACTION_MODELS } from './record-actions/RecordActionModel';
import { liaisonUnitFieldModels } from './fields/LiaisonUnitSelectFieldModel';
import { overdueFieldModels } from './fields/OverdueFieldModel';
import { PROBLEM_STEP_MODELS } from './steps/ProblemStepActionModel';

export class PluginWorkbenchClient extends Plugin {
  async load() {
    this.flowEngine.registerModels({ ...PROBLEM_STEP_MODELS, ...RECORD_ACTION_MODELS, ...COLLECTION_ACTION_MODELS });
    this.flowEngine.registerModels({
      ...overdueFieldModels(this.flowEngine),
      ...liaisonUnitFieldModels(this.flowEngine),
    });
    // so an administrator finds the steps in a table's "add action" menu too
    const RecordActions = this.flowEngine.getModelClass('RecordActionGroupModel') as any;
    RecordActions?.registerActionModels?.(PROBLEM_STEP_MODELS);
  }
}

export default PluginWorkbenchClient;
