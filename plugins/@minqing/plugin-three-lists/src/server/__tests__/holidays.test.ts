import { createMinqingApp, pinClock, unpinClock, type Agent, type MinqingTestApp, type TestUser } from '@minqing/test';
import { TABLE_COVERS_YEAR_FROM } from '../domain/holidays';

const PLUGINS = ['@minqing/plugin-three-lists'];
/** the file's clock: Wednesday 30 December 2026, 10:00 in the bureau — chinese-days 1.5.7 knows no 2027 */
const START = '2026-12-30T02:00:00Z';

/**
 * A made-up notice for the test, NOT the State Council's 2027 schedule (not published when this was
 * written): 1 January as a holiday, then enough days for the table to count as the year's schedule.
 */
const NEW_YEAR = '一、元旦：1月1日（周五）至3日（周日）放假，共3天。';
const MORE_DAYS = '二、春节：2月6日至13日放假调休，共8天。2月20日（周六）上班。';

describe('the office’s holiday table over chinese-days', () => {
  let app: MinqingTestApp;
  let admin: Agent, cadre: Agent;
  let users: Record<string, TestUser>;
  let unitId: number;

  beforeAll(async () => {
    pinClock(START);
    app = await createMinqingApp({ plugins: PLUGINS });
    users = {
      admin: await app.createUser({ username: 'office', roles: ['mq_admin'] }),
      cadre: await app.createUser({ username: 'cadre', roles: ['mq_cadre'] }),
    };
    admin = await app.agentAs(users.admin);
    cadre = await app.agentAs(users.cadre);
    const unit = await admin.resource('mq_units').create({ values: { name: '荆州实验小学', region: '沙市区' } });
    unitId = unit.body.data.id;
    // 首接首办 in 2 working days, to be accepted within 1
    const settings = await admin.post('/mqThreeLists:updateSettings').send({ firstReceiverDeadlineDays: 2, responseLimitDays: 1 });
    expect(settings.status).toBe(200);
  });

  afterAll(async () => {
    await app?.destroy();
    unpinClock();
  });

  const calendar = async () => {
    const res = await admin.get('/mqThreeLists:calendar');
    expect(res.status).toBe(200);
    return res.body.data as { warnings: { year: number; openDeadlines: number; comingYear: boolean }[]; table: any[] };
  };

  /** reports a problem and assigns it at the file's clock; its deadline and response limit */
  async function assignedDeadline(title: string) {
    const created = await cadre.resource('mq_problems').create({ values: { title, unitId, category: 'canteen', source: 'visit' } });
    const id = created.body.data.id;
    const assigned = await admin.post(`/mq_problems:assign?filterByTk=${id}`).send({ personId: users.cadre.id });
    expect(assigned.status).toBe(200);
    const responsibility = await app.db.getRepository('mq_responsibilities').findOne({ filter: { problemId: id, active: true } });
    return { deadline: String(responsibility.get('deadline')).slice(0, 10), acceptBy: String(responsibility.get('acceptBy')).slice(0, 10) };
  }

  const importNotice = (text: string, locale = 'en-US', year: number | null = 2027) =>
    admin.post('/mqThreeLists:importHolidayNotice').set('X-Locale', locale).send({ text, year });

  it('without the table, 2027-01-01 is worked and the calendar warns about 2027', async () => {
    expect(await calendar()).toMatchObject({ warnings: [{ year: 2027, openDeadlines: 0, comingYear: true }], table: [] });
    // Wed 30 Dec + 2 working days: Thu 31 Dec, Fri 1 Jan
    expect(await assignedDeadline('食堂排队时间长')).toEqual({ deadline: '2027-01-01', acceptBy: '2026-12-31' });
    expect((await calendar()).warnings).toEqual([{ year: 2027, openDeadlines: 1, comingYear: true }]);
  });

  it('a deadline across 2027-01-01 counts it as a holiday once the table says so', async () => {
    const imported = await importNotice(NEW_YEAR);
    expect(imported.status).toBe(200);
    expect(imported.body.data).toMatchObject({ holidays: 3, workdays: 0, created: 3, updated: 0 });
    // the deadline read the table before (cached): the import made it forget
    expect((await assignedDeadline('宿舍热水供应不足')).deadline).toBe('2027-01-04');
    const rows = await app.db.getRepository('mq_holidays').find({ sort: ['day'] });
    expect(rows.map((r: any) => [String(r.get('day')).slice(0, 10), r.get('kind'), r.get('name')])).toEqual([
      ['2027-01-01', 'holiday', '元旦'],
      ['2027-01-02', 'holiday', '元旦'],
      ['2027-01-03', 'holiday', '元旦'],
    ]);
    // three days are not the year's schedule: the warning stays, now with two open deadlines
    expect((await calendar()).warnings).toEqual([{ year: 2027, openDeadlines: 2, comingYear: true }]);
  });

  it('the stock actions of the collection change the deadlines at once too', async () => {
    const day = await app.db.getRepository('mq_holidays').findOne({ filter: { day: '2027-01-01' } });
    expect((await admin.resource('mq_holidays').destroy({ filterByTk: day.get('id') })).status).toBe(200);
    expect((await assignedDeadline('操场照明不足')).deadline).toBe('2027-01-01');
    const back = await admin.resource('mq_holidays').create({ values: { day: '2027-01-01', kind: 'holiday', name: '元旦' } });
    expect(back.status).toBe(200);
    expect((await assignedDeadline('校门口拥堵')).deadline).toBe('2027-01-04');
    // an adjusted workday on Saturday 2 January makes it the deadline
    const saturday = await app.db.getRepository('mq_holidays').findOne({ filter: { day: '2027-01-02' } });
    expect((await admin.resource('mq_holidays').update({ filterByTk: saturday.get('id'), values: { kind: 'workday' } })).status).toBe(200);
    expect((await assignedDeadline('图书馆开放时间短')).deadline).toBe('2027-01-02');
    await admin.resource('mq_holidays').update({ filterByTk: saturday.get('id'), values: { kind: 'holiday' } });
  });

  it('the warning goes once the table holds the year’s schedule', async () => {
    const imported = await importNotice(`国务院办公厅关于2027年部分节假日安排的通知（测试用）\n${NEW_YEAR}\n${MORE_DAYS}`, 'en-US', null);
    expect(imported.status).toBe(200);
    expect(imported.body.data).toMatchObject({ holidays: 11, workdays: 1, created: 9, updated: 3 });
    expect(11).toBeGreaterThanOrEqual(TABLE_COVERS_YEAR_FROM);
    const after = await calendar();
    expect(after.warnings).toEqual([]);
    expect(after.table).toEqual([{ year: 2027, holidays: 11, workdays: 1, covers: true }]);
    const source = await app.db.getRepository('mq_holidays').findOne({ filter: { day: '2027-02-20' } });
    expect(source.get('source')).toBe('国务院办公厅关于2027年部分节假日安排的通知（测试用）');
  });

  it('refuses an unreadable notice in the request’s language, the table unchanged', async () => {
    const before = await app.db.getRepository('mq_holidays').count();
    const zh = await importNotice('一、春节：2月30日放假。', 'zh-CN');
    expect(zh.status).toBe(400);
    expect(JSON.stringify(zh.body)).toContain('通知中这一行的日期无法识别');
    const en = await importNotice('请各地认真落实。', 'en-US', null);
    expect(en.status).toBe(400);
    expect(JSON.stringify(en.body)).toContain('Give the year of the notice');
    // a day is in the table once; kinds are the table's options
    expect((await admin.resource('mq_holidays').create({ values: { day: '2027-01-01', kind: 'holiday' } })).status).toBe(400);
    expect((await admin.resource('mq_holidays').create({ values: { day: '2027-05-01', kind: 'weekend' } })).status).toBe(400);
    expect(await app.db.getRepository('mq_holidays').count()).toBe(before);
  });

  it('only the office keeps the calendar', async () => {
    expect((await cadre.get('/mqThreeLists:calendar')).status).toBe(403);
    expect((await cadre.post('/mqThreeLists:importHolidayNotice').send({ text: NEW_YEAR, year: 2027 })).status).toBe(403);
    expect((await cadre.resource('mq_holidays').create({ values: { day: '2027-05-01', kind: 'holiday' } })).status).toBe(403);
  });
});
