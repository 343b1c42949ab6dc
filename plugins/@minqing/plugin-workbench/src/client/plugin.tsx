import { Plugin } from '@nocobase/client';
import { PROBLEM_STEP_MODELS } from './steps/ProblemStepActionModel';

export class PluginWorkbenchClient extends Plugin {
  async load() {
    this.flowEngine.registerModels(PROBLEM_STEP_MODELS);
    // so an administrator finds the steps in a table's "add action" menu too
    const RecordActions = this.flowEngine.getModelClass('RecordActionGroupModel') as any;
    RecordActions?.registerActionModels?.(PROBLEM_STEP_MODELS);
  }
}

export default PluginWorkbenchClient;
