import {
  ensureFields,
  exposePluginInfo,
  grantRoles,
  oncePerDatabase,
  protectSchema,
  syncToCollectionManager,
} from '@minqing/plugin-three-lists';
import { Plugin } from '@nocobase/server';
import { registerWarmHeartsActions, settingsActions } from './actions';
import { auditCareChanges, auditCareLedger, keepCareOutOfWorkflows } from './services/care';
import { guardClaimCount } from './services/claims';
import { CASE_PROJECT_FIELD, WARM_HEARTS_COLLECTIONS } from './services/collections';
import { WARM_HEARTS_ROLES, WARM_HEARTS_SCOPES } from './services/roles';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

/** 暖民心: livelihood projects leaders claim, publicity talks, the care ledger, typical cases. */
export class PluginWarmHeartsServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqWarmHearts', packageJson, actions: settingsActions });
    registerWarmHeartsActions(this.app);
    auditCareLedger(this.app);
    oncePerDatabase(this.db, 'warm-hearts', () => {
      guardClaimCount(this.db);
      auditCareChanges(this.db);
      keepCareOutOfWorkflows(this.db);
      protectSchema(this.db, [...WARM_HEARTS_COLLECTIONS, { name: 'mq_cases', fields: [CASE_PROJECT_FIELD] }]);
    });
  }

  async install() {
    await syncToCollectionManager(this.db, WARM_HEARTS_COLLECTIONS);
    await ensureFields(this.db, 'mq_cases', [CASE_PROJECT_FIELD]);
    await grantRoles(this.db, WARM_HEARTS_ROLES, WARM_HEARTS_SCOPES, '@minqing/plugin-warm-hearts');
  }
}

export default PluginWarmHeartsServer;
