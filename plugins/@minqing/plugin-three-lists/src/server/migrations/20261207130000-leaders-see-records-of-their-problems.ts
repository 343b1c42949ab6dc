import { Migration } from '@nocobase/server';
import { ensureScopes, LEADER_PROBLEM_RECORD_SCOPES, SCOPES, scopeThrough, type ScopeSpec } from '../services/roles';

/**
 * Leaders saw every progress report, evaluation and supervision; now those of the problems they
 * see. An installed database gets the scopes, made from the leaders' problem scope as it is there
 * (liaison may have widened it, an administrator edited it), and the leaders' `view` of the
 * three collections is limited to them while it is still unscoped, as installed.
 */
export default class LeadersSeeRecordsOfTheirProblems extends Migration {
  on = 'afterLoad';

  async up() {
    const db = this.db;
    if (!db.hasCollection('dataSourcesRolesResourcesScopes')) return;
    await db.sequelize.transaction(async (transaction) => {
      const problems = await db
        .getRepository('dataSourcesRolesResourcesScopes')
        .findOne({ filter: { key: 'mq_leaderProblems', dataSourceKey: 'main' }, transaction });
      const problemScope = (problems?.get('scope') as Record<string, unknown>) ?? SCOPES.leaderProblems.scope;
      const specs: Record<string, ScopeSpec> = {};
      for (const [key, spec] of Object.entries(LEADER_PROBLEM_RECORD_SCOPES)) {
        specs[key] = { ...spec, scope: scopeThrough('problem', problemScope) };
      }
      const scopeIds = await ensureScopes(db, specs, transaction);
      const resources = db.getRepository('dataSourcesRolesResources');
      for (const [key, spec] of Object.entries(specs)) {
        const resource = await resources.findOne({
          filter: { roleName: 'mq_leader', dataSourceKey: 'main', name: spec.resourceName },
          appends: ['actions'],
          transaction,
        });
        const view = ((resource?.get('actions') as any[]) ?? []).find((a) => a.get('name') === 'view');
        if (!resource || !view || view.get('scopeId')) continue;
        await view.update({ scopeId: scopeIds[key] }, { transaction });
        await db.emitAsync('dataSourcesRolesResources.afterSaveWithAssociations', resource, { transaction });
      }
    });
  }
}
