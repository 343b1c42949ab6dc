import { createMinqingApp, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';
import { grantRoles } from '../services/roles';

/**
 * 交办's person pickers ask `mqThreeLists:people`: whoever may assign a problem (by NocoBase's ACL)
 * finds people by part of a name, and learns their name, username and unit — nothing personal.
 */
describe('the people search of the assign form', () => {
  let app: MinqingTestApp;
  const agents: Record<string, Agent> = {};
  let users: Record<string, TestUser>;
  const PHONE = '13912345678';

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
    // a role an administrator makes later, given only 交办: the ACL decides, not a list of ours
    await grantRoles(app.db, [{ name: 'dispatcher', title: 'Dispatcher', snippets: [], resources: { mq_problems: ['assign'] } }], {});
    users = {
      office: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      dispatcher: await app.createUser({ username: 'dispatch1', roles: ['dispatcher'] }),
      cadre: await app.createUser({ username: 'cadre017', nickname: '欧阳秀英', roles: ['mq_cadre'] }),
      other: await app.createUser({ username: 'cadre018', nickname: '欧阳志强', roles: ['mq_cadre'] }),
      leader: await app.createUser({ username: 'leader03', nickname: '傅立新', roles: ['mq_leader'] }),
      member: await app.createUser({ username: 'member', roles: ['member'] }),
    };
    const unit = await app.db.getRepository('mq_units').create({ values: { name: '公安县实验小学', region: '公安县' } });
    await app.db.getRepository('users').update({
      filterByTk: users.cadre.id,
      values: { phone: PHONE, mqUnitId: unit.get('id') },
    });
    for (const [key, user] of Object.entries(users)) agents[key] = await app.agentAs(user);
    agents.anonymous = app.anonymous();
    agents.root = await app.rootAgent();
  });
  afterAll(() => app?.destroy());

  const search = (who: string, q: string, locale = 'zh-CN') =>
    agents[who].get('/mqThreeLists:people').query({ q }).set('X-Locale', locale);

  it('the office finds a cadre by part of the name and gets exactly id, name, username and unit', async () => {
    const res = await search('office', '秀英');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ id: users.cadre.id, nickname: '欧阳秀英', username: 'cadre017', unit: '公安县实验小学' }]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('@');
    // by part of the username too, and by a family name shared by two
    expect((await search('office', 'der03')).body.data.map((p: any) => p.nickname)).toEqual(['傅立新']);
    expect((await search('office', '欧阳')).body.data.map((p: any) => p.username)).toEqual(['cadre017', 'cadre018']);
  });

  it('answers at most 20 people, to any role the ACL lets assign, and to root', async () => {
    for (let i = 0; i < 22; i++) await app.createUser({ username: `teacher${String(i).padStart(2, '0')}`, roles: ['mq_cadre'] });
    const all = await search('dispatcher', 'teacher');
    expect([all.status, all.body.data.length]).toEqual([200, 20]);
    expect(Object.keys(all.body.data[0]).sort()).toEqual(['id', 'nickname', 'unit', 'username']);
    expect((await search('root', '')).body.data.length).toBe(20);
  });

  it('offers only leaders to the guarantor picker (role=leader)', async () => {
    const res = await agents.office.get('/mqThreeLists:people').query({ q: '', role: 'leader' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { username: string }) => p.username)).toEqual(['leader03']);
    const byName = await agents.office.get('/mqThreeLists:people').query({ q: '欧阳', role: 'leader' });
    expect(byName.body.data).toEqual([]);
  });

  it('refuses a cadre, a leader, a member and anonymous, in their language, and changes nothing', async () => {
    const before = JSON.stringify(await app.db.getRepository('users').find({ sort: ['id'] }));
    // without a sign-in NocoBase's authentication answers first, as for any action that is not public
    const anonymous = await search('anonymous', '秀英');
    expect([anonymous.status, anonymous.body.data]).toEqual([401, undefined]);
    expect(JSON.stringify(anonymous.body)).not.toContain('欧阳秀英');
    for (const who of ['cadre', 'leader', 'member']) {
      const zh = await search(who, '秀英');
      expect(`${who} ${zh.status} ${zh.body.errors?.[0]?.code}`).toBe(`${who} 403 PEOPLE_NOT_ALLOWED`);
      expect(zh.body.errors[0].message).toBe('只有可以交办问题的角色才能查找人员');
      expect(JSON.stringify(zh.body)).not.toContain('欧阳秀英');
    }
    const en = await search('cadre', '秀英', 'en-US');
    expect(en.body.errors[0].message).toBe('Only a role that may assign problems may look people up');
    expect(JSON.stringify(await app.db.getRepository('users').find({ sort: ['id'] }))).toBe(before);
  });
});
