// In-process stand-in for the load benchmark of issue 22 (the full one, app started as `npm run app` and
// driven from another process, is not written yet): concurrent creates, assignments and accepts over
// HTTP (supertest; more than ~16 requests at once meet ECONNRESET in supertest itself), on the test DB.
//   npm run bench -- concurrent-writes        (MINQING_TEST_DB=postgres for PostgreSQL)
import { createMinqingApp, type MinqingTestApp } from '@minqing/test';
jest.setTimeout(600000);
it('measure', async () => {
  const app: MinqingTestApp = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
  const admin = await app.agentAs(await app.createUser({ username: 'office', roles: ['mq_admin'] }));
  const cadre = await app.createUser({ username: 'cadreA', roles: ['mq_cadre'] });
  const unitId = (await admin.resource('mq_units').create({ values: { name: 'u' } })).body.data.id;
  const time = async (label: string, fns: (() => Promise<any>)[]) => {
    const t0 = Date.now();
    const lat: number[] = [];
    const st: Record<string, number> = {};
    const rs = await Promise.all(
      fns.map(async (f) => {
        const t = Date.now();
        const r = await f().catch((e: any) => ({ status: e.code }));
        lat.push(Date.now() - t);
        st[r.status] = (st[r.status] || 0) + 1;
        return r;
      }),
    );
    lat.sort((a, b) => a - b);
    console.log(
      `MEASURE ${label}: statuses ${JSON.stringify(st)} p50 ${lat[Math.floor(lat.length / 2)]} ms max ${lat[lat.length - 1]} ms wall ${Date.now() - t0} ms`,
    );
    return rs;
  };
  const created = await time(
    '20 concurrent problem creates (HTTP)',
    Array.from(
      { length: 20 },
      (_, i) => () => admin.resource('mq_problems').create({ values: { title: `p${i}`, unitId } }),
    ),
  );
  const ids: number[] = [];
  for (let i = 0; i < 10; i++)
    ids.push((await admin.resource('mq_problems').create({ values: { title: `q${i}`, unitId } })).body.data.id);
  await time(
    '10 concurrent assign, 10 problems',
    ids.map((id) => () => admin.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: cadre.id })),
  );
  await time(
    '20 concurrent accept, one problem',
    Array.from(
      { length: 20 },
      () => () => admin.post(`/mq_problems:accept?filterByTk=${ids[0]}`).send({ measures: 'm' }),
    ),
  );
  void created;
  await app.destroy();
});
