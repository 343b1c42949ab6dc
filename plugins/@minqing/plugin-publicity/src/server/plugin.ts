import {
  actionHandler,
  ensureFields,
  exposePluginInfo,
  grantRoles,
  offerRecordActions,
  oncePerDatabase,
  protectSchema,
  syncToCollectionManager,
} from '@minqing/plugin-three-lists';
import { Plugin } from '@nocobase/server';
import { registerPublicResource } from './actions/public';
import { settingsActions } from './actions/settings';
import { NS } from './domain/fields';
import { PublicCache } from './services/cache';
import { mergeProblems, similarProblems } from './services/duplicates';
import { registerOpen311 } from './services/open311';
import { servePublicPage } from './services/public-page';
import { RateCounters } from './services/rate-limit';
import { PROBLEM_PUBLIC_FIELDS, PUBLICITY_COLLECTIONS } from './services/collections';
import { issueLinksOnCompletion } from './services/evaluation';
import { checkPublicTexts } from './services/personal-data-check';
import { problemToCase, publicationRules, publish, unpublish } from './services/publication';
import { notifyReporters } from './services/reporter-updates';
import { PUBLICITY_ROLES } from './services/roles';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require('../../package.json');

/** 公开与群众评价: the public page's data, 接诉即办 intake, and single-use evaluation links. */
export class PluginPublicityServer extends Plugin {
  /** the public doors' rate-limit counters (shared cache store, else the database) */
  readonly rateLimiter = new RateCounters(this.app);
  readonly publicCache = new PublicCache(this.app);

  async load() {
    exposePluginInfo(this, { resource: 'mqPublicity', packageJson, actions: settingsActions });
    await this.publicCache.load();
    await this.rateLimiter.load();
    registerPublicResource(this.app, this.rateLimiter, this.publicCache);
    registerOpen311(this.app, this.rateLimiter);
    // /minqing/public: a small document of its own, not the admin client
    servePublicPage(this.app);
    this.app.resourceManager.registerActionHandlers({
      'mq_problems:publish': actionHandler(publish),
      'mq_problems:unpublish': actionHandler(unpublish),
      'mq_problems:toCase': actionHandler(problemToCase),
      'mq_problems:similar': actionHandler(similarProblems),
      'mq_problems:merge': actionHandler(mergeProblems),
    });
    offerRecordActions(this.app, NS, {
      publish: 'action.publish',
      unpublish: 'action.unpublish',
      toCase: 'action.toCase',
      similar: 'action.similar',
      merge: 'action.merge',
    });
    oncePerDatabase(this.db, 'publicity', () => {
      publicationRules(this.db);
      checkPublicTexts(this.db);
      issueLinksOnCompletion(this.app);
      notifyReporters(this.app);
      this.publicCache.watch(this.db);
      protectSchema(this.db, [...PUBLICITY_COLLECTIONS, { name: 'mq_problems', fields: PROBLEM_PUBLIC_FIELDS }]);
    });
  }

  async install() {
    await syncToCollectionManager(this.db, PUBLICITY_COLLECTIONS);
    await ensureFields(this.db, 'mq_problems', PROBLEM_PUBLIC_FIELDS);
    await grantRoles(this.db, PUBLICITY_ROLES, {}, NS);
  }
}

export default PluginPublicityServer;
