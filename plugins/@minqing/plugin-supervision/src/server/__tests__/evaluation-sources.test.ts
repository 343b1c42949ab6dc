import type { Model } from '@nocobase/database';
import { createMinqingApp, importRows, pinClock, unpinClock, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';

/** the file's clock: Wednesday 18 November 2026, 10:00 in the bureau */
const START = '2026-11-18T02:00:00Z';

/**
 * 作风监督's "many ratings from one device or address", built through the public's own door: reports
 * filed anonymously, handled, then rated through their single-use links from one phone.
 */
describe('public ratings from one device or address; imported ratings are staff-entered', () => {
  let app: MinqingTestApp;
  let office: Agent, cadre: Agent, anonymous: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;

  beforeAll(async () => {
    pinClock(START);
    app = await createMinqingApp({
      plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-publicity', '@minqing/plugin-supervision'],
    });
    users = {
      office: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
    };
    office = await app.agentAs(users.office);
    cadre = await app.agentAs(users.cadre);
    anonymous = app.anonymous();
    unitId = (await office.resource('mq_units').create({ values: { name: '城南中学', region: '荆州区' } })).body.data.id;
  }, 300_000);

  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  /** a public report, handled to 已办结; its single-use evaluation link */
  async function linkOfHandledReport(i: number) {
    const submitted = await anonymous
      .post('/mqPublic:submit')
      .set('X-Minqing-Device', `reporter-device-${i}`)
      .send({ category: 'canteen', unitId, description: `食堂第${i}个窗口排队时间过长，希望增加人手` });
    expect(submitted.status).toBe(200);
    const code = submitted.body.data.trackingCode;
    const report = await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code } });
    const id = report.get('problemId') as number;
    for (const [agent, action, values] of [
      [office, 'assign', { personId: users.cadre.id }],
      [cadre, 'accept', { measures: '增加窗口' }],
      [cadre, 'complete', { completionSummary: '已增加两个窗口，排队缩短到五分钟' }],
    ] as const) {
      expect((await agent.post(`/mq_problems:${action}?filterByTk=${id}`).send(values)).status).toBe(200);
    }
    const tracked = await anonymous.get(`/mqPublic:track?code=${code}`).set('X-Minqing-Device', `reporter-device-${i}`);
    return { problemId: id, token: tracked.body.data.evaluation.token as string };
  }

  const flagsOf = async (kind: string) =>
    (await app.db.getRepository('mq_work_style_flags').find({ filter: { kind }, sort: ['id'] })).map((f: Model) => f.toJSON() as any);
  const compute = async () => expect((await office.post('/mqSupervision:computeWorkStyle').send({})).status).toBe(200);

  it('five ratings from one phone within the hour are one flag naming the ratings, not the phone', async () => {
    const links = [];
    for (let i = 0; i < 6; i++) links.push(await linkOfHandledReport(i));
    // one phone rates five problems; the sixth is rated from another phone
    for (const [i, { token }] of links.entries()) {
      const rated = await anonymous
        .post('/mqPublic:evaluate')
        .set('X-Minqing-Device', i < 5 ? 'one-phone-rating-all' : 'another-phone-here')
        .send({ token, score: 5 });
      expect(rated.status).toBe(200);
    }
    const rows = await app.db.getRepository('mq_evaluations').find({ sort: ['id'] });
    expect(rows).toHaveLength(6);
    const devices = rows.map((r: Model) => r.get('deviceHash'));
    expect(new Set(devices.slice(0, 5)).size).toBe(1);
    expect(devices[5]).not.toBe(devices[0]);
    expect(rows.every((r: Model) => r.get('byStaff') === false && /^[\w-]{22}$/.test(String(r.get('addressHash'))))).toBe(true);
    // salted: not the plain hash of the address
    expect(String(rows[0].get('addressHash'))).not.toContain('127.0.0.1');

    await compute();
    const [flag, ...more] = await flagsOf('evaluation_source_cluster');
    expect(more).toEqual([]); // six from one address are below the address's threshold (20)
    expect(flag).toMatchObject({ key: `evaluation_source_cluster:device:${rows[0].get('id')}` });
    expect(flag.evidence.evaluations).toEqual(rows.slice(0, 5).map((r: Model) => r.get('id')));
    expect(JSON.stringify(flag)).not.toContain(String(devices[0]));

    // the office lowers the address's threshold: the school network's six ratings are flagged too
    expect((await office.post('/mqSupervision:updateSettings').send({ addressClusterEvaluations: 6 })).status).toBe(200);
    await compute();
    expect((await flagsOf('evaluation_source_cluster')).map((f: any) => f.key.split(':')[1]).sort()).toEqual(['address', 'device']);
  });

  it('the hashes are in no API answer and nobody writes them', async () => {
    const listed = await office.get('/mq_evaluations:list').query({ fields: ['id', 'deviceHash', 'addressHash', 'score'] });
    expect(listed.status).toBe(200);
    const one = await office.get(`/mq_evaluations:get?filterByTk=${listed.body.data[0].id}`);
    const throughProblem = await office.get(`/mq_problems:get?filterByTk=${listed.body.data[0].problemId ?? 1}&appends[]=evaluations`);
    for (const body of [listed.body, one.body, throughProblem.body]) {
      expect(JSON.stringify(body)).not.toMatch(/deviceHash|addressHash/);
    }
    const id = listed.body.data[0].id;
    const before = (await app.db.getRepository('mq_evaluations').findOne({ filterByTk: id })).get('deviceHash');
    for (const agent of [office, await app.rootAgent()]) {
      const res = await agent.post(`/mq_evaluations:update?filterByTk=${id}`).send({ deviceHash: 'forged-forged-forged-x' });
      expect(res.status).toBe(400);
    }
    expect((await app.db.getRepository('mq_evaluations').findOne({ filterByTk: id })).get('deviceHash')).toBe(before);
    // staff entering a rating cannot give it a source
    const { problemId } = await linkOfHandledReport(9);
    const staff = await office.resource('mq_evaluations').create({ values: { problemId, score: 4, deviceHash: 'made-up-by-staff-abcde' } });
    expect(staff.status).toBe(200);
    const row = await app.db.getRepository('mq_evaluations').findOne({ filterByTk: staff.body.data.id });
    expect([row.get('byStaff'), row.get('deviceHash')]).toEqual([true, null]);
  });

  it('ratings imported by the office count as staff-entered in the figures', async () => {
    const { problemId } = await linkOfHandledReport(10);
    const before = (await office.get(`/mqStats:get?unitId=${unitId}`)).body.data.overall.figures.fromPublic;
    const res = await importRows(office, 'mq_evaluations', ['problemId', 'score', 'byStaff'], [
      ['problemId', 'score', 'byStaff'],
      // the import reads options by their labels
      [String(problemId), '非常满意', 'false'],
      [String(problemId), '满意', 'false'],
    ]);
    expect([res.status, JSON.stringify(res.body).slice(0, 400)]).toEqual([200, expect.any(String)]);
    const imported = await app.db.getRepository('mq_evaluations').find({ filter: { problemId } });
    expect(imported.map((r: Model) => r.get('byStaff'))).toEqual([true, true]);
    const after = (await office.get(`/mqStats:get?unitId=${unitId}`)).body.data.overall.figures.fromPublic;
    expect(after.rated).toBe(before.rated);
    expect(after.ratedByStaff).toBe(before.ratedByStaff + 2);
  });
});
