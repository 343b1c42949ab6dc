import { randomInt } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { createMinqingApp, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';

// the request log is what this file reads: to files only (its level is raised once the app runs)
process.env.LOGGER_TRANSPORT = 'dailyRotateFile';

/** a valid 18-digit ID number (right check digit), different on every run */
function idNumber() {
  const body = `420102${1970 + randomInt(30)}${String(1 + randomInt(12)).padStart(2, '0')}${String(
    1 + randomInt(28),
  ).padStart(2, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}
const HAN = '秀英桂兰志强建华丽娟海燕春梅红霞';
const pick = () => HAN[randomInt(HAN.length)];
const token = () => randomInt(1e6, 1e7).toString(36).toUpperCase();

/** Marker values, new on every run so that older log files cannot answer for this one. */
const M = {
  name: `柏${pick()}${pick()}`,
  phone: `139${String(randomInt(1e8)).padStart(8, '0')}`,
  idNumber: idNumber(),
  address: `荆州区${pick()}${pick()}路${randomInt(10, 99)}号${randomInt(1, 9)}栋${randomInt(100, 999)}室`,
  careNote: `关爱备注${token()}`,
  careName: `柏${pick()}${pick()}${pick()}`,
  internal: `内部意见${token()}`,
};
const PROBLEM_MARKERS = [M.name, M.phone, M.idNumber, M.address, M.internal];
const CARE_MARKERS = [M.careNote, M.careName];

// 1×1 transparent PNG
const PNG = `data:image/png;base64,${Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082',
  'hex',
).toString('base64')}`;

describe('confidentiality: complainants, the care ledger and internal notes stay in their scope on every path', () => {
  let app: MinqingTestApp;
  let users: Record<string, TestUser>;
  const agents: Record<string, Agent> = {};
  let unitA: number, unitB: number, problemId: number, reportId: number;
  const startedAt = Date.now();
  /** log files as they were before this file's app started: only what comes after is read */
  const logOffsets = new Map<string, number>();
  const logFiles = async () => {
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else files.push(full);
      }
    };
    await walk(path.join(process.env.STORAGE_PATH as string, 'logs'));
    return files;
  };

  const ok = async (res: Promise<any> | any) => {
    const r = await res;
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body.data;
  };
  const act = (agent: Agent, action: string, id: number, values: Record<string, unknown> = {}) =>
    agent.post(`/mq_problems:${action}?filterByTk=${id}`).send(values);

  /** who may see what: the roles entitled to each group of markers */
  const OUTSIDERS_OF_PROBLEM = ['anonymous', 'member', 'cadreB', 'leaderB', 'care'];
  const OUTSIDERS_OF_CARE = ['anonymous', 'member', 'cadreA', 'leaderA', 'cadreB', 'leaderB'];
  const forbiddenFor = (role: string) => [
    ...(OUTSIDERS_OF_PROBLEM.includes(role) ? PROBLEM_MARKERS : []),
    ...(OUTSIDERS_OF_CARE.includes(role) ? CARE_MARKERS : []),
  ];
  const leaks = (role: string, text: string) => forbiddenFor(role).filter((m) => text.includes(m));

  beforeAll(async () => {
    for (const file of await logFiles()) logOffsets.set(file, (await fs.stat(file)).size);
    // with the charts' data API, a way to the care ledger that must stay closed
    app = await createMinqingApp({ nocobasePlugins: ['data-visualization'] });
    // every request in the request log, as in production (the tests' default is errors only)
    (app.app as any).requestLogger.level = 'info';
    users = {
      office: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadreA: await app.createUser({ username: 'cadreA', roles: ['mq_cadre'] }),
      leaderA: await app.createUser({ username: 'leaderA', roles: ['mq_leader'] }),
      cadreB: await app.createUser({ username: 'cadreB', roles: ['mq_cadre'] }),
      leaderB: await app.createUser({ username: 'leaderB', roles: ['mq_leader'] }),
      care: await app.createUser({ username: 'carer', roles: ['mq_care'] }),
      // what self-registration gives: NocoBase's default role
      member: await app.createUser({ username: 'member', roles: ['member'] }),
    };
    for (const [key, user] of Object.entries(users)) agents[key] = await app.agentAs(user);
    agents.anonymous = app.anonymous();
    agents.root = await app.rootAgent();
    (app.app.pm.get('@minqing/plugin-publicity') as any).rateLimiter.reset();
    const { office, cadreA, leaderA, care, anonymous } = agents;

    unitA = (await ok(office.resource('mq_units').create({ values: { name: '荆州市北京路小学', region: '沙市区' } }))).id;
    unitB = (await ok(office.resource('mq_units').create({ values: { name: '公安县实验小学', region: '公安县' } }))).id;
    // the other unit's cadre and leader liaise unit B
    for (const who of ['cadreB', 'leaderB'])
      await ok(office.resource('mq_liaison_points').create({ values: { cadreId: users[who].id, unitId: unitB, active: true } }));

    // 接诉即办: the complainant's name, phone, ID number and address, in the fields and in the text
    const submitted = await ok(
      anonymous.post('/mqPublic:submit').send({
        category: 'financial_aid',
        unitId: unitA,
        description: `我是${M.name}，电话${M.phone}，身份证${M.idNumber}，住${M.address}，孩子的资助没有发放`,
        contactName: M.name,
        contactPhone: M.phone,
        photos: [PNG],
      }),
    );
    const report = await app.db
      .getRepository('mq_public_reports')
      .findOne({ filter: { trackingCode: submitted.trackingCode } });
    problemId = report.get('problemId') as number;
    reportId = report.get('id') as number;

    await ok(act(office, 'assign', problemId, { personId: users.cadreA.id, guarantorId: users.leaderA.id }));
    await ok(act(cadreA, 'accept', problemId, { measures: M.internal }));
    await ok(act(cadreA, 'reportProgress', problemId, { content: `${M.internal}，已联系${M.name}`, percent: 50 }));
    await ok(office.resource('mq_supervisions').create({ values: { problemId, level: 'supervise', reason: 'overdue' } }));
    await ok(act(cadreA, 'complete', problemId, { completionSummary: `${M.internal}，电话${M.phone}` }));
    await ok(
      leaderA.resource('mq_revisits').create({
        values: { problemId, outcome: 'resolved', satisfaction: 4, method: 'phone', notes: `电话${M.phone}回访${M.name}` },
      }),
    );
    await ok(act(office, 'close', problemId));

    // the care ledger
    await ok(
      care.resource('mq_care_students').create({
        values: { studentName: M.careName, unitId: unitA, kind: 'orphan', situation: M.careNote, guardianPhone: '13700000000' },
      }),
    );
  }, 300_000); // a first start installs a plugin set of its own (with data-visualization)
  afterAll(() => app?.destroy());

  /** every association NocoBase registered on a collection */
  const associationsOf = (name: string) =>
    [...app.db.getCollection(name).fields.values()].filter((f: any) => f.target).map((f: any) => f.name as string);

  it('sees nothing of a complainant, the care ledger or internal notes outside the entitled roles, by any read', async () => {
    const names = [...app.db.collections.keys()].filter((n) => !app.db.getCollection(n).isView?.());
    const roles = ['anonymous', 'member', 'cadreA', 'leaderA', 'cadreB', 'leaderB', 'care', 'office', 'root'];
    const found: string[] = [];
    let requests = 0;
    // ids to ask for by `get` and association resources: what root sees
    const idsOf: Record<string, unknown[]> = {};
    for (const name of names) {
      const res = await agents.root.get(`/${name}:list`).query({ pageSize: 5 });
      const pk = (app.db.getCollection(name) as any).filterTargetKey;
      idsOf[name] =
        res.status === 200 && Array.isArray(res.body.data) && typeof pk === 'string'
          ? res.body.data.map((r: any) => r[pk]).filter((v: unknown) => v !== undefined)
          : [];
    }
    for (const role of roles) {
      const agent = agents[role];
      const check = (what: string, res: any) => {
        requests++;
        const text = JSON.stringify(res.body ?? '') + String(res.text ?? '');
        for (const m of leaks(role, text)) found.push(`${role} ${what} → ${m}`);
      };
      for (const name of names) {
        const associations = associationsOf(name);
        // one hop, and two hops into our collections
        const appends = [...associations];
        const guarded = (a: string) => {
          const target = (app.db.getCollection(name).getField(a) as any).target as string;
          return target?.startsWith('mq_') || target === 'attachments';
        };
        for (const a of associations.filter(guarded)) {
          const target = (app.db.getCollection(name).getField(a) as any).target;
          if (app.db.hasCollection(target)) for (const b of associationsOf(target)) appends.push(`${a}.${b}`);
        }
        check(`${name}:list`, await agent.get(`/${name}:list`).query({ pageSize: 200, sort: ['-id'], appends }));
        // records one by one, and through each association resource, where our records are
        if (!name.startsWith('mq_') && !associations.some(guarded)) continue;
        for (const id of idsOf[name].slice(0, 2)) {
          check(`${name}:get ${id}`, await agent.get(`/${name}:get`).query({ filterByTk: id, appends }));
          for (const a of associations.filter(guarded)) {
            check(`${name}/${id}/${a}:list`, await agent.get(`/${name}/${id}/${a}:list`).query({ pageSize: 200 }));
          }
        }
      }
      // our custom reads
      for (const p of ['/mqResults:list', '/mqStats:get', '/mqCare:stats', '/mqLiaison:coverage', '/mqWarmHearts:claimCoverage', '/mqThreeLists:people'])
        check(p, await agent.get(p));
    }
    expect(found).toEqual([]);
    expect(requests).toBeGreaterThan(500);
    // the entitled do see them: it is not for want of data
    const office = JSON.stringify((await agents.office.get('/mq_public_reports:list')).body);
    expect(office).toContain(M.phone);
    const cadre = JSON.stringify((await agents.cadreA.get('/mq_tasks:list')).body);
    expect(cadre).toContain(M.internal);
  }, 600_000);

  it("the assign form's people search gives a name and a unit, never a phone or an e-mail", async () => {
    const phone = `137${String(randomInt(1e8)).padStart(8, '0')}`;
    await app.db.getRepository('users').update({ filterByTk: users.cadreA.id, values: { phone } });
    for (const role of ['office', 'root']) {
      const res = await agents[role].get('/mqThreeLists:people').query({ q: 'cadreA' });
      expect(res.body.data.map((p: any) => p.id)).toEqual([users.cadreA.id]);
      for (const person of res.body.data) expect(Object.keys(person).sort()).toEqual(['id', 'nickname', 'unit', 'username']);
      const text = JSON.stringify(res.body);
      expect([text.includes(phone), text.includes('@test.minqing.local')]).toEqual([false, false]);
    }
    // nor to anyone who may not assign
    for (const role of ['member', 'cadreA', 'leaderA', 'care']) expect((await agents[role].get('/mqThreeLists:people')).status).toBe(403);
  });

  it('learns nothing by filtering on an association it may not see into', async () => {
    // each association from any collection into a collection holding a marker, with each marker
    const holders: [string, string, string][] = [
      ['mq_problems', 'description', M.name],
      ['mq_progress_reports', 'content', M.internal],
      ['mq_revisits', 'notes', M.phone],
      ['mq_public_reports', 'contactPhone', M.phone],
      ['mq_tasks', 'completionSummary', M.internal],
    ];
    const found: string[] = [];
    let probes = 0;
    for (const role of OUTSIDERS_OF_PROBLEM.filter((r) => r !== 'anonymous')) {
      const agent = agents[role];
      for (const name of app.db.collections.keys()) {
        for (const a of associationsOf(name)) {
          const target = (app.db.getCollection(name).getField(a) as any).target;
          for (const [holder, field, marker] of holders) {
            if (target !== holder) continue;
            const rows = async (value: string) => {
              const res = await agent.get(`/${name}:list`).query({ filter: JSON.stringify({ [`${a}.${field}`]: { $includes: value } }) });
              return res.status === 200 ? JSON.stringify((res.body.data ?? []).map((r: any) => r.id ?? r)) : `status ${res.status}`;
            };
            probes++;
            const withMarker = await rows(marker);
            const without = await rows('ZZ-no-such-text');
            if (withMarker !== without) found.push(`${role} ${name}.${a}.${field}: ${withMarker} vs ${without}`);
          }
        }
      }
    }
    // nor by a chart grouping units by their problems' texts
    for (const role of ['cadreB', 'leaderB']) {
      const chart = await agents[role].post('/charts:queryData').send({
        collection: 'mq_units',
        measures: [{ field: ['id'], aggregation: 'count', alias: 'n' }],
        dimensions: [{ field: ['problems', 'description'] }],
      });
      const text = JSON.stringify(chart.body);
      for (const m of PROBLEM_MARKERS) if (text.includes(m)) found.push(`${role} chart → ${m}`);
      if (chart.status === 200 && /资助/.test(text)) found.push(`${role} chart grouped by another unit's problem`);
    }
    expect(found).toEqual([]);
    expect(probes).toBeGreaterThan(20);
  });

  it('copies no contact detail into the problem: the office keeps what the person wrote with the report', async () => {
    const problem = await ok(agents.cadreA.get(`/mq_problems:get?filterByTk=${problemId}`));
    for (const m of [M.name, M.phone, M.idNumber, M.address]) {
      expect(problem.description).not.toContain(m);
      expect(problem.title).not.toContain(m);
    }
    expect(problem.description).toContain('[电话]');
    const report = await ok(agents.office.get(`/mq_public_reports:get?filterByTk=${reportId}`));
    expect(report.description).toContain(M.phone);
    // and the report stays the office's
    for (const role of ['cadreA', 'leaderA', 'cadreB', 'member']) {
      const res = await agents[role].get(`/mq_public_reports:get?filterByTk=${reportId}`);
      // refused, or (NocoBase's default member role views its own records) nothing
      expect(`${role} → ${res.status} ${JSON.stringify(res.body).includes(M.phone)}`).toMatch(/→ (403|200) false$/);
      if (res.status === 200) expect(res.body.data ?? null).toBeNull();
    }
  });

  it("a complainant's photo is for the office only, and nobody signs up after install", async () => {
    const report = await ok(agents.office.get(`/mq_public_reports:get?filterByTk=${reportId}&appends=photos`));
    const photo = report.photos[0];
    expect(photo).toBeTruthy();
    for (const role of ['anonymous', 'member', 'cadreA', 'leaderA', 'cadreB', 'care']) {
      for (const url of [`/attachments:get?filterByTk=${photo.id}`, `/attachments:getFile?filterByTk=${photo.id}`]) {
        const res = await agents[role].get(url);
        expect(`${role} ${url} → ${res.status}`).toMatch(/→ 40[134]$/);
      }
      const list = await agents[role].get('/attachments:list').query({ pageSize: 200 });
      expect(JSON.stringify(list.body ?? '')).not.toContain(photo.filename);
    }
    // the office opens it, through the file manager's own way to a file
    expect((await agents.office.get(`/attachments:getFile?filterByTk=${photo.id}`)).status).toBe(302);
    // by its URL (which redirects the office to the storage path) nobody else opens it
    const byUrl = new URL(photo.url, 'http://localhost').pathname;
    for (const role of ['anonymous', 'member', 'cadreA', 'leaderA', 'cadreB', 'care']) {
      const res = await agents[role].get(byUrl);
      expect(`${role} ${byUrl} → ${res.status}`).toMatch(/→ 40[134]$/);
    }
    expect((await agents.office.get(byUrl)).status).toBe(302);

    const signUp = await agents.anonymous
      .post('/auth:signUp')
      .set('X-Authenticator', 'basic')
      .send({ username: 'curious', password: 'Curious-123456', confirm_password: 'Curious-123456' });
    expect(signUp.status).toBe(403);
  });

  it('writes none of it to a log file', async () => {
    // a sign-up attempt, with its password, goes through the log as well
    await agents.anonymous
      .post('/auth:signUp')
      .set('X-Authenticator', 'basic')
      .send({ username: 'curious2', password: `Pw-${M.phone}`, confirm_password: `Pw-${M.phone}` });
    const files: string[] = [];
    for (const file of await logFiles()) if ((await fs.stat(file)).mtimeMs >= startedAt - 1000) files.push(file);
    const request = files.filter((f) => path.basename(f).startsWith('request'));
    expect(request.length).toBeGreaterThan(0);
    const found: string[] = [];
    let bytes = 0;
    for (const file of files) {
      const text = (await fs.readFile(file)).subarray(logOffsets.get(file) ?? 0).toString('utf8');
      bytes += text.length;
      for (const m of [...PROBLEM_MARKERS, ...CARE_MARKERS]) if (text.includes(m)) found.push(`${file}: ${m}`);
      if (text.includes('data:image/')) found.push(`${file}: a data URL`);
    }
    expect(found).toEqual([]);
    // the requests are there, without their personal values
    expect(bytes).toBeGreaterThan(10000);
  });

  it('refuses personal data in what becomes public: a summary, a case, a reply — in both languages', async () => {
    const { office } = agents;
    const refused = (res: any) => [res.status, res.body.errors?.[0]?.code];
    const publish = (summary: string, locale: string) =>
      office
        .post(`/mq_problems:publish?filterByTk=${problemId}`)
        .set('X-Locale', locale)
        .send({ publicTitle: '助学金发放延迟', publicSummary: summary });
    const zh = await publish(`已联系家长，电话${M.phone}`, 'zh-CN');
    expect(refused(zh)).toEqual([400, 'PERSONAL_DATA_IN_PUBLIC_TEXT']);
    expect(zh.body.errors[0].message).toMatch(/个人信息/);
    expect(zh.body.errors[0].message).not.toContain(M.phone);
    const en = await publish(`家长${M.name}已领取`, 'en-US'); // the complainant's own name
    expect(refused(en)).toEqual([400, 'PERSONAL_DATA_IN_PUBLIC_TEXT']);
    expect(en.body.errors[0].message).toMatch(/personal data/);
    expect(refused(await publish(`身份证${M.idNumber}`, 'zh-CN'))).toEqual([400, 'PERSONAL_DATA_IN_PUBLIC_TEXT']);
    expect(refused(await publish(`送到${M.address}`, 'zh-CN'))).toEqual([400, 'PERSONAL_DATA_IN_PUBLIC_TEXT']);
    // database unchanged by the refusals
    const problem = await app.db.getRepository('mq_problems').findOne({ filterByTk: problemId });
    expect([problem.get('isPublic'), problem.get('publicSummary') ?? null]).toEqual([false, null]);
    // a number that is no phone, an ID with a wrong check digit: published
    const wrongId = M.idNumber.slice(0, 17) + (M.idNumber[17] === '0' ? '1' : '0');
    expect((await publish(`补发资助金 1397123456789 元，单号 ${wrongId}`, 'zh-CN')).status).toBe(200);

    // a typical case naming a student of the care ledger, when published
    const draft = await ok(
      office.resource('mq_cases').create({
        values: { title: '精准资助', story: `${M.careName}同学得到资助`, unitId: unitA, isPublished: false },
      }),
    );
    const publishCase = await office
      .post(`/mq_cases:update?filterByTk=${draft.id}`)
      .set('X-Locale', 'zh-CN')
      .send({ isPublished: true });
    expect(refused(publishCase)).toEqual([400, 'PERSONAL_DATA_IN_PUBLIC_TEXT']);
    expect((await app.db.getRepository('mq_cases').findOne({ filterByTk: draft.id })).get('isPublished')).toBe(false);

    // the reply on the tracking page
    const reply = await office
      .post(`/mq_public_reports:update?filterByTk=${reportId}`)
      .set('X-Locale', 'en-US')
      .send({ reply: `请拨打${M.phone}咨询` });
    expect(refused(reply)).toEqual([400, 'PERSONAL_DATA_IN_PUBLIC_TEXT']);
    expect((await app.db.getRepository('mq_public_reports').findOne({ filterByTk: reportId })).get('reply') ?? null).toBeNull();
  });

  it('audits every read of the care ledger once, by any path, and refuses the sideways ones', async () => {
    const audit = () => app.db.getRepository('mq_care_audit').count();
    const careId = (await app.db.getRepository('mq_care_students').findOne({})).get('id');
    const lines: string[] = [];
    const expectOneLine = async (what: string, request: () => Promise<any>, status: RegExp) => {
      const before = await audit();
      const res = await request();
      lines.push(`${what} → ${res.status} +${(await audit()) - before}`);
      expect(`${what} → ${res.status}`).toMatch(status);
    };
    const { care, office, cadreB, member, root } = agents;
    await expectOneLine('care list', () => care.get('/mq_care_students:list'), /200$/);
    await expectOneLine('care get', () => care.get(`/mq_care_students:get?filterByTk=${careId}`), /200$/);
    await expectOneLine('office export', () => office.post('/mq_care_students:export').send({ columns: [{ dataIndex: ['studentName'] }] }), /20\d$/);
    await expectOneLine('cadre list', () => cadreB.get('/mq_care_students:list'), /403$/);
    // NocoBase's default member role may view its own records: an answer without the record
    await expectOneLine('member get', () => member.get(`/mq_care_students:get?filterByTk=${careId}`), /(200|403)$/);
    await expectOneLine('care query', () => care.post('/mq_care_students:query').send({ measures: [{ field: ['id'], aggregation: 'count', alias: 'n' }] }), /403$/);
    await expectOneLine('chart', () =>
      care.post('/charts:queryData').send({ collection: 'mq_care_students', measures: [{ field: ['id'], aggregation: 'count', alias: 'n' }] }), /403$/);
    await expectOneLine('chart, upper case', () =>
      root.post('/charts:queryData').send({ dataSource: 'main', collection: 'MQ_CARE_STUDENTS', measures: [{ field: ['id'], aggregation: 'count' }] }), /403$/);
    await expectOneLine('SQL node test run', () => root.post('/flow_nodes:test').send({ values: { type: 'sql', config: { sql: 'SELECT * FROM MQ_CARE_STUDENTS' } } }), /403$/);

    // an association an administrator adds later, from the units to the ledger
    await ok(root.resource('collections.fields', 'mq_units').create({
      values: { name: 'careStudents', type: 'hasMany', target: 'mq_care_students', foreignKey: 'unitId', interface: 'o2m', uiSchema: { title: '关爱学生' } },
    }));
    await expectOneLine('office appends', () => office.get(`/mq_units:get?filterByTk=${unitA}&appends=careStudents`), /200$/);
    const outsider = await cadreB.get(`/mq_units:get?filterByTk=${unitA}&appends=careStudents`);
    expect(JSON.stringify(outsider.body)).not.toContain(M.careName);
    // a workflow naming the ledger in upper case is refused like in lower case
    const wf = await root.resource('workflows').create({
      values: { title: 'x', type: 'collection', config: { mode: 1, collection: 'MQ_CARE_STUDENTS' } },
    });
    expect(wf.status).toBeGreaterThanOrEqual(400);
    expect(lines.filter((l) => !l.endsWith('+1'))).toEqual([]);
  });
});

