import { DOMParser } from '@xmldom/xmldom';
import { createMinqingApp, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';

const PLUGINS = ['@minqing/plugin-three-lists', '@minqing/plugin-publicity'];
const V2 = '/api/open311/v2';
const TRACKING = /^JS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** The spec's own field order of a service request (GET requests / requests/{id}). */
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

/** Well-formed XML, as a client's parser (FixMyStreet's XML::Simple) needs it. */
function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  } as any).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

const textOf = (doc: any, path: string) => {
  let nodes = [doc.documentElement];
  for (const name of path.split('/').slice(1)) {
    nodes = nodes.flatMap((n) => Array.from(n.childNodes as ArrayLike<any>).filter((c: any) => c.nodeName === name));
  }
  return nodes.map((n) => n.textContent);
};

describe('Open311 GeoReport v2 at /api/open311/v2', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadre: Agent, anonymous: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;
  let apiKey: string;

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: PLUGINS, nocobasePlugins: ['api-keys'] });
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
      platform: await app.createUser({ username: 'platform12345', nickname: '荆州市12345热线', roles: ['mq_open311'] }),
    };
    admin = await app.agentAs(users.admin);
    cadre = await app.agentAs(users.cadre);
    anonymous = app.anonymous();
    unitId = (await admin.resource('mq_units').create({ values: { name: '荆州市实验中学', region: '沙市区' } })).body.data.id;
    // what `yarn nocobase generate-api-key -n … -r mq_open311 -u platform12345` does
    apiKey = await keyFor('platform12345', 'mq_open311');
    await plugin().rateLimiter.reset();
  });
  afterAll(() => app?.destroy());

  const plugin = () => app.app.pm.get('@minqing/plugin-publicity') as any;
  // a key's token is its user, role and times: keys of one user and role made within one second are one
  // token, unless their lifetimes differ
  const keyFor = (username: string, role: string, expiresIn = '30d') =>
    (app.app.pm.get('api-keys') as any).generateAPIKey({ name: `${username} key`, username, role, expiresIn });
  const count = async () => ({
    problems: await app.db.getRepository('mq_problems').count(),
    reports: await app.db.getRepository('mq_public_reports').count(),
  });
  /** as FixMyStreet posts: a form, with jurisdiction_id and api_key among the fields */
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    anonymous.post(`${V2}/requests.${format}`).type('form').send(fields);
  const complaint = (extra: Record<string, string> = {}) => ({
    jurisdiction_id: 'jingzhou.edu',
    api_key: apiKey,
    service_code: 'canteen',
    address_id: String(unitId),
    email: 'parent@example.com',
    first_name: '王',
    last_name: '小明',
    phone: '13800000009',
    description: '学校食堂的饭菜经常是凉的，孩子吃了胃不舒服',
    ...extra,
  });

  describe('services', () => {
    it('GET services.json: our categories as the spec lists services', async () => {
      const res = await anonymous.get(`${V2}/services.json?jurisdiction_id=jingzhou.edu`).set('X-Locale', 'zh-CN');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Array.isArray(res.body)).toBe(true);
      const canteen = res.body.find((s: any) => s.service_code === 'canteen');
      expect(Object.keys(canteen)).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      expect(canteen).toMatchObject({ service_name: '食堂', metadata: false, type: 'realtime' });
      const en = await anonymous.get(`${V2}/services.json`).set('X-Locale', 'en-US');
      expect(en.body.find((s: any) => s.service_code === 'canteen').service_name).toBe('Canteens');
    });

    it('GET services.xml: <services><service>…, UTF-8, text/xml', async () => {
      const res = await anonymous.get(`${V2}/services.xml`).set('X-Locale', 'zh-CN');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n')).toBe(true);
      expect(res.text).toContain(
        [
          '  <service>',
          '    <service_code>canteen</service_code>',
          '    <service_name>食堂</service_name>',
          '    <description>食堂</description>',
          '    <metadata>false</metadata>',
          '    <type>realtime</type>',
          '    <keywords>canteen</keywords>',
          '    <group>教育</group>',
          '  </service>',
        ].join('\n'),
      );
      expect(textOf(parseXml(res.text), 'services/service/service_code')).toContain('after_school');
    });

    it('GET services/{service_code}: the definition; an unknown code is 404 in the spec’s error format', async () => {
      const json = await anonymous.get(`${V2}/services/canteen.json`);
      expect([json.status, json.body]).toEqual([200, { service_code: 'canteen', attributes: [] }]);
      const xml = await anonymous.get(`${V2}/services/canteen.xml`);
      expect(xml.text).toBe(
        '<?xml version="1.0" encoding="utf-8"?>\n<service_definition>\n  <service_code>canteen</service_code>\n  <attributes/>\n</service_definition>\n',
      );
      const missing = await anonymous.get(`${V2}/services/potholes.json`).set('X-Locale', 'en-US');
      expect([missing.status, missing.body]).toEqual([404, [{ code: 404, description: 'service_code potholes not found' }]]);
      const missingXml = await anonymous.get(`${V2}/services/potholes.xml`).set('X-Locale', 'zh-CN');
      expect(missingXml.status).toBe(404);
      expect(missingXml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(missingXml.text).toBe(
        '<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>404</code>\n    <description>service_code potholes 不存在</description>\n  </error>\n</errors>\n',
      );
    });

    it('discovery.json names the endpoint, its specification and formats', async () => {
      const res = await anonymous.get(`${V2}/discovery.json`);
      expect(res.status).toBe(200);
      expect(res.body.endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        formats: ['text/xml', 'application/json'],
      });
      expect(res.body.endpoints[0].url).toMatch(/\/api\/open311\/v2$/);
    });
  });

  describe('filing and following requests', () => {
    it('POST requests.xml as FixMyStreet sends it: a problem (接诉即办) and a report, the id at once', async () => {
      const before = await count();
      const res = await post('xml', complaint({ lat: '30.3269', long: '112.2407', 'attribute[school_type]': 'middle' }));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const doc = parseXml(res.text);
      expect(doc.documentElement.nodeName).toBe('service_requests');
      const [id] = textOf(doc, 'service_requests/request/service_request_id');
      expect(id).toMatch(TRACKING);
      expect(res.text).toMatch(
        /<service_requests>\n  <request>\n    <service_request_id>JS-[^<]+<\/service_request_id>\n    <service_notice>[^<]+<\/service_notice>\n    <account_id\/>\n  <\/request>\n<\/service_requests>\n$/,
      );
      expect(await count()).toEqual({ problems: before.problems + 1, reports: before.reports + 1 });
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: id }, appends: ['problem'] });
      expect(report.toJSON()).toMatchObject({
        channel: 'open311',
        clientName: '荆州市12345热线',
        contactName: '王 小明',
        contactEmail: 'parent@example.com',
        contactPhone: '13800000009',
        location: '30.3269,112.2407; school_type: middle',
        locale: 'zh-CN',
      });
      expect((report.get('problem') as any).toJSON()).toMatchObject({
        source: 'complaint',
        status: 'new',
        category: 'canteen',
        unitId,
      });
    });

    it('exactly what FixMyStreet’s Open311.pm sends and reads: a point, a multi-line text, then ids polled in XML', async () => {
      const fms = (description: string) => ({
        jurisdiction_id: '',
        api_key: apiKey,
        lat: '30.3269',
        long: '112.2407',
        email: 'fms-user@example.com',
        description,
        service_code: 'school_conditions',
        first_name: '',
        last_name: '',
      });
      const ids: string[] = [];
      for (const title of ['教室屋顶漏水', '厕所门锁坏了']) {
        const res = await post('xml', fms(`title:  ${title}\n\ndetail: 下雨天很严重\n\nurl: https://fixmystreet.example/report/1\n\nSubmitted via FixMyStreet\n`));
        expect(res.status).toBe(200);
        ids.push(textOf(parseXml(res.text), 'service_requests/request/service_request_id')[0]);
      }
      // get_service_requests: ?jurisdiction_id=&service_request_id=a,b
      const polled = await anonymous.get(`${V2}/requests.xml?jurisdiction_id=&service_request_id=${ids.join(',')}`);
      expect(polled.status).toBe(200);
      const doc = parseXml(polled.text);
      expect(textOf(doc, 'service_requests/request/service_request_id')).toEqual(ids);
      expect(textOf(doc, 'service_requests/request/status')).toEqual(['open', 'open']);
      // get_service_request_id_from_token: tokens/{token}.xml → request/service_request_id
      const token = await anonymous.get(`${V2}/tokens/${ids[0]}.xml?jurisdiction_id=`);
      expect(textOf(parseXml(token.text), 'service_requests/request/service_request_id')).toEqual([ids[0]]);
      const report = await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: ids[0] } });
      expect(report.get('location')).toBe('30.3269,112.2407');
      expect(report.get('contactName')).toBeNull();
    });

    it('POST requests.json answers [{ service_request_id, service_notice, account_id }]', async () => {
      const res = await post('json', complaint({ account_id: 'user-778' }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { service_request_id: expect.stringMatching(TRACKING), service_notice: expect.any(String), account_id: 'user-778' },
      ]);
    });

    it('GET requests/{id} and tokens/{token}: where a filed request stands, nothing of what was reported', async () => {
      const filed = await post('json', complaint({ description: '宿舍热水每天只供应一小时，学生洗澡排长队' }));
      const id = filed.body[0].service_request_id;
      const res = await anonymous.get(`${V2}/requests/${id}.json?jurisdiction_id=jingzhou.edu`).set('X-Locale', 'zh-CN');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      expect(Object.keys(res.body[0])).toEqual(REQUEST_FIELDS);
      expect(res.body[0]).toMatchObject({
        service_request_id: id,
        status: 'open',
        status_notes: '待交办',
        service_code: 'canteen',
        service_name: '食堂',
        description: null,
        address: '荆州市实验中学',
        address_id: unitId,
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
      });
      // nothing personal and nothing of the text
      expect(JSON.stringify(res.body)).not.toMatch(/热水|王|小明|13800000009|parent@example/);
      const xml = await anonymous.get(`${V2}/requests/${id}.xml`);
      const doc = parseXml(xml.text);
      expect(textOf(doc, 'service_requests/request/status')).toEqual(['open']);
      expect(Array.from(doc.documentElement.getElementsByTagName('request')[0].childNodes as ArrayLike<any>)
        .filter((n: any) => n.nodeType === 1)
        .map((n: any) => n.nodeName)).toEqual(REQUEST_FIELDS);

      const token = await anonymous.get(`${V2}/tokens/${id}.xml`);
      expect(token.status).toBe(200);
      expect(token.text).toBe(
        `<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>\n    <service_request_id>${id}</service_request_id>\n    <token>${id}</token>\n  </request>\n</service_requests>\n`,
      );
      expect((await anonymous.get(`${V2}/tokens/JS-0000-0000-0000.json`)).status).toBe(404);
    });

    it('a request done is closed, our status and the office’s reply in status_notes', async () => {
      const filed = await post('json', complaint({ description: '食堂窗口太少，排队时间很长' }));
      const id = filed.body[0].service_request_id;
      const report = await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: id } });
      const problemId = report.get('problemId') as number;
      const act = (agent: Agent, action: string, values: object) =>
        agent.post(`/mq_problems:${action}?filterByTk=${problemId}`).send(values);
      expect((await act(admin, 'assign', { personId: users.cadre.id })).status).toBe(200);
      expect((await act(cadre, 'accept', { measures: '增开窗口' })).status).toBe(200);
      expect((await act(cadre, 'complete', { completionSummary: '已增开两个窗口' })).status).toBe(200);
      await app.db.getRepository('mq_public_reports').update({ filterByTk: report.get('id'), values: { reply: '已增开两个窗口' } });
      const res = await anonymous.get(`${V2}/requests/${id}.json`).set('X-Locale', 'en-US');
      expect(res.body[0]).toMatchObject({ status: 'closed', status_notes: 'Done: 已增开两个窗口' });
      expect(res.body[0].expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
      const closed = await anonymous.get(`${V2}/requests.json?service_request_id=${id}&status=closed`);
      expect(closed.body.map((r: any) => r.service_request_id)).toEqual([id]);
      const open = await anonymous.get(`${V2}/requests.json?service_request_id=${id}&status=open`);
      expect(open.body).toEqual([]);
    });

    it('GET requests lists published problems only, by their public texts, filtered as the spec says', async () => {
      const hidden = await admin
        .resource('mq_problems')
        .create({ values: { title: '李四反映校车超载', unitId, category: 'campus_safety' } });
      const shown = await admin
        .resource('mq_problems')
        .create({ values: { title: '张三反映食堂排队', unitId, category: 'canteen' } });
      const published = await admin.post(`/mq_problems:publish?filterByTk=${shown.body.data.id}`).send({
        publicTitle: '食堂排队时间长',
        publicSummary: '学校增开了两个窗口',
      });
      expect(published.status).toBe(200);
      const code = published.body.data?.code ?? (await app.db.getRepository('mq_problems').findOne({ filterByTk: shown.body.data.id })).get('code');

      const res = await anonymous.get(`${V2}/requests.json?jurisdiction_id=jingzhou.edu`).set('X-Locale', 'zh-CN');
      expect(res.status).toBe(200);
      expect(res.body.map((r: any) => r.service_request_id)).toEqual([code]);
      expect(res.body[0]).toMatchObject({
        status: 'open',
        service_code: 'canteen',
        description: '食堂排队时间长\n学校增开了两个窗口',
        address: '荆州市实验中学',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/张三|李四|校车/);
      expect(hidden.status).toBe(200);
      expect((await anonymous.get(`${V2}/requests.json?service_code=campus_safety`)).body).toEqual([]);
      expect((await anonymous.get(`${V2}/requests.json?status=closed`)).body).toEqual([]);
      expect((await anonymous.get(`${V2}/requests.json?start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z`)).body).toEqual([]);
      const one = await anonymous.get(`${V2}/requests/${encodeURIComponent(code)}.xml`);
      expect(textOf(parseXml(one.text), 'service_requests/request/service_request_id')).toEqual([code]);
      // an unpublished problem's code is not found, exactly as a code that does not exist
      const hiddenCode = (await app.db.getRepository('mq_problems').findOne({ filterByTk: hidden.body.data.id })).get('code');
      const notPublished = await anonymous.get(`${V2}/requests/${encodeURIComponent(hiddenCode as string)}.json`);
      expect(notPublished.status).toBe(404);
    });
  });

  describe('errors: the spec’s format, nothing written', () => {
    it('every refusal of POST requests, in JSON and XML', async () => {
      await plugin().rateLimiter.reset();
      // signed with the app's secret but not an API key (as a sign-in token is)
      const sessionToken = (app.app as any).authManager.jwt.sign({ userId: users.platform.id, roleName: 'mq_open311' });
      const cadreKey = await keyFor('cadre', 'mq_cadre');
      const revoked = await keyFor('platform12345', 'mq_open311', '29d');
      const row = await app.db.getRepository('apiKeys').findOne({ filter: { name: 'platform12345 key' }, sort: ['-id'] });
      // revoked as NocoBase's apiKeys:destroy does it (Settings › API keys): the token blocked, the row gone
      await (app.app as any).authManager.jwt.block(revoked);
      await app.db.getRepository('apiKeys').destroy({ filterByTk: row.get('id') });
      const cases: [Record<string, string>, number, RegExp][] = [
        [complaint({ api_key: '' }), 403, /api_key is missing/],
        [complaint({ api_key: 'not-a-key' }), 403, /api_key is not valid/],
        [complaint({ api_key: revoked }), 403, /api_key is not valid/],
        [complaint({ api_key: cadreKey }), 403, /may not file requests/],
        [complaint({ service_code: '' }), 400, /service_code is required/],
        [complaint({ service_code: 'potholes' }), 404, /service_code potholes not found/],
        [complaint({ address_id: '' }), 400, /a location is required/],
        [complaint({ address_id: '999999' }), 400, /address_id 999999 is not one of our units/],
        [complaint({ address_id: '', lat: '91', long: '0' }), 400, /lat and long/],
        [complaint({ address_id: '', lat: '30.1' }), 400, /lat and long/],
        [complaint({ description: '' }), 400, /Please describe the problem/],
        [complaint({ email: 'nobody' }), 400, /e-mail address is not valid/],
        [complaint({ jurisdiction_id: 'elsewhere.gov' }), 404, /jurisdiction_id not found/],
        [complaint({ api_key: sessionToken }), 403, /api_key is not valid/],
      ];
      expect((await admin.post('/mqPublicity:updateSettings').send({ open311Jurisdiction: 'jingzhou.edu' })).status).toBe(200);
      const before = await count();
      for (const [fields, status, message] of cases) {
        const json = await post('json', fields).set('X-Locale', 'en-US');
        expect([json.status, json.headers['content-type']]).toEqual([status, 'application/json; charset=utf-8']);
        expect(json.body).toEqual([{ code: status, description: expect.stringMatching(message) }]);
        const xml = await post('xml', fields).set('X-Locale', 'en-US');
        expect(xml.status).toBe(status);
        const doc = parseXml(xml.text);
        expect(doc.documentElement.nodeName).toBe('errors');
        expect(textOf(doc, 'errors/error/code')).toEqual([String(status)]);
        expect(textOf(doc, 'errors/error/description')[0]).toMatch(message);
      }
      expect(await count()).toEqual(before);
      // in the client's language
      const zh = await post('json', complaint({ api_key: 'not-a-key' })).set('X-Locale', 'zh-CN');
      expect(zh.body[0].description).toBe('api_key 无效或已被撤销');
      await admin.post('/mqPublicity:updateSettings').send({ open311Jurisdiction: '' });
    });

    it('over the rate limit: 429 with Retry-After, in the spec’s format; nothing written', async () => {
      await plugin().rateLimiter.reset();
      expect((await admin.post('/mqPublicity:updateSettings').send({ open311RequestsPerWindow: 2 })).status).toBe(200);
      expect((await post('json', complaint())).status).toBe(200);
      expect((await post('json', complaint())).status).toBe(200);
      const before = await count();
      const res = await post('xml', complaint()).set('X-Locale', 'en-US');
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(textOf(parseXml(res.text), 'errors/error/description')[0]).toMatch(/too many requests from this client/);
      expect(await count()).toEqual(before);
      // the public page's own limits are another client's
      expect((await anonymous.post('/mqPublic:submit').send({ description: '网页上的来件不受影响' })).status).toBe(200);
      await admin.post('/mqPublicity:updateSettings').send({ open311RequestsPerWindow: 600 });
    });

    it('reads: unknown method, bad parameters and unknown ids', async () => {
      const cases: [string, number][] = [
        [`${V2}/potholes.json`, 404],
        [`${V2}/requests.json?status=pending`, 400],
        [`${V2}/requests.json?start_date=yesterday`, 400],
        [`${V2}/requests/JS-0000-0000-0000.json`, 404],
        [`${V2}/requests/WT2099-999999.xml`, 404],
      ];
      for (const [path, status] of cases) {
        const res = await anonymous.get(path);
        expect([path, res.status]).toEqual([path, status]);
        if (path.endsWith('.xml')) expect(parseXml(res.text).documentElement.nodeName).toBe('errors');
        else expect(res.body).toEqual([{ code: status, description: expect.any(String) }]);
      }
      // a write through a read's path is not a method of the spec
      expect((await anonymous.post(`${V2}/services.json`).send({})).status).toBe(404);
    });

    it('staff roles have no more power here than anyone: reads are public, filing needs a key', async () => {
      const before = await count();
      const asAdmin = await admin.post(`${V2}/requests.json`).type('form').send({ ...complaint(), api_key: '' });
      expect(asAdmin.status).toBe(403);
      const asCadre = await cadre.get(`${V2}/requests.json`);
      expect(asCadre.status).toBe(200);
      expect(await count()).toEqual(before);
    });
  });
});
