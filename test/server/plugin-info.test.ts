import { createMinqingApp, MINQING_PLUGINS, type MinqingTestApp } from '@minqing/test';

const RESOURCES: Record<string, string> = {
  '@minqing/plugin-three-lists': 'mqThreeLists',
  '@minqing/plugin-liaison': 'mqLiaison',
  '@minqing/plugin-supervision': 'mqSupervision',
  '@minqing/plugin-publicity': 'mqPublicity',
  '@minqing/plugin-warm-hearts': 'mqWarmHearts',
};

describe('every Minqing plugin answers its settings action', () => {
  let app: MinqingTestApp;

  beforeAll(async () => {
    app = await createMinqingApp();
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it.each(MINQING_PLUGINS)('%s: version and status for an administrator', async (packageName) => {
    const admin = await app.createUser({ roles: ['admin'] });
    const agent = await app.agentAs(admin);
    const res = await agent.get(`/${RESOURCES[packageName]}:info`);
    expect(res.status).toBe(200);
    const pkg = require(`${packageName}/package.json`);
    expect(res.body.data).toMatchObject({
      packageName,
      version: pkg.version,
      enabled: true,
      installed: true,
      database: process.env.DB_DIALECT,
    });
    expect(res.body.data.nocobaseVersion).toMatch(/^2\.2\./);
  });

  it('refuses an anonymous visitor and a member without the settings snippet', async () => {
    const anonymous = await app.anonymous().get('/mqThreeLists:info');
    expect(anonymous.status).toBe(401);

    const member = await app.createUser({ roles: ['member'] });
    const res = await (await app.agentAs(member)).get('/mqThreeLists:info');
    expect(res.status).toBe(403);
  });

  it('localises the plugin name', async () => {
    const admin = await app.createUser({ roles: ['admin'] });
    const agent = await app.agentAs(admin);
    const zh = await agent.get('/mqThreeLists:info').set('X-Locale', 'zh-CN');
    expect(zh.body.data.displayName).toBe('民情：三张清单');
    const en = await agent.get('/mqThreeLists:info').set('X-Locale', 'en-US');
    expect(en.body.data.displayName).toBe('Minqing: three lists');
  });
});
