import { offerRecordActions, respondWith as respond, settingsActionsOf } from '@minqing/plugin-three-lists';
import type Application from '@nocobase/server';
import { NS } from '../domain/fields';
import { careStats } from '../services/care';
import { projectToCase } from '../services/cases';
import { claimCoverage, claimProject, releaseProject } from '../services/claims';
import { warmHeartsSettings } from '../services/settings';

/** mqWarmHearts:getSettings / updateSettings / claimCoverage */
export const settingsActions = {
  ...settingsActionsOf(warmHeartsSettings),
  claimCoverage: respond((ctx) => claimCoverage(ctx.db)),
};

export function registerWarmHeartsActions(app: Application) {
  app.resourceManager.registerActionHandlers({
    'mq_livelihood_projects:claim': respond(claimProject),
    'mq_livelihood_projects:release': respond(releaseProject),
    'mq_livelihood_projects:toCase': respond(projectToCase),
  });
  offerRecordActions(app, NS, { claim: 'Claim', release: 'Release' });
  app.resourceManager.define({ name: 'mqCare', actions: { stats: respond(careStats) } });
  app.acl.registerSnippet({ name: 'pm.minqing.care-stats', actions: ['mqCare:stats'] });
  app.acl.registerSnippet({ name: 'pm.minqing.warm-hearts-coverage', actions: ['mqWarmHearts:claimCoverage'] });
}
