import { offerRecordActions, respondWith as respond, settingsActionsOf } from '@minqing/plugin-three-lists';
import type Application from '@nocobase/server';
import { NS } from '../domain/fields';
import { coverage, liaisonSettings } from '../services/coverage';
import { painPointToProblem } from '../services/pain-points';
import { createResearch, createVisit } from '../services/visits';

/** mqLiaison:getSettings / updateSettings, behind this plugin's settings snippet */
export const settingsActions = {
  ...settingsActionsOf(liaisonSettings),
  coverage: respond((ctx) => coverage(ctx.db)),
};

export function registerLiaisonActions(app: Application) {
  app.resourceManager.registerActionHandlers({
    // one request: the visit and the problems it found (source 走访), in one transaction
    'mq_visits:create': respond(createVisit),
    'mq_research:create': respond(createResearch),
    'mq_pain_points:toProblem': respond(painPointToProblem),
  });
  offerRecordActions(app, NS, { toProblem: 'Turn into a problem' });
  // leaders see the coverage of liaison points without the plugin's settings
  app.acl.registerSnippet({ name: 'pm.minqing.liaison-coverage', actions: ['mqLiaison:coverage'] });
}
