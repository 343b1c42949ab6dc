import type { Model } from '@nocobase/database';
import { randomBytes } from 'crypto';
import {
  createMinqingApp,
  eventually,
  TestSmtpServer,
  type Agent,
  type MinqingTestApp,
  type TestUser,
} from '@minqing/test';
import PublicFieldsBelongToPublicity from '../migrations/20261207000000-public-fields-belong-to-publicity';
import RateCountersTable from '../migrations/20261207140000-rate-counters-table';
import ReportChannelFields from '../migrations/20261207141000-report-channel-fields';
import OpenIntake from '../migrations/20261207142000-open-intake';

const PLUGINS = ['@minqing/plugin-three-lists', '@minqing/plugin-publicity'];
// 1×1 transparent PNG
const PNG = `data:image/png;base64,${Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082',
  'hex',
).toString('base64')}`;

describe('publicity: the public page data, 接诉即办 intake and single-use evaluation links', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadre: Agent, anonymous: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: PLUGINS, nocobasePlugins: ['notification-email'] });
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
      leader: await app.createUser({ username: 'leader', roles: ['mq_leader'] }),
    };
    admin = await app.agentAs(users.admin);
    cadre = await app.agentAs(users.cadre);
    anonymous = app.anonymous();
    const unit = await admin.resource('mq_units').create({ values: { name: '荆州市实验中学', region: '沙市区' } });
    unitId = unit.body.data.id;
  });
  afterAll(() => app?.destroy());

  const plugin = () => app.app.pm.get('@minqing/plugin-publicity') as any;
  const count = (collection: string, filter = {}) => app.db.getRepository(collection).count({ filter });
  const settings = (values: Record<string, unknown>) => admin.post('/mqPublicity:updateSettings').send(values);
  const act = (agent: Agent, action: string, id: number, values: Record<string, unknown> = {}) =>
    agent.post(`/mq_problems:${action}?filterByTk=${id}`).set('X-Locale', 'en-US').send(values);
  const submit = (values: Record<string, unknown>, locale = 'zh-CN') =>
    anonymous.post('/mqPublic:submit').set('X-Locale', locale).send(values);

  async function driveToDone(id: number) {
    expect((await act(admin, 'assign', id, { personId: users.cadre.id })).status).toBe(200);
    expect((await act(cadre, 'accept', id, { measures: '核实情况，制定方案' })).status).toBe(200);
    expect((await act(cadre, 'complete', id, { completionSummary: '已整改完毕' })).status).toBe(200);
  }

  beforeEach(() => plugin().rateLimiter.reset());

  describe('intake (接诉即办)', () => {
    it('takes a report from someone without an account and answers with a tracking code', async () => {
      const before = await count('mq_problems');
      const res = await submit({
        category: 'canteen',
        unitId,
        description: '学校食堂饭菜经常是凉的',
        contactPhone: '13800000001',
      });
      expect(res.status).toBe(200);
      expect(res.body.data.trackingCode).toMatch(/^JS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await count('mq_problems')).toBe(before + 1);
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode }, appends: ['problem'] });
      expect(report.get('contactPhone')).toBe('13800000001');
      expect((report.get('problem') as any).toJSON()).toMatchObject({
        source: 'complaint',
        status: 'new',
        category: 'canteen',
        unitId,
        description: '学校食堂饭菜经常是凉的',
      });
      // only the description is needed
      const minimal = await submit({ description: '放学时校门口交通拥堵' });
      expect(minimal.status).toBe(200);
    });

    it('stores markup as text, exactly as sent', async () => {
      const text = '<script>alert("x")</script><img src=x onerror=alert(1)> 教室漏水';
      const res = await submit({ description: text });
      expect(res.status).toBe(200);
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode }, appends: ['problem'] });
      expect((report.get('problem') as any).get('description')).toBe(text);
    });

    it('refuses bad input in the sender’s language and writes nothing', async () => {
      await settings({ submissionsPerWindow: 100 }); // every attempt counts towards the limit
      const before = { problems: await count('mq_problems'), reports: await count('mq_public_reports') };
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{}, 'DESCRIPTION_REQUIRED', /请描述/],
        [{ description: '太短' }, 'DESCRIPTION_REQUIRED', /至少 5 个字/],
        [{ description: '食堂饭菜是凉的', category: 'nonsense' }, 'INVALID_CATEGORY', /问题类别/],
        [{ description: '食堂饭菜是凉的', unitId: 999999 }, 'UNIT_NOT_FOUND', /单位不存在/],
        [{ description: '食堂饭菜是凉的', contactPhone: 'call me maybe' }, 'INVALID_PHONE', /电话号码/],
        [{ description: '食堂饭菜是凉的', contactEmail: 'nobody' }, 'INVALID_EMAIL', /邮箱/],
        [{ description: '食堂饭菜是凉的', photos: ['data:image/png;base64,aGVsbG8='] }, 'INVALID_PHOTO', /第 1 张照片/],
        [{ description: '食堂饭菜是凉的', photos: [PNG, PNG, PNG, PNG] }, 'TOO_MANY_PHOTOS', /最多上传 3 张/],
        [{ description: 'x'.repeat(2001) }, 'TOO_LONG', /太长/],
      ];
      for (const [values, code, message] of cases) {
        const res = await submit(values);
        expect([res.status, res.body.errors?.[0]?.code]).toEqual([400, code]);
        expect(res.body.errors[0].message).toMatch(message);
      }
      const en = await submit({}, 'en-US');
      expect(en.body.errors[0].message).toMatch(/Please describe the problem/);
      expect({ problems: await count('mq_problems'), reports: await count('mq_public_reports') }).toEqual(before);
      await settings({ submissionsPerWindow: 5 });
    });

    it('stores photos through the file manager, readable by the office only', async () => {
      const res = await submit({ description: '操场围栏破损有安全隐患', photos: [PNG] });
      expect(res.status).toBe(200);
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode }, appends: ['photos'] });
      const photos = report.get('photos') as any[];
      expect(photos).toHaveLength(1);
      expect(photos[0].get('extname')).toBe('.png');
      expect(photos[0].get('filename')).toMatch(/^[0-9a-f]{16}-\w+\.png$/); // a random name, never the sender's
    });

    it('keeps contact details for the office: a cadre and the public cannot read the reports', async () => {
      await submit({ description: '宿舍热水供应不足', contactName: '王先生', contactPhone: '13800000002' });
      expect((await cadre.resource('mq_public_reports').list()).status).toBe(403);
      expect((await anonymous.get('/mq_public_reports:list')).status).toBe(401);
      const office = await admin.resource('mq_public_reports').list({ filter: { contactName: '王先生' } });
      expect(office.status).toBe(200);
      expect(office.body.data[0].contactPhone).toBe('13800000002');
      // the problem the report became carries no contact detail, and no way back to the report
      const fields = Object.keys(
        app.db.getCollection('mq_problems').fields
          ? Object.fromEntries(app.db.getCollection('mq_problems').fields)
          : {},
      );
      expect(fields.filter((f) => /contact|report/i.test(f))).toEqual([]);
    });

    it('answers 429 past the rate limit, and writes nothing', async () => {
      expect((await settings({ submissionsPerWindow: 3 })).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await submit({ description: `第${i}次反映：食堂问题` })).status).toBe(200);
      const before = await count('mq_problems');
      const res = await submit({ description: '第四次反映：食堂问题' });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.errors[0].message).toMatch(/请求过于频繁/);
      expect(await count('mq_problems')).toBe(before);
      await plugin().rateLimiter.reset();
      expect((await submit({ description: '重置后可以再次提交' })).status).toBe(200);
      await settings({ submissionsPerWindow: 5 });
    });

    it('limits each device, and the address higher: one device does not lock out its school', async () => {
      expect((await settings({ submissionsPerWindow: 2, submissionsPerAddress: 3 })).status).toBe(200);
      const from = (device: string, description: string) =>
        anonymous.post('/mqPublic:submit').set('X-Minqing-Device', device).send({ description });
      const before = { problems: await count('mq_problems'), reports: await count('mq_public_reports') };
      expect((await from('phone-of-parent-a', '家长甲：食堂饭菜是凉的')).status).toBe(200);
      expect((await from('phone-of-parent-a', '家长甲：食堂饭菜还是凉的')).status).toBe(200);
      const overDevice = await from('phone-of-parent-a', '家长甲：第三次反映');
      expect(overDevice.status).toBe(429);
      // the same school network, another phone: its own allowance, within the address's
      expect((await from('phone-of-parent-b', '家长乙：校门口交通拥堵')).status).toBe(200);
      const overAddress = await from('phone-of-parent-b', '家长乙：校门口交通仍然拥堵');
      expect(overAddress.status).toBe(429);
      expect(Number(overAddress.headers['retry-after'])).toBeGreaterThan(0);
      expect((await from('phone-of-parent-c', '家长丙：操场积水')).status).toBe(429);
      expect({ problems: await count('mq_problems'), reports: await count('mq_public_reports') }).toEqual({
        problems: before.problems + 3,
        reports: before.reports + 3,
      });
      // the counters are not the process's: no row names an address as it is
      const keys = (await app.db.getRepository('mq_rate_counters').find()).map((r: Model) => r.get('key') as string);
      expect(keys.some((k: string) => k.startsWith('submissions:address:'))).toBe(true);
      expect(keys.join(' ')).not.toMatch(/127\.0\.0\.1/);
      await settings({ submissionsPerWindow: 5, submissionsPerAddress: 100 });
    });

    it('refuses an address limit below the device limit, and changes nothing', async () => {
      const res = await settings({ submissionsPerWindow: 10, submissionsPerAddress: 5 });
      expect(res.status).toBe(400);
      const stored = await admin.get('/mqPublicity:getSettings');
      expect(stored.body.data).toMatchObject({ submissionsPerWindow: 5, submissionsPerAddress: 100 });
    });

    it('answers 413 to an oversized body before reading it, and writes nothing', async () => {
      expect((await settings({ maxBodyKB: 64, maxPhotos: 1, maxPhotoKB: 32 })).status).toBe(200);
      const before = await count('mq_problems');
      const big = `data:image/png;base64,${randomBytes(80 * 1024).toString('base64')}`;
      const res = await submit({ description: '附上照片说明问题', photos: [big] });
      expect(res.status).toBe(413);
      expect(res.body.errors[0].code).toBe('BODY_TOO_LARGE');
      expect(res.body.errors[0].message).toMatch(/提交内容过大/);
      const en = await submit({ description: '附上照片说明问题', photos: [big] }, 'en-US');
      expect(en.body.errors[0].message).toMatch(/too large/);
      // under the body limit but over the photo limit: also 413
      const mid = `data:image/png;base64,${randomBytes(40 * 1024).toString('base64')}`;
      const photo = await submit({ description: '附上照片说明问题', photos: [mid] });
      expect([photo.status, photo.body.errors[0].code]).toEqual([413, 'PHOTO_TOO_LARGE']);
      expect(await count('mq_problems')).toBe(before);
      expect((await settings({ maxBodyKB: 9216, maxPhotos: 3, maxPhotoKB: 2048 })).status).toBe(200);
    });
  });

  describe('tracking and evaluation links', () => {
    let code: string;
    let problemId: number;

    beforeAll(async () => {
      const res = await submit({ category: 'canteen', unitId, description: '食堂饭菜分量不足', contactName: '李女士' });
      code = res.body.data.trackingCode;
      const report = await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code } });
      problemId = report.get('problemId') as number;
    });

    const track = (c: string) =>
      anonymous.get(`/mqPublic:track?code=${encodeURIComponent(c)}`).set('X-Locale', 'zh-CN');
    const evaluate = (values: Record<string, unknown>) =>
      anonymous.post('/mqPublic:evaluate').set('X-Locale', 'zh-CN').send(values);
    const evaluations = () => count('mq_evaluations', { problemId });

    it('tracks by code (typed loosely) with the status and the steps, and nothing else', async () => {
      const res = await track(code.toLowerCase().replace(/-/g, ' '));
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        trackingCode: code,
        status: 'new',
        category: 'canteen',
        evaluation: { state: 'none' },
      });
      expect(res.body.data.unit.name).toBe('荆州市实验中学');
      expect(JSON.stringify(res.body)).not.toMatch(/李女士|分量不足/);
      expect((await track('JS-0000-0000-0000')).status).toBe(404);
      const bad = await track('not a code');
      expect([bad.status, bad.body.errors[0].code]).toEqual([400, 'INVALID_CODE']);
    });

    it('issues a link when the problem is done; it works exactly once', async () => {
      await driveToDone(problemId);
      await admin
        .resource('mq_public_reports')
        .update({ filter: { trackingCode: code }, values: { reply: '已调整食堂配餐标准' } });
      const tracked = await track(code);
      expect(tracked.body.data.status).toBe('done');
      expect(tracked.body.data.reply).toBe('已调整食堂配餐标准');
      expect(tracked.body.data.progress.map((p: any) => Boolean(p.at))).toEqual([true, true, true, true, false]);
      const { state, token } = tracked.body.data.evaluation;
      expect(state).toBe('open');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // only the token's hash is stored
      const stored = await app.db.getRepository('mq_evaluation_tokens').find({ filter: { problemId } });
      expect(JSON.stringify(stored.map((r: Model) => r.toJSON()))).not.toContain(token);

      const check = await anonymous.get(`/mqPublic:evaluation?token=${token}`);
      expect(check.status).toBe(200);
      expect(check.body.data).toMatchObject({ trackingCode: code, reply: '已调整食堂配餐标准' });

      // a bad score does not use the link up
      const badScore = await evaluate({ token, score: 9 });
      expect([badScore.status, badScore.body.errors[0].code]).toEqual([400, 'INVALID_SCORE']);
      expect(await evaluations()).toBe(0);

      const ok = await evaluate({ token, score: 5, comment: '<b>很满意</b>' });
      expect(ok.status).toBe(200);
      expect(await evaluations()).toBe(1);
      const saved = await app.db.getRepository('mq_evaluations').findOne({ filter: { problemId } });
      expect(saved.toJSON()).toMatchObject({
        score: 5,
        comment: '<b>很满意</b>',
        channel: 'online',
        evaluatorKind: 'parent',
      });

      const again = await evaluate({ token, score: 1 });
      expect([again.status, again.body.errors[0].code]).toEqual([409, 'EVALUATION_LINK_USED']);
      expect(again.body.errors[0].message).toMatch(/只能评价一次/);
      expect(await evaluations()).toBe(1);
      expect((await track(code)).body.data.evaluation.state).toBe('used');
    });

    it('refuses a forged link and changes nothing', async () => {
      const before = await count('mq_evaluations');
      for (const token of [randomBytes(32).toString('base64url'), 'x', '', "' OR 1=1 --", undefined]) {
        const res = await evaluate({ token, score: 5 });
        expect([res.status, res.body.errors[0].code]).toEqual([404, 'EVALUATION_LINK_INVALID']);
      }
      expect(await count('mq_evaluations')).toBe(before);
    });

    it('refuses an expired link, and one superseded by a later completion', async () => {
      const res = await submit({ category: 'canteen', unitId, description: '食堂桌椅破旧需要更换' });
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode } });
      const id = report.get('problemId') as number;
      await driveToDone(id);
      const first = (await track(res.body.data.trackingCode)).body.data.evaluation.token;
      await app.db
        .getRepository('mq_evaluation_tokens')
        .update({ filter: { problemId: id }, values: { expiresAt: new Date(Date.now() - 1000) } });
      expect((await track(res.body.data.trackingCode)).body.data.evaluation.state).toBe('expired');
      const expired = await evaluate({ token: first, score: 4 });
      expect([expired.status, expired.body.errors[0].code]).toEqual([410, 'EVALUATION_LINK_EXPIRED']);
      expect(expired.body.errors[0].message).toMatch(/已过期/);
      expect(await count('mq_evaluations', { problemId: id })).toBe(0);

      // reopened and done again: a new link, and the old one is void even if it had not expired
      await app.db
        .getRepository('mq_evaluation_tokens')
        .update({ filter: { problemId: id }, values: { expiresAt: new Date(Date.now() + 86400000) } });
      expect((await act(admin, 'reopen', id, { reason: '群众反映仍未解决' })).status).toBe(200);
      expect((await act(cadre, 'complete', id, { completionSummary: '已全部更换' })).status).toBe(200);
      const second = (await track(res.body.data.trackingCode)).body.data.evaluation.token;
      expect(second).not.toBe(first);
      expect((await evaluate({ token: first, score: 4 })).status).toBe(410);
      expect((await evaluate({ token: second, score: 4 })).status).toBe(200);
    });

    it('two submissions of one link at once: one evaluation', async () => {
      const res = await submit({ category: 'canteen', unitId, description: '食堂缺少清真窗口' });
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode } });
      const id = report.get('problemId') as number;
      await driveToDone(id);
      const token = (await track(res.body.data.trackingCode)).body.data.evaluation.token;
      const results = await Promise.all([evaluate({ token, score: 5 }), evaluate({ token, score: 4 })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await count('mq_evaluations', { problemId: id })).toBe(1);
    });

    it('a dissatisfied public evaluation reopens the problem (the core’s rule) and counts in 满意率', async () => {
      const res = await submit({ category: 'canteen', unitId, description: '食堂价格偏高学生负担重' });
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode } });
      const id = report.get('problemId') as number;
      await driveToDone(id);
      const token = (await track(res.body.data.trackingCode)).body.data.evaluation.token;
      const dissatisfied = async () =>
        (await admin.get('/mqStats:get').query({ unitId })).body.data.overall.counts.ratingsByLevel[2] as number;
      const before = await dissatisfied();
      const ok = await evaluate({ token, score: 2, comment: '价格没有变化' });
      expect(ok.status).toBe(200);
      expect(ok.body.data.status).toBe('reopened');
      const problem = await app.db.getRepository('mq_problems').findOne({ filterByTk: id });
      expect(problem.get('status')).toBe('reopened');
      expect(await dissatisfied()).toBe(before + 1);
    });
  });

  describe('publishing and the public page data', () => {
    let problemId: number;

    beforeAll(async () => {
      const res = await cadre
        .resource('mq_problems')
        .create({ values: { title: '张三反映食堂排队', unitId, category: 'canteen' } });
      problemId = res.body.data.id;
    });

    it('publishing is an explicit step with public texts; a cadre cannot publish', async () => {
      const none = await act(admin, 'publish', problemId, {});
      expect([none.status, none.body.errors[0].code]).toEqual([400, 'PUBLIC_TEXT_REQUIRED']);
      const byUpdate = await admin
        .resource('mq_problems')
        .update({ filterByTk: problemId, values: { isPublic: true } });
      expect(byUpdate.status).toBe(400);
      expect((await act(cadre, 'publish', problemId, { publicTitle: 'x', publicSummary: 'y' })).status).toBe(403);
      expect((await app.db.getRepository('mq_problems').findOne({ filterByTk: problemId })).get('isPublic')).toBe(
        false,
      );

      const list1 = await anonymous.get('/mqPublic:list');
      expect(list1.status).toBe(200);
      const ok = await act(admin, 'publish', problemId, {
        publicTitle: '食堂排队时间长',
        publicSummary: '增设两个窗口，排队时间由20分钟降至5分钟',
      });
      expect(ok.status).toBe(200);
      expect(ok.body.data.publishedAt).toBeTruthy();
      const list2 = await anonymous.get('/mqPublic:list');
      expect(list2.headers['x-minqing-cache']).toBe('miss'); // publishing invalidated the cache
      expect(list2.body.data.map((r: any) => r.title)).toContain('食堂排队时间长');
      expect(JSON.stringify(list2.body)).not.toContain('张三');
      const list3 = await anonymous.get('/mqPublic:list');
      expect(list3.headers['x-minqing-cache']).toBe('hit');
      expect(list3.body).toEqual(list2.body); // a hit answers exactly what the action answered
      expect(list3.headers['content-type']).toMatch(/application\/json/);

      expect((await act(admin, 'unpublish', problemId)).status).toBe(200);
      const list4 = await anonymous.get('/mqPublic:list');
      expect(list4.body.data.map((r: any) => r.title)).not.toContain('食堂排队时间长');
    });

    it('filters, searches and pages; refuses bad filters with 400', async () => {
      await act(admin, 'publish', problemId, { publicTitle: '食堂排队时间长', publicSummary: '增设两个窗口' });
      const hit = await anonymous
        .get('/mqPublic:list')
        .query({ category: 'canteen', unitId, status: 'new', q: '窗口' });
      expect(hit.body.data).toHaveLength(1);
      expect(Object.keys(hit.body.data[0]).sort()).toEqual(
        [
          'category',
          'closedAt',
          'code',
          'doneAt',
          'evaluationAverage',
          'evaluations',
          'publishedAt',
          'reportedAt',
          'status',
          'summary',
          'title',
          'unit',
        ].sort(),
      );
      const miss = await anonymous.get('/mqPublic:list').query({ status: 'closed', q: '窗口' });
      expect(miss.body.data).toHaveLength(0);
      for (const query of [
        { status: 'nope' },
        { category: 'nope' },
        { unitId: 'abc' },
        { pageSize: 1000 },
        { page: 0 },
      ]) {
        const res = await anonymous.get('/mqPublic:list').query(query);
        expect(res.status).toBe(400);
      }
    });

    it('figures overall, by unit, region, month and category, without counts of people', async () => {
      for (const groupBy of ['unit', 'region', 'month', 'category']) {
        const res = await anonymous.get('/mqPublic:stats').query({ groupBy });
        expect(res.status).toBe(200);
        expect(res.body.data.groups.length).toBeGreaterThan(0);
        expect(res.body.data.overall.figures).toHaveProperty('satisfactionRate');
        expect(res.body.data.leaderRevisitCoverage).toEqual({ rate: expect.anything() });
      }
      // by region: the units' regions, each group marking a sample below the minimum
      const regions = (await anonymous.get('/mqPublic:stats').query({ groupBy: 'region' })).body.data;
      expect(regions.groups.map((g: any) => g.key)).toContain('沙市区');
      for (const g of regions.groups) expect(typeof g.smallSample).toBe('boolean');
      const inRegion = (await anonymous.get('/mqPublic:stats').query({ region: '沙市区' })).body.data;
      const sha = regions.groups.find((g: any) => g.key === '沙市区');
      expect(inRegion.overall.problems).toBe(sha.problems);
      expect((await anonymous.get('/mqPublic:stats').query({ region: '不存在的区' })).body.data.overall.problems).toBe(0);
      expect((await anonymous.get('/mqPublic:stats').query({ region: 'x'.repeat(101) })).status).toBe(400);
      // how long the overdue ones are overdue: counts in buckets that add up, nothing that names a problem
      const { figures } = regions.overall;
      expect(figures.overdueByAge.map((a: any) => a.age)).toEqual(['1-7', '8-30', '31+']);
      expect(figures.overdueByAge.reduce((n: number, a: any) => n + a.count, 0)).toBe(figures.overdueCount);
      for (const a of figures.overdueByAge) expect(Object.keys(a).sort()).toEqual(['age', 'count']);
      expect((await anonymous.get('/mqPublic:stats').query({ groupBy: 'leader' })).status).toBe(400);
      expect((await anonymous.get('/mqPublic:stats').query({ from: 'yesterday' })).status).toBe(400);
    });

    describe('answers slow to recompute after a change', () => {
      const cache = () => plugin().publicCache;
      const ttl = async () => 60;
      /** a computation that finishes when the test says so */
      const gated = <T>(value: T) => {
        let open!: () => void;
        const gate = new Promise<void>((resolve) => (open = resolve));
        return { open, compute: async () => (await gate, value) };
      };
      const figures = (key: string, compute: () => Promise<unknown>) => cache().wrap(key, ttl, compute, { graceMs: 0 });
      const dataOf = (answer: { body: string }) => JSON.parse(answer.body).data;
      /** the fresh answer of `key` on the early path, once its computation has finished */
      const freshBody = (key: string) =>
        eventually(
          async () => {
            const answer = await cache().body(key);
            return answer && !answer.stale ? answer : undefined;
          },
          { what: `a fresh answer of ${key}` },
        );

      it('figures: the previous answer meanwhile, on both paths, then the new one', async () => {
        const key = 'test:figures-meanwhile';
        expect(await figures(key, async () => ({ n: 1 }))).toMatchObject({ value: { n: 1 }, hit: false });
        await cache().invalidate(); // a change
        const slow = gated({ n: 2 });
        const meanwhile = await figures(key, slow.compute);
        expect(meanwhile).toMatchObject({ hit: true, stale: true });
        expect(dataOf(meanwhile)).toEqual({ n: 1 });
        // the early path (before NocoBase's chain) sends the previous answer too
        expect(await cache().body(key)).toEqual({ body: meanwhile.body, stale: true });
        // nor does another request start the computation again
        expect(dataOf(await figures(key, async () => ({ n: 3 })))).toEqual({ n: 1 });
        slow.open();
        expect(dataOf(await freshBody(key))).toEqual({ n: 2 });
      });

      it('figures: a change during a recomputation starts no second one; the newest answer stands in next', async () => {
        const key = 'test:figures-piled';
        await figures(key, async () => ({ n: 1 }));
        await cache().invalidate();
        const slow = gated({ n: 2 });
        await figures(key, slow.compute);
        // another change meanwhile: no second computation next to the one under way
        await cache().invalidate();
        const piled = await figures(key, async () => {
          throw new Error('a second computation was started');
        });
        expect(dataOf(piled)).toEqual({ n: 1 });
        expect(await cache().body(key)).toEqual({ body: piled.body, stale: true });
        slow.open();
        // once it finished, the next request computes the current version
        const current = await eventually(
          async () => {
            const answer = await figures(key, async () => ({ n: 3 }));
            return dataOf(answer).n === 3 ? answer : undefined;
          },
          { what: 'the current version computed' },
        );
        expect(current.stale).toBeFalsy();
        await cache().invalidate();
        const third = gated({ n: 4 });
        // the newest finished answer stands in
        expect(dataOf(await figures(key, third.compute))).toEqual({ n: 3 });
        third.open();
        expect(dataOf(await freshBody(key))).toEqual({ n: 4 });
      });

      it('lists: without a grace period a request waits for the new answer', async () => {
        const key = 'test:list';
        await cache().wrap(key, ttl, async () => ({ n: 1 }));
        await cache().invalidate();
        const list = gated({ n: 2 });
        let answered = false;
        const waiting = cache()
          .wrap(key, ttl, list.compute)
          .finally(() => (answered = true));
        // nothing stands in for a list: the early path has no answer, the request is still waiting
        expect(await cache().body(key)).toBeUndefined();
        expect(answered).toBe(false);
        list.open();
        expect(await waiting).toMatchObject({ value: { n: 2 }, hit: false });
      });
    });

    it('typical cases appear once published', async () => {
      const created = await admin.resource('mq_cases').create({
        values: {
          title: '食堂“明厨亮灶”',
          story: '家长代表每周陪餐',
          outcome: '满意率提升到98%',
          unitId,
          category: 'canteen',
        },
      });
      expect(created.status).toBe(200);
      expect((await anonymous.get('/mqPublic:cases')).body.data).toHaveLength(0);
      await admin.resource('mq_cases').update({ filterByTk: created.body.data.id, values: { isPublished: true } });
      const cases = await anonymous.get('/mqPublic:cases');
      expect(cases.body.data).toHaveLength(1);
      expect(cases.body.data[0]).toMatchObject({ title: '食堂“明厨亮灶”', unit: { name: '荆州市实验中学' } });
      expect(cases.body.data[0].publishedAt).toBeTruthy();
    });
  });

  describe('the public fields of mq_problems are publicity’s', () => {
    const fieldRow = (name: string) =>
      app.db.getRepository('fields').findOne({ filter: { collectionName: 'mq_problems', name } });
    const title = async (name: string) => ((await fieldRow(name)).get('uiSchema') as { title: string }).title;

    it('adds them at install, protected like the rest', async () => {
      for (const name of ['isPublic', 'publicTitle', 'publicSummary', 'publishedAt']) {
        expect(await title(name)).toContain('"@minqing/plugin-publicity"');
      }
      const root = await app.rootAgent();
      const removed = await root.resource('collections.fields', 'mq_problems').destroy({ filterByTk: 'isPublic' });
      expect(removed.status).toBe(400);
      expect(await fieldRow('isPublic')).toBeTruthy();
    });

    it('an installed database gets publicity’s titles, unless an administrator retitled them', async () => {
      // as the core defined them before
      const core = (text: string) => `{{t("${text}", { ns: "@minqing/plugin-three-lists" })}}`;
      for (const [name, text] of [
        ['isPublic', 'Published'],
        ['publicSummary', 'Public summary'],
      ]) {
        const row = await fieldRow(name);
        await row.update({ uiSchema: { ...(row.get('uiSchema') as object), title: core(text) } });
      }
      const published = await count('mq_problems', { isPublic: true });
      const retitled = await fieldRow('publishedAt');
      await retitled.update({ uiSchema: { ...(retitled.get('uiSchema') as object), title: '公开日期' } });

      await new PublicFieldsBelongToPublicity({ app: app.app, db: app.db } as never).up();
      expect(await title('isPublic')).toBe('{{t("Published", { ns: "@minqing/plugin-publicity" })}}');
      expect(await title('publicSummary')).toBe('{{t("Public summary", { ns: "@minqing/plugin-publicity" })}}');
      expect(await title('publishedAt')).toBe('公开日期');
      // the columns and what is in them stay
      expect(await count('mq_problems', { isPublic: true })).toBe(published);
    });
  });

  describe('an installed database gets the open intake', () => {
    it('the migrations add the role, actions, fields and tables once; an administrator’s changes stay', async () => {
      const migrate = async () => {
        for (const M of [RateCountersTable, ReportChannelFields, OpenIntake]) {
          await new M({ app: app.app, db: app.db } as never).up();
        }
      };
      await app.db.getRepository('roles').destroy({ filterByTk: 'mq_open311' });
      const adminProblems = await app.db
        .getRepository('dataSourcesRolesResources')
        .findOne({ filter: { roleName: 'mq_admin', name: 'mq_problems' } });
      await app.db
        .getRepository('dataSourcesRolesResourcesActions')
        .destroy({ filter: { rolesResourceId: adminProblems.get('id'), name: ['merge', 'similar'] } });
      await migrate();
      await migrate();
      const role = await app.db.getRepository('roles').findOne({ filterByTk: 'mq_open311' });
      expect(role.get('snippets')).toEqual(expect.arrayContaining(['pm.minqing.open311']));
      const actions = await app.db
        .getRepository('dataSourcesRolesResourcesActions')
        .find({ filter: { rolesResourceId: adminProblems.get('id'), name: ['merge', 'similar'] } });
      expect(actions.map((a: Model) => a.get('name')).sort()).toEqual(['merge', 'similar']);
      const fields = await app.db
        .getRepository('fields')
        .count({ filter: { collectionName: 'mq_public_reports', name: ['channel', 'locale', 'followerText'] } });
      expect(fields).toBe(3);
      expect(await app.db.getRepository('collections').count({ filter: { name: 'mq_problem_merges' } })).toBe(1);
    });
  });

  describe('reporter updates by e-mail (through an SMTP server the test runs)', () => {
    let smtp: TestSmtpServer;
    const BASE = 'https://minqing.example.edu.cn';

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      await app.db.getRepository('notificationChannels').create({
        values: {
          name: 'mq-mail',
          title: '民情邮件',
          notificationType: 'email',
          options: {
            host: '127.0.0.1',
            port: smtp.port,
            secure: false,
            account: 'minqing',
            password: 'secret',
            from: 'noreply@minqing.local',
          },
        },
      });
      expect((await settings({ notificationChannel: 'mq-mail', publicBaseUrl: BASE })).status).toBe(200);
      // 销号 on the public's own confirmation (else a leader's revisit is needed)
      expect((await admin.post('/mqThreeLists:updateSettings').send({ closeOnSatisfiedEvaluation: true })).status).toBe(
        200,
      );
    });
    afterAll(async () => {
      await settings({ notificationChannel: '' });
      await admin.post('/mqThreeLists:updateSettings').send({ closeOnSatisfiedEvaluation: false });
      await smtp?.stop();
    });

    const mails = (to: string, n: number) =>
      eventually(() => {
        const got = smtp.to(to);
        if (got.length < n) throw new Error(`${got.length} of ${n} messages to ${to}`);
        return got;
      });
    const linkIn = (text: string) => new RegExp(`${BASE}/minqing/public/evaluate/([A-Za-z0-9_-]{43})`).exec(text)?.[1];

    it('from intake to 销号: each step that matters reaches the reporter, the link in the mail works', async () => {
      const email = 'parent.zhang@example.com';
      const res = await submit({ category: 'canteen', unitId, description: '食堂的饭菜经常是凉的', contactEmail: email });
      const code = res.body.data.trackingCode;
      const { problemId } = (
        await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code } })
      ).toJSON() as { problemId: number };

      expect((await act(admin, 'assign', problemId, { personId: users.cadre.id })).status).toBe(200);
      expect((await act(cadre, 'accept', problemId, { measures: '约谈食堂经理张某某，内部整改' })).status).toBe(200);
      const [accepted] = await mails(email, 1);
      expect(accepted.subject).toBe(`您反映的问题已受理（${code}）`);
      expect(accepted.text).toContain(`${BASE}/minqing/public?tab=track&code=${code}`);
      expect(accepted.from).toBe('noreply@minqing.local');

      // the office's reply to the public goes out; the internal texts never do
      const report = await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code } });
      expect(
        (await admin.resource('mq_public_reports').update({ filterByTk: report.get('id'), values: { reply: '已督促食堂配备保温设备' } }))
          .status,
      ).toBe(200);
      expect((await act(cadre, 'complete', problemId, { completionSummary: '内部：已处分承包商李某某' })).status).toBe(
        200,
      );
      const completed = (await mails(email, 2))[1];
      expect(completed.subject).toBe(`您反映的问题已办结，请评价（${code}）`);
      expect(completed.text).toContain('已督促食堂配备保温设备');
      const firstLink = linkIn(completed.text)!;
      expect(firstLink).toBeTruthy();

      // 不满意 through the mailed link: the problem is reopened, and the reporter hears of it
      expect((await anonymous.get(`/mqPublic:evaluation?token=${firstLink}`)).status).toBe(200);
      const unhappy = await anonymous.post('/mqPublic:evaluate').send({ token: firstLink, score: 2, comment: '还是凉的' });
      expect([unhappy.status, unhappy.body.data.status]).toEqual([200, 'reopened']);
      const reopened = (await mails(email, 3))[2];
      expect(reopened.subject).toBe(`您反映的问题已重新办理（${code}）`);

      expect((await act(cadre, 'complete', problemId, { completionSummary: '内部：更换了保温台' })).status).toBe(200);
      const again = (await mails(email, 4))[3];
      const secondLink = linkIn(again.text)!;
      expect(secondLink).not.toBe(firstLink);
      expect((await anonymous.post('/mqPublic:evaluate').send({ token: firstLink, score: 5 })).status).toBe(409);
      expect((await anonymous.post('/mqPublic:evaluate').send({ token: secondLink, score: 5 })).status).toBe(200);
      expect((await act(admin, 'close', problemId)).status).toBe(200);
      const closed = (await mails(email, 5))[4];
      expect(closed.subject).toBe(`您反映的问题已销号（${code}）`);

      const all = smtp.to(email);
      expect(all).toHaveLength(5);
      for (const mail of all) {
        expect(mail.to).toEqual([email]);
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/张某某|李某某|内部|保温台|cadre|office/);
      }
      expect((await app.db.getRepository('mq_public_reports').findOne({ filterByTk: report.get('id') })).get(
        'evaluationSentAt',
      )).toBeTruthy();
    });

    it('in the reporter’s language, with the office’s own text', async () => {
      expect(
        (
          await settings({
            updateAcceptedEn: 'We are on it: {{code}}\nThank you. Track it at {{trackUrl}}\n{{reply}}\nBureau of Education',
          })
        ).status,
      ).toBe(200);
      const email = 'parent.smith@example.com';
      const res = await submit({ description: 'The school bus is always late', contactEmail: email, unitId }, 'en-US');
      const code = res.body.data.trackingCode;
      const report = await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code } });
      expect(report.get('locale')).toBe('en-US');
      const problemId = report.get('problemId') as number;
      expect((await act(admin, 'assign', problemId, { personId: users.cadre.id })).status).toBe(200);
      expect((await act(cadre, 'accept', problemId, { measures: 'check the timetable' })).status).toBe(200);
      const [mail] = await mails(email, 1);
      expect(mail.subject).toBe(`We are on it: ${code}`);
      // the line of a reply not yet written is left out
      expect(mail.text).toBe(`Thank you. Track it at ${BASE}/minqing/public?tab=track&code=${code}\nBureau of Education`);
      await settings({ updateAcceptedEn: (await import('../domain/reporter-updates')).DEFAULT_UPDATES.accept['en-US'] });
    });

    it('nobody is written to without a channel, or without an address', async () => {
      await settings({ notificationChannel: '' });
      const res = await submit({ description: '操场的灯坏了很久', contactEmail: 'quiet@example.com', unitId });
      const problemId = (
        await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: res.body.data.trackingCode } })
      ).get('problemId') as number;
      expect((await act(admin, 'assign', problemId, { personId: users.cadre.id })).status).toBe(200);
      expect((await act(cadre, 'accept', problemId, { measures: '维修' })).status).toBe(200);
      await settings({ notificationChannel: 'mq-mail' });
      const none = await submit({ description: '操场的灯还是坏的', unitId });
      const noneId = (
        await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: none.body.data.trackingCode } })
      ).get('problemId') as number;
      expect((await act(admin, 'assign', noneId, { personId: users.cadre.id })).status).toBe(200);
      const before = smtp.messages.length;
      expect((await act(cadre, 'accept', noneId, { measures: '维修' })).status).toBe(200);
      // a message that did go out in between would have arrived by now: the one above did
      const marker = await submit({ description: '标记：确认邮件已送达', contactEmail: 'marker@example.com', unitId });
      const markerId = (
        await app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: marker.body.data.trackingCode } })
      ).get('problemId') as number;
      await act(admin, 'assign', markerId, { personId: users.cadre.id });
      await act(cadre, 'accept', markerId, { measures: '维修' });
      await mails('marker@example.com', 1);
      expect(smtp.messages.length).toBe(before + 1);
      expect(smtp.to('quiet@example.com')).toHaveLength(0);
    });

    it('five similar reports at one unit: one office action makes one problem with five reporters, all kept informed', async () => {
      const unit = await admin.resource('mq_units').create({ values: { name: '荆州市第二中学', region: '荆州区' } });
      const at = unit.body.data.id as number;
      await settings({ submissionsPerWindow: 20 }); // six reports from this one test client
      const texts = [
        '学校食堂的饭菜经常是凉的',
        '食堂饭菜总是凉的，孩子吃了肚子疼',
        '孩子说学校食堂的饭菜是凉的',
        '食堂的饭菜冬天都是凉的',
        '反映：食堂饭菜凉了，希望改进',
      ];
      const codes: string[] = [];
      for (const [i, description] of texts.entries()) {
        const res = await submit({ category: 'canteen', unitId: at, description, contactEmail: `merge${i}@example.com` });
        expect(res.status).toBe(200);
        codes.push(res.body.data.trackingCode);
      }
      const unrelated = await submit({ category: 'canteen', unitId: at, description: '食堂窗口的价格表看不清楚' });
      const reportOf = (code: string) => app.db.getRepository('mq_public_reports').findOne({ filter: { trackingCode: code } });
      const ids = await Promise.all(codes.map(async (c) => (await reportOf(c)).get('problemId') as number));
      const unrelatedId = (await reportOf(unrelated.body.data.trackingCode)).get('problemId') as number;

      // at triage the office sees the other four, not the unrelated one
      const similar = await admin.get(`/mq_problems:similar?filterByTk=${ids[0]}`);
      expect(similar.status).toBe(200);
      expect(similar.body.data.map((p: any) => p.id).sort()).toEqual(ids.slice(1).sort());
      expect(similar.body.data.every((p: any) => p.mergeable && p.publicReports === 1 && p.similarity >= 0.2)).toBe(true);
      expect(similar.body.data.map((p: any) => p.id)).not.toContain(unrelatedId);

      const merged = await admin
        .post(`/mq_problems:merge?filterByTk=${ids[0]}`)
        .send({ duplicateIds: ids.slice(1), reason: '同一问题，多人反映' });
      expect(merged.status).toBe(200);
      expect(merged.body.data).toMatchObject({ id: ids[0], publicReports: 5, status: 'new' });
      expect(await count('mq_problems', { unitId: at })).toBe(2); // the merged one and the unrelated one
      expect(await count('mq_public_reports', { problemId: ids[0] })).toBe(5);
      const history = await app.db.getRepository('mq_problem_merges').find({ filter: { problemId: ids[0] } });
      expect(history).toHaveLength(4);
      expect(history.map((h: Model) => h.get('mergedDescription')).sort()).toEqual(texts.slice(1).sort());
      expect(history.every((h: Model) => h.get('createdById') === users.admin.id && h.get('reason') === '同一问题，多人反映')).toBe(true);
      // every tracking code follows the one problem
      for (const code of codes) {
        const tracked = await anonymous.get(`/mqPublic:track?code=${code}`);
        expect(tracked.body.data.status).toBe('new');
      }

      // the loop runs once; every reporter hears of it and gets their own evaluation link
      expect((await act(admin, 'assign', ids[0], { personId: users.cadre.id })).status).toBe(200);
      expect((await act(cadre, 'accept', ids[0], { measures: '更换保温餐台' })).status).toBe(200);
      expect((await act(cadre, 'complete', ids[0], { completionSummary: '已更换保温餐台' })).status).toBe(200);
      const links = new Set<string>();
      for (const i of texts.keys()) {
        const got = await mails(`merge${i}@example.com`, 2);
        expect(got.map((m) => m.subject)).toEqual([
          `您反映的问题已受理（${codes[i]}）`,
          `您反映的问题已办结，请评价（${codes[i]}）`,
        ]);
        links.add(linkIn(got[1].text)!);
      }
      expect(links.size).toBe(5);
      for (const token of links) {
        expect((await anonymous.post('/mqPublic:evaluate').send({ token, score: 5 })).status).toBe(200);
      }

      // the figures count one problem; the public page shows one result
      const stats = await anonymous.get(`/mqPublic:stats?unitId=${at}&category=canteen`);
      expect(stats.body.data.overall.problems).toBe(1);
      expect(
        (await act(admin, 'publish', ids[0], { publicTitle: '食堂饭菜温度问题', publicSummary: '已更换保温餐台' })).status,
      ).toBe(200);
      const list = await anonymous.get(`/mqPublic:list?unitId=${at}`);
      expect(list.body.meta.count).toBe(1);
      expect(list.body.data[0].evaluations).toBe(5);
      await settings({ submissionsPerWindow: 5 });
    });
  });

  describe('merging refuses what it may not do, and changes nothing', () => {
    let primaryId: number, otherUnitId: number;
    const make = async (values: Record<string, unknown>) =>
      (await admin.resource('mq_problems').create({ values: { category: 'canteen', ...values } })).body.data.id as number;
    const state = async () => ({
      problems: await count('mq_problems'),
      reports: await count('mq_public_reports'),
      merges: await count('mq_problem_merges'),
    });

    beforeAll(async () => {
      primaryId = await make({ title: '宿舍热水不足', unitId });
      otherUnitId = (await admin.resource('mq_units').create({ values: { name: '荆州市第三中学', region: '沙市区' } })).body
        .data.id;
    });

    it('as the office: itself, nothing, a missing one, one in the loop, one at another unit', async () => {
      const assigned = await make({ title: '宿舍热水不足（已交办）', unitId });
      expect((await act(admin, 'assign', assigned, { personId: users.cadre.id })).status).toBe(200);
      const elsewhere = await make({ title: '宿舍热水不足（其他学校）', unitId: otherUnitId });
      const fine = await make({ title: '宿舍热水不够用', unitId });
      const before = await state();
      const cases: [unknown, number, string][] = [
        [[primaryId], 400, 'MERGE_INTO_ITSELF'],
        [[], 400, 'MERGE_NEEDS_DUPLICATES'],
        [['x'], 400, 'MERGE_NEEDS_DUPLICATES'],
        [[fine, 999999], 404, 'PROBLEM_NOT_FOUND'],
        [[fine, assigned], 409, 'MERGE_ONLY_NEW'],
        [[fine, elsewhere], 409, 'MERGE_OTHER_UNIT'],
      ];
      for (const [duplicateIds, status, code] of cases) {
        const res = await admin
          .post(`/mq_problems:merge?filterByTk=${primaryId}`)
          .set('X-Locale', 'zh-CN')
          .send({ duplicateIds });
        expect([res.status, res.body.errors?.[0]?.code]).toEqual([status, code]);
      }
      const inLoop = await admin
        .post(`/mq_problems:merge?filterByTk=${primaryId}`)
        .set('X-Locale', 'zh-CN')
        .send({ duplicateIds: [assigned] });
      expect(inLoop.body.errors[0].message).toMatch(/已进入办理流程（已交办）/);
      expect(await state()).toEqual(before);
    });

    it('as anyone else: refused, nothing changes', async () => {
      const fine = await make({ title: '宿舍热水供应时间短', unitId });
      const leader = await app.agentAs(users.leader);
      const before = await state();
      for (const agent of [cadre, leader, anonymous]) {
        const res = await agent.post(`/mq_problems:merge?filterByTk=${primaryId}`).send({ duplicateIds: [fine] });
        expect([401, 403]).toContain(res.status);
        expect((await agent.get(`/mq_problems:similar?filterByTk=${primaryId}`)).status).toBeGreaterThanOrEqual(401);
      }
      expect(await state()).toEqual(before);
    });
  });

  describe('before a report is sent: others reported this, follow it instead', () => {
    let code: string;
    let at: number;

    beforeAll(async () => {
      at = (await admin.resource('mq_units').create({ values: { name: '荆州市实验小学', region: '沙市区' } })).body.data.id;
      const created = await admin
        .resource('mq_problems')
        .create({ values: { title: '王老师反映操场跑道破损', unitId: at, category: 'campus_safety' } });
      const id = created.body.data.id;
      await admin.resource('mq_problems').create({
        values: { title: '操场跑道破损严重', description: '体育课容易摔倒', unitId: at, category: 'campus_safety' },
      });
      expect(
        (await act(admin, 'publish', id, { publicTitle: '操场跑道破损', publicSummary: '学校已安排修缮' })).status,
      ).toBe(200);
      code = (await app.db.getRepository('mq_problems').findOne({ filterByTk: id })).get('code') as string;
    });

    it('shows the published ones by their public texts, and only counts the others', async () => {
      const res = await anonymous.get(
        `/mqPublic:similar?unitId=${at}&category=campus_safety&description=${encodeURIComponent('操场跑道破损了，孩子容易摔倒')}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.data.published).toEqual([
        expect.objectContaining({ code, title: '操场跑道破损', summary: '学校已安排修缮', status: 'new' }),
      ]);
      expect(res.body.data.others).toBe(1);
      expect(JSON.stringify(res.body.data)).not.toMatch(/王老师|体育课/);
      const none = await anonymous.get(`/mqPublic:similar?unitId=${at}&description=${encodeURIComponent('食堂价格偏高')}`);
      expect(none.body.data).toEqual({ published: [], others: 0 });
    });

    it('following adds the person as a reporter of that problem, no new problem', async () => {
      const before = await count('mq_problems');
      const res = await submit({ description: '操场跑道还是坏的', contactEmail: 'follower@example.com', sameAs: code });
      expect(res.status).toBe(200);
      expect(res.body.data.following).toBe(true);
      expect(await count('mq_problems')).toBe(before);
      const report = await app.db
        .getRepository('mq_public_reports')
        .findOne({ filter: { trackingCode: res.body.data.trackingCode }, appends: ['problem'] });
      expect((report.get('problem') as any).get('code')).toBe(code);
      expect(report.get('followerText')).toBe('操场跑道还是坏的');
      // an unpublished problem's code cannot be followed: refused, nothing written
      const hidden = (await app.db.getRepository('mq_problems').findOne({ filter: { title: '操场跑道破损严重' } })).get('code');
      const reports = await count('mq_public_reports');
      const refused = await submit({ description: '操场跑道还是坏的', sameAs: hidden });
      expect([refused.status, refused.body.errors[0].code]).toEqual([404, 'FOLLOW_NOT_FOUND']);
      expect({ problems: await count('mq_problems'), reports: await count('mq_public_reports') }).toEqual({
        problems: before,
        reports,
      });
    });
  });

  // last: it restarts the app
  describe('after a restart', () => {
    it('a client over the limit stays over it: the counters are not the process’s', async () => {
      expect((await settings({ submissionsPerWindow: 1, submissionsPerAddress: 100 })).status).toBe(200);
      const from = (agent: Agent) =>
        agent.post('/mqPublic:submit').set('X-Minqing-Device', 'restart-phone-1').send({ description: '重启前后的限额' });
      expect((await from(anonymous)).status).toBe(200);
      expect((await from(anonymous)).status).toBe(429);
      await app.app.restart();
      const before = await count('mq_problems');
      const again = app.anonymous();
      expect((await from(again)).status).toBe(429);
      expect(await count('mq_problems')).toBe(before);
      // another device behind the same address still gets through
      const other = await again.post('/mqPublic:submit').set('X-Minqing-Device', 'restart-phone-2').send({
        description: '重启后另一台手机',
      });
      expect(other.status).toBe(200);
    });
  });
});
