import {
  ensureFields,
  exposePluginInfo,
  grantRoles,
  holdPastTimes,
  oncePerDatabase,
  protectSchema,
  syncToCollectionManager,
} from '@minqing/plugin-three-lists';
import { Plugin } from '@nocobase/server';
import { registerLiaisonActions, settingsActions } from './actions';
import { LIAISON_COLLECTIONS, UNIT_LIAISON_FIELD } from './services/collections';
import { LIAISON_ROLES, LIAISON_SCOPES, widenLeaderProblemScope } from './services/roles';
import { actingPeople, visitRules } from './services/visits';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

/** 联系点与走访: going down to the grassroots, and what it finds going into the problem list. */
export class PluginLiaisonServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqLiaison', packageJson, actions: settingsActions });
    registerLiaisonActions(this.app);
    oncePerDatabase(this.db, 'liaison', () => {
      visitRules(this.db);
      actingPeople(this.db);
      // a visit or a window sitting happened: not in the future
      holdPastTimes(this.db, [
        { collection: 'mq_visits', fields: ['visitedAt'] },
        { collection: 'mq_window_sittings', fields: ['sittingOn'] },
      ]);
      protectSchema(this.db, [...LIAISON_COLLECTIONS, { name: 'mq_units', fields: [UNIT_LIAISON_FIELD] }]);
    });
  }

  async install() {
    await syncToCollectionManager(this.db, LIAISON_COLLECTIONS);
    await ensureFields(this.db, 'mq_units', [UNIT_LIAISON_FIELD]);
    await grantRoles(this.db, LIAISON_ROLES, LIAISON_SCOPES);
    await widenLeaderProblemScope(this.db);
  }
}

export default PluginLiaisonServer;
