import { Plugin } from '@nocobase/server';
import { registerCorrections } from './actions/corrections';
import { registerLoopActions } from './actions/loop';
import { renderRefusals, renderValidationErrors } from './actions/errors';
import { settingsActions } from './actions/settings';
import { registerStatsResource } from './actions/stats';
import { feedbackRules } from './hooks/feedback';
import { holdRecordsOfTheLoop } from './hooks/hold-records';
import { ensureSequenceRows, lockSequenceRows } from './hooks/sequence-lock';
import { oncePerDatabase } from './services/once';
import { exposePluginInfo } from './services/plugin-info';
import { translateOptionLabels } from './services/option-labels';
import { redactLogs } from './services/log-redaction';
import { holdReadScopes } from './services/read-scope';
import { installRoles } from './services/roles';
import { closeSelfRegistration } from './services/sign-up';
import { queueSqliteWrites } from './services/sqlite';
import { protectSchema, syncToCollectionManager } from './services/schema';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

/** 三张清单: the problem → responsibility → task lists and their closed loop. */
export class PluginThreeListsServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqThreeLists', packageJson, actions: settingsActions });
    registerLoopActions(this.app);
    registerCorrections(this.app);
    registerStatsResource(this.app);
    renderRefusals(this.app);
    renderValidationErrors(this.app);
    holdReadScopes(this.app);
    redactLogs(this.app);
    oncePerDatabase(this.db, 'three-lists', () => {
      holdRecordsOfTheLoop(this.db);
      feedbackRules(this.db);
      protectSchema(this.db);
      translateOptionLabels(this.db);
      queueSqliteWrites(this.db);
      lockSequenceRows(this.db);
      this.app.on('afterStart', () => ensureSequenceRows(this.db, 'mq_problems'));
    });
  }

  async install() {
    await syncToCollectionManager(this.db);
    await installRoles(this.db);
    await closeSelfRegistration(this.db);
  }
}

export default PluginThreeListsServer;
