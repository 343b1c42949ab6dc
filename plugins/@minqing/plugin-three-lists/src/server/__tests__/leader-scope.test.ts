import { createMinqingApp, type MinqingTestApp } from '@minqing/test';
import LeadersSeeProblemsTheyRevisit from '../migrations/20261207140000-leaders-see-problems-they-revisit';
import { CURRENT_USER_ID as ME } from '../services/acl';
import { REVISIT_APPOINTED_TO_ME, scopeThrough, SCOPES } from '../services/roles';

/**
 * 待我回访 on an installed database: the leaders' scopes made before (the core's default, as
 * liaison widens it) get the problems with a revisit appointed to the leader; an administrator's
 * own scope is left as it is.
 */
describe('leaders see the problems whose revisit is appointed to them, on an installed database', () => {
  let app: MinqingTestApp;
  const OLD = (SCOPES.leaderProblems.scope as { $or: unknown[] }).$or.filter((c) => c !== REVISIT_APPOINTED_TO_ME);
  const LIAISED = { 'unit.liaisonPoints.cadreId': { $eq: ME } };

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
  });
  afterAll(() => app?.destroy());

  const scopes = () => app.db.getRepository('dataSourcesRolesResourcesScopes');
  const scopeOf = async (key: string) =>
    (await scopes().findOne({ filter: { key: `mq_${key}`, dataSourceKey: 'main' } })).get('scope') as any;
  const setScope = (key: string, scope: unknown) =>
    scopes().update({ filter: { key: `mq_${key}`, dataSourceKey: 'main' }, values: { scope } });

  it('adds the clause to our scopes as installed (widened or not), once, and never to an administrator’s', async () => {
    expect((await scopeOf('leaderProblems')).$or).toContainEqual(REVISIT_APPOINTED_TO_ME);
    await setScope('leaderProblems', { $or: [...OLD, LIAISED] });
    await setScope('leaderSupervisions', { $or: OLD.map((c: any) => scopeThrough('problem', c)) });
    const own = { createdById: { $eq: ME } };
    await setScope('leaderEvaluations', own);
    const migrate = () => new LeadersSeeProblemsTheyRevisit({ app: app.app, db: app.db } as never).up();
    await migrate();
    await migrate();
    expect((await scopeOf('leaderProblems')).$or).toEqual([...OLD, LIAISED, REVISIT_APPOINTED_TO_ME]);
    expect((await scopeOf('leaderSupervisions')).$or).toEqual(
      [...OLD, REVISIT_APPOINTED_TO_ME].map((c: any) => scopeThrough('problem', c)),
    );
    expect(await scopeOf('leaderEvaluations')).toEqual(own);
  });
});
