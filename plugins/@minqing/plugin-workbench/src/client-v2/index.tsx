import { ActionModel, ActionSceneEnum, Plugin } from '@nocobase/client-v2';
import { liaisonUnitFieldModels } from '../client/fields/LiaisonUnitSelectFieldModel';
import { overdueFieldModels } from '../client/fields/OverdueFieldModel';
import { stepModels } from '../client/steps/stepModels';

/**
 * The modern client (`/v`), which renders plugin-ui-layout's mobile layout (`/v/mobile`): the
 * same step buttons and 逾期 tag as the admin client, on the mobile pages' cards.
 */
export class PluginWorkbenchClientV2 extends Plugin {
  async load() {
    const models = stepModels(ActionModel, ActionSceneEnum, { touch: true, acl: true });
    this.flowEngine.registerModels(models);
    this.flowEngine.registerModels({
      ...overdueFieldModels(this.flowEngine),
      ...liaisonUnitFieldModels(this.flowEngine),
    });
    const RecordActions = this.flowEngine.getModelClass('RecordActionGroupModel') as any;
    RecordActions?.registerActionModels?.(models);
  }
}

export default PluginWorkbenchClientV2;
