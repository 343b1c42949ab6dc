import { respondWith as respond } from '@minqing/plugin-three-lists';
import type Application from '@nocobase/server';
import { careStats } from '../services/care';
import { projectToCase } from '../services/cases';
import { claimCoverage, claimProject, releaseProject } from '../services/claims';
import { warmHeartsSettings } from '../services/settings';

/** mqWarmHearts:getSettings / updateSettings / claimCoverage */
export const settingsActions = {
  getSettings: respond((ctx) => warmHeartsSettings.get(ctx.db)),
  updateSettings: respond((ctx) => warmHeartsSettings.update(ctx.db, ctx.action.params.values ?? {})),
  claimCoverage: respond((ctx) => claimCoverage(ctx.db)),
};

export function registerWarmHeartsActions(app: Application) {
  app.resourceManager.registerActionHandlers({
    'mq_livelihood_projects:claim': respond(claimProject),
    'mq_livelihood_projects:release': respond(releaseProject),
    'mq_livelihood_projects:toCase': respond(projectToCase),
  });
  for (const [name, title] of [
    ['claim', 'Claim'],
    ['release', 'Release'],
  ]) {
    app.acl.setAvailableAction(name, {
      displayName: `{{t("${title}", { ns: "@minqing/plugin-warm-hearts" })}}`,
      type: 'old-data',
      onNewRecord: false,
    });
  }
  app.resourceManager.define({ name: 'mqCare', actions: { stats: respond(careStats) } });
  app.acl.registerSnippet({ name: 'pm.minqing.care-stats', actions: ['mqCare:stats'] });
  app.acl.registerSnippet({ name: 'pm.minqing.warm-hearts-coverage', actions: ['mqWarmHearts:claimCoverage'] });
}
