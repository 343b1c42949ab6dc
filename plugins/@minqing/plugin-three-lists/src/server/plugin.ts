import { Plugin } from '@nocobase/server';
import { registerCorrections } from './actions/corrections';
import { registerLoopActions } from './actions/loop';
import { renderRefusals, renderValidationErrors } from './actions/errors';
import { holidayActions } from './actions/holidays';
import { openPeopleSearch, peopleActions } from './actions/people';
import { settingsActions } from './actions/settings';
import { registerStatsResource } from './actions/stats';
import { feedbackRules } from './hooks/feedback';
import { holdRecordsOfTheLoop } from './hooks/hold-records';
import { ensureSequenceRows, lockSequenceRows } from './hooks/sequence-lock';
import { HOLIDAYS_CHANGED, forgetHolidays, warnAboutCalendar, watchHolidays } from './services/holidays';
import { oncePerDatabase } from './services/once';
import { holdPastTimes, PAST_TIMES } from './services/past-times';
import { holdRawValues } from './services/raw-values';
import { explainBodyErrors } from './services/request-body';
import { USER_HOME_FIELDS } from './collections/user-home';
import { exposePluginInfo } from './services/plugin-info';
import { translateOptionLabels } from './services/option-labels';
import { redactLogs } from './services/log-redaction';
import { holdReadScopes } from './services/read-scope';
import { exposeOverdueDays } from './services/overdue';
import { exposeUnansweredSupervisions } from './services/unanswered-supervisions';
import { installRoles } from './services/roles';
import { closeSelfRegistration } from './services/sign-up';
import { queueSqliteWrites } from './services/sqlite';
import { enableOurLanguages } from './services/languages';
import { continueProblemCodes } from './services/problem-codes';
import { ensureFields, protectSchema, syncToCollectionManager } from './services/schema';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

const started = new WeakSet<object>();

/** 三张清单: the problem → responsibility → task lists and their closed loop. */
export class PluginThreeListsServer extends Plugin {
  async load() {
    exposePluginInfo(this, { resource: 'mqThreeLists', packageJson, actions: { ...settingsActions, ...holidayActions, ...peopleActions } });
    openPeopleSearch(this.app);
    registerLoopActions(this.app);
    registerCorrections(this.app);
    registerStatsResource(this.app);
    renderRefusals(this.app);
    renderValidationErrors(this.app);
    explainBodyErrors(this.app);
    holdRawValues(this.app);
    holdReadScopes(this.app);
    redactLogs(this.app);
    oncePerDatabase(this.db, 'three-lists', () => {
      holdRecordsOfTheLoop(this.db);
      exposeOverdueDays(this.db);
      exposeUnansweredSupervisions(this.db);
      feedbackRules(this.db);
      protectSchema(this.db);
      translateOptionLabels(this.db);
      queueSqliteWrites(this.db);
      lockSequenceRows(this.db);
      watchHolidays(this);
      holdPastTimes(this.db, PAST_TIMES);
      this.app.on('afterStart', () => ensureSequenceRows(this.db, 'mq_problems'));
    });
    // problems loaded in bulk (the demo, an import) carry codes the sequence has not counted
    if (started.has(this.app)) return;
    started.add(this.app);
    this.app.on('afterStart', async () => {
      await continueProblemCodes(this.db).catch((error) =>
        this.log.warn(`problem codes: could not continue the sequence: ${(error as Error).message}`),
      );
      await warnAboutCalendar(this).catch((error) =>
        this.log.warn(`working-day calendar: could not check its years: ${(error as Error).message}`),
      );
    });
  }

  /** another node of a cluster wrote the holiday table */
  async handleSyncMessage(message: { type?: string }) {
    if (message?.type === HOLIDAYS_CHANGED) forgetHolidays(this.db);
  }

  async install() {
    await syncToCollectionManager(this.db);
    await ensureFields(this.db, 'users', USER_HOME_FIELDS);
    await installRoles(this.db);
    await closeSelfRegistration(this.db);
    await enableOurLanguages(this.db);
  }
}

export default PluginThreeListsServer;
