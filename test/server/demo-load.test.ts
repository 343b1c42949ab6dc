import { loadBureau } from '@minqing/demo';
import { createMinqingApp, type MinqingTestApp } from '@minqing/test';
import { computeWorkStyle } from '@minqing/plugin-supervision';

// The loaders write around model hooks (multi-row INSERTs; one JSON parameter per batch on
// PostgreSQL): what they write must read back as the app would have written it.
describe('the demo bureau loads into a running app, on every database', () => {
  let app: MinqingTestApp;
  let loaded: Awaited<ReturnType<typeof loadBureau>>;
  const password = 'demo-Pass-42';

  beforeAll(async () => {
    app = await createMinqingApp();
    loaded = await loadBureau(app.db, { password, now: Date.UTC(2026, 10, 20) });
  });
  afterAll(() => app?.destroy());

  it('every row it reports is in the database', async () => {
    for (const [collection, count] of Object.entries(loaded.rows)) {
      expect([collection, await app.db.getRepository(collection).count()]).toEqual([collection, count]);
    }
    expect(loaded.rows.mq_problems).toBe(1500);
    // every demo leader belongs to a county's education office, so the coverage reads by region
    const leaders = await app.db.getRepository('users').find({ filter: { 'roles.name': 'mq_leader' }, appends: ['mqUnit'] });
    expect(leaders.length).toBe(40);
    for (const leader of leaders) expect((leader.get('mqUnit') as any)?.type).toBe('office');
    expect(new Set(leaders.map((l: any) => l.get('mqUnit').region)).size).toBeGreaterThan(3);
  });

  it('a demo cadre signs in with the password and sees own work through the API', async () => {
    const cadre = loaded.people.find((p) => p.username === 'cadre001')!;
    const res = await app
      .anonymous()
      .post('/auth:signIn')
      .set('X-Authenticator', 'basic')
      .send({ account: 'cadre001', password });
    expect(res.status).toBe(200);
    const token = res.body.data.token;
    const mine = await app
      .anonymous()
      .get('/mq_responsibilities:list')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Role', 'mq_cadre')
      .query({ filter: JSON.stringify({ personId: cadre.id }), appends: ['problem'], pageSize: 200 });
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    for (const row of mine.body.data) {
      expect(row.personId).toBe(cadre.id);
      expect(typeof row.active).toBe('boolean');
      expect(row.deadline ?? '2026-01-01').toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(row.problem.title).toBeTruthy();
    }
  });

  it('times read back as instants, and new records get ids and codes past the loaded ones', async () => {
    const problem = await app.db.getRepository('mq_problems').findOne({ sort: ['-id'] });
    expect(problem.get('createdAt')).toBeInstanceOf(Date);
    expect((problem.get('createdAt') as Date).getTime()).toBeLessThanOrEqual(Date.UTC(2026, 10, 20));
    const cadre = loaded.people.find((p) => p.username === 'cadre001')!;
    const agent = await app.agentAs({ id: cadre.id, username: cadre.username, roles: ['mq_cadre'] });
    const created = await agent
      .resource('mq_problems')
      .create({ values: { title: '新发现的问题', unitId: problem.get('unitId') } });
    expect(created.status).toBe(200);
    expect(created.body.data.id).toBeGreaterThan(problem.get('id') as number);
    // … and the next problem code, in the demo's and the app's one format
    expect(problem.get('code')).toMatch(/^WT\d{4}-001500$/);
    expect(created.body.data.code).toMatch(/^WT\d{4}-001501$/);
  });

  it('作风监督 finds on the demo a small, believable set of flags: its few bad habits, not hundreds', async () => {
    const now = new Date(Date.UTC(2026, 10, 20));
    const result = await computeWorkStyle(app.db, now);
    const byKind: Record<string, number> = {};
    for (const flag of await app.db.getRepository('mq_work_style_flags').find({ fields: ['kind'] })) {
      byKind[flag.get('kind') as string] = (byKind[flag.get('kind') as string] ?? 0) + 1;
    }
    const candidates: Record<string, number> = {};
    for (const c of await app.db.getRepository('mq_proactive_candidates').find({ fields: ['kind'] })) {
      candidates[c.get('kind') as string] = (candidates[c.get('kind') as string] ?? 0) + 1;
    }
    // the demo's planted habits (packages/demo/src/habits.ts), a few self-revisits its random
    // draw makes, and the liaison points nobody visited for a quarter
    expect(byKind).toEqual({
      visit_nobody_heard: 4,
      visitor_found_nothing: 1,
      visits_rushed: 1,
      liaison_unvisited: 15,
      closure_hollow: 2,
      closure_too_fast: 1,
      progress_repeated: 1,
      self_revisit: 3,
      too_good_unit: 1,
      evaluation_cluster: 1,
    });
    expect(result.flags).toBe(30);
    expect(candidates).toEqual({ recurring_at_unit: 7 });
  });

  it('接诉即办 and 民生实事 start with mail and projects: the office sees reports to triage, projects to claim', async () => {
    expect([loaded.rows.mq_public_reports, loaded.rows.mq_livelihood_projects, loaded.rows.mq_project_claims]).toEqual([12, 6, 6]);
    expect(loaded.rows.mq_livelihood_projects_problems).toBe(12);
    const office = await app.agentAs(await app.createUser({ username: 'demo-office', roles: ['mq_admin'] }));
    const waiting = await office
      .get('/mq_public_reports:list')
      .query({ filter: JSON.stringify({ 'problem.status': 'new' }), appends: ['problem'], pageSize: 50 });
    expect(waiting.status).toBe(200);
    expect(waiting.body.data.length).toBe(4);
    for (const report of waiting.body.data) expect(report.problem.source).toBe('complaint');
    const projects = await office
      .get('/mq_livelihood_projects:list')
      .query({ appends: ['claims', 'milestones'], pageSize: 50, sort: ['id'] });
    expect(projects.body.data.map((p: any) => p.claims.length)).toEqual(projects.body.data.map((p: any) => p.claimedCount));
    expect(projects.body.data.filter((p: any) => p.claimedCount === 0)).toHaveLength(1);
    expect(projects.body.data.every((p: any) => p.milestones.length >= 3)).toBe(true);
  });

  it('refuses a database that already holds problems, and writes nothing', async () => {
    const before = await app.db.getRepository('users').count();
    await expect(loadBureau(app.db, { password })).rejects.toThrow(/already holds problems/);
    expect(await app.db.getRepository('users').count()).toBe(before);
  });
});
