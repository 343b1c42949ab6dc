import { createMinqingApp, importRows, type Agent, type MinqingTestApp } from '@minqing/test';

describe('administrators own the schema; our rules keep what they depend on', () => {
  let app: MinqingTestApp;
  let root: Agent;

  beforeAll(async () => {
    app = await createMinqingApp({ plugins: ['@minqing/plugin-three-lists'] });
    root = await app.rootAgent();
  });
  afterAll(() => app?.destroy());

  it('lists our collections in the collection manager, every field with an interface and a translated title', async () => {
    const res = await root.resource('collections').list({ paginate: false, appends: ['fields'] });
    expect(res.status).toBe(200);
    const ours = res.body.data.filter((c: any) => c.name.startsWith('mq_'));
    const names = ours.map((c: any) => c.name).sort();
    expect(names).toEqual(
      [
        'mq_corrections',
        'mq_holidays',
        'mq_evaluations',
        'mq_milestones',
        'mq_problems',
        'mq_progress_reports',
        'mq_responsibilities',
        'mq_revisits',
        'mq_supervisions',
        'mq_tasks',
        'mq_units',
      ].sort(),
    );
    for (const collection of ours) {
      expect(collection.title).toMatch(/\{\{t\(".+", \{ ns: "@minqing\/plugin-three-lists" \}\)\}\}/);
      for (const field of collection.fields) {
        expect([collection.name, field.name, field.interface ?? null]).not.toContain(null);
        expect(field.uiSchema?.title ?? field.options?.uiSchema?.title).toBeTruthy();
      }
    }
  });

  it('an admin adds, edits and removes a field of their own, and the loop still works with it', async () => {
    const added = await root.resource('collections.fields', 'mq_problems').create({
      values: {
        name: 'schoolLevel',
        type: 'string',
        interface: 'input',
        uiSchema: { title: '学段', type: 'string', 'x-component': 'Input' },
      },
    });
    expect(added.status).toBe(200);

    const admin = await app.agentAs(await app.createUser({ roles: ['mq_admin'] }));
    const cadre = await app.createUser({ roles: ['mq_cadre'] });
    const created = await admin
      .resource('mq_problems')
      .create({ values: { title: '初中部晚自习结束过晚', schoolLevel: '初中' } });
    expect(created.status).toBe(200);
    const id = created.body.data.id;
    expect(created.body.data.schoolLevel).toBe('初中');
    expect((await admin.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: cadre.id })).status).toBe(200);
    const edited = await admin.resource('mq_problems').update({ filterByTk: id, values: { schoolLevel: '高中' } });
    expect(edited.status).toBe(200);
    const p = await app.db.getRepository('mq_problems').findOne({ filterByTk: id });
    expect(p.get('schoolLevel')).toBe('高中');
    expect(p.get('status')).toBe('assigned');

    const retitled = await root.resource('collections.fields', 'mq_problems').update({
      filterByTk: 'schoolLevel',
      values: { uiSchema: { title: '学段（初中/高中）', type: 'string', 'x-component': 'Input' } },
    });
    expect(retitled.status).toBe(200);
    const removed = await root.resource('collections.fields', 'mq_problems').destroy({ filterByTk: 'schoolLevel' });
    expect(removed.status).toBe(200);
    expect(app.db.getCollection('mq_problems').getField('schoolLevel')).toBeFalsy();
    // reloads along the way did not stack our model hooks
    expect(app.db.listenerCount('mq_revisits.afterSave')).toBe(1);
    expect(app.db.listenerCount('mq_evaluations.afterCreate')).toBe(1);
  });

  it('an admin retitles our fields and edits category options, but cannot remove or retype them', async () => {
    const retitle = await root.resource('collections.fields', 'mq_problems').update({
      filterByTk: 'title',
      values: { uiSchema: { title: '问题概述', type: 'string', 'x-component': 'Input' } },
    });
    expect(retitle.status).toBe(200);

    const remove = await root.resource('collections.fields', 'mq_problems').destroy({ filterByTk: 'status' });
    expect(remove.status).toBe(400);
    expect(remove.body.errors[0].code).toBe('FIELD_PROTECTED');
    const retype = await root
      .resource('collections.fields', 'mq_problems')
      .update({ filterByTk: 'status', values: { type: 'integer' } });
    expect(retype.status).toBe(400);
    const removeCollection = await root.resource('collections').destroy({ filterByTk: 'mq_problems' });
    expect(removeCollection.status).toBe(400);
    expect(app.db.getCollection('mq_problems').getField('status')).toBeTruthy();
    const fieldRow = await app.db
      .getRepository('fields')
      .findOne({ filter: { collectionName: 'mq_problems', name: 'status' } });
    expect(fieldRow.get('type')).toBe('string');
  });

  it('exports the work ledger through NocoBase’s export, with responsibilities and lifecycle times', async () => {
    const { LEDGER_COLUMNS } = await import('../services/ledger');
    const admin = await app.agentAs(await app.createUser({ roles: ['mq_admin'] }));
    const cadre = await app.createUser({ nickname: '王老师', roles: ['mq_cadre'] });
    const id = (await admin.resource('mq_problems').create({ values: { title: '台账导出测试' } })).body.data.id;
    await admin.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: cadre.id });
    const res = await admin
      .post('/mq_problems:export')
      .set('X-Locale', 'zh-CN')
      .query({ filter: JSON.stringify({ id }) })
      .send({ title: '工作台账', columns: LEDGER_COLUMNS })
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const XLSX = await import('xlsx');
    const sheet = XLSX.read(res.body, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<any[]>(sheet.Sheets[sheet.SheetNames[0]], { header: 1 });
    expect(rows[0]).toHaveLength(LEDGER_COLUMNS.length);
    expect(rows).toHaveLength(2);
    const row = rows[1].map(String);
    // option labels in the reader's language, not i18n templates
    expect(row).toEqual(expect.arrayContaining(['其他', '走访', '已交办', '首接首办']));
    expect(row.join(' ')).not.toContain('{{t(');
    expect(row).toContain('台账导出测试');
    expect(row).toContain('王老师');
    expect(row.some((cell: string) => /^\d{4}-\d{2}-\d{2}/.test(cell))).toBe(true);
  });

  it('imports carried-over problems (前期遗留) through NocoBase’s import, as new problems', async () => {
    const admin = await app.agentAs(await app.createUser({ roles: ['mq_admin'] }));
    const res = await importRows(
      admin,
      'mq_problems',
      ['title', 'description', 'source'],
      [
        ['标题', '问题描述', '问题来源'],
        ['旧校区围墙破损', '2023年走访发现，尚未整改', '前期遗留'],
        ['食堂后厨排水不畅', '上一轮活动未完成', 'carried_over'],
      ],
    );
    expect(res.status).toBe(200);
    const imported = await app.db
      .getRepository('mq_problems')
      .find({ filter: { title: ['旧校区围墙破损', '食堂后厨排水不畅'] } });
    expect(imported).toHaveLength(2);
    for (const p of imported) {
      expect(p.get('status')).toBe('new');
      expect(p.get('source')).toBe('carried_over');
      expect(p.get('carriedOver')).toBe(true);
      expect(p.get('code')).toMatch(/^WT\d{4}-\d{6}$/);
    }

    // an import cannot create problems in another status than 待交办
    const refused = await importRows(
      admin,
      'mq_problems',
      ['title', 'status'],
      [
        ['标题', '状态'],
        ['导入即销号', '已销号'],
      ],
    );
    expect(refused.status).toBe(400);
    expect(await app.db.getRepository('mq_problems').count({ filter: { title: '导入即销号' } })).toBe(0);
  });
});
