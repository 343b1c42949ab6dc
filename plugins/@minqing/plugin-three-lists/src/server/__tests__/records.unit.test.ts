import { breachesOf, comparable, isRevisitDone, planCorrection, RECORD_RULES, type RecordRule } from '../domain/records';

const NOW = new Date('2026-11-18T02:00:00Z');

describe('the records the figures count from (domain/records.ts)', () => {
  const problems = RECORD_RULES.mq_problems;
  const revisits = RECORD_RULES.mq_revisits;

  it('a new problem may carry no status but "new", no stamp, no server-owned value', () => {
    const defaults = { status: 'new', reopenCount: 0, carriedOver: false };
    const create = (values: Record<string, unknown>) => breachesOf(problems, { kind: 'create', values: { ...defaults, ...values }, defaults });
    expect(create({ title: '照明不足' })).toEqual([]);
    expect(create({ status: 'closed' })).toEqual([{ code: 'LOOP_FIELD_READ_ONLY', fields: ['status'] }]);
    expect(create({ doneAt: NOW, reopenCount: 2 })).toEqual([
      { code: 'LOOP_FIELD_READ_ONLY', fields: ['doneAt'] },
      { code: 'SERVER_OWNED_FIELD', fields: ['reopenCount'] },
    ]);
    // the sequence and the clock are set by the server at creation, whatever was sent
    expect(create({ code: 'WT1999-000001', createdAt: NOW })).toEqual([]);
    // 前期遗留 is said at creation (an import of carried-over problems)
    expect(create({ carriedOver: true })).toEqual([]);
  });

  it('an update may change none of them; the unit, category and source only until assigned', () => {
    const update = (previous: Record<string, unknown>, changed: string[]) => breachesOf(problems, { kind: 'update', previous, changed });
    expect(update({ status: 'new' }, ['title', 'unitId', 'category'])).toEqual([]);
    expect(update({ status: 'assigned' }, ['title', 'unitId'])).toEqual([{ code: 'RECORDED_FACT', fields: ['unitId'] }]);
    expect(update({ status: 'closed' }, ['reopenCount', 'reopenReason', 'code', 'carriedOver'])).toEqual([
      { code: 'SERVER_OWNED_FIELD', fields: ['reopenCount', 'reopenReason', 'code'] },
      { code: 'RECORDED_FACT', fields: ['carriedOver'] },
    ]);
  });

  it('the write the server itself makes passes, and only its own fields', () => {
    const allowed = (field: string) => field === 'status' || field === 'reopenedAt';
    expect(breachesOf(problems, { kind: 'update', previous: { status: 'done' }, changed: ['status', 'reopenedAt'] }, allowed)).toEqual([]);
    // a nested value riding on the same write is still refused
    expect(
      breachesOf(problems, { kind: 'update', previous: { status: 'done' }, changed: ['status', 'reopenedAt', 'closedAt'] }, allowed),
    ).toEqual([{ code: 'LOOP_FIELD_READ_ONLY', fields: ['closedAt'] }]);
  });

  it('a bulk update cannot tell what each row was: every clause holds', () => {
    expect(breachesOf(problems, { kind: 'bulkUpdate', changed: ['unitId'] })).toEqual([{ code: 'RECORDED_FACT', fields: ['unitId'] }]);
    expect(breachesOf(problems, { kind: 'bulkUpdate', changed: ['title'] })).toEqual([]);
  });

  it('a planned revisit gets its outcome once; a recorded one is a fact, kept', () => {
    const planned = { state: 'pending', outcome: null };
    const done = { state: 'done', outcome: 'resolved' };
    expect(isRevisitDone(planned)).toBe(false);
    expect(isRevisitDone(done)).toBe(true);
    expect(breachesOf(revisits, { kind: 'update', previous: planned, changed: ['state', 'outcome', 'revisitedAt'] })).toEqual([]);
    expect(breachesOf(revisits, { kind: 'update', previous: done, changed: ['outcome', 'comment'] })).toEqual([
      { code: 'RECORDED_FACT', fields: ['outcome'] },
    ]);
    expect(breachesOf(revisits, { kind: 'update', previous: planned, changed: ['revisiterId'] })).toEqual([
      { code: 'RECORDED_FACT', fields: ['revisiterId'] },
    ]);
    expect(breachesOf(revisits, { kind: 'destroy', previous: planned })).toEqual([]);
    expect(breachesOf(revisits, { kind: 'destroy', previous: done })).toEqual([{ code: 'RECORD_KEPT', fields: [] }]);
  });

  it('a problem may be withdrawn only before it is assigned', () => {
    expect(breachesOf(problems, { kind: 'destroy', previous: { status: 'new', assignedAt: null } })).toEqual([]);
    expect(breachesOf(problems, { kind: 'destroy', previous: { status: 'assigned', assignedAt: NOW } })).toEqual([
      { code: 'PROBLEM_KEPT', fields: [] },
    ]);
  });

  it('a rule of another plugin holds its own fields the same way', () => {
    const publication: RecordRule = {
      title: 'Problem list',
      clauses: [{ fields: ['isPublic', 'publicTitle'], code: 'PUBLISH_BY_ACTION_ONLY', kind: 'server' }],
    };
    expect(breachesOf(publication, { kind: 'create', values: { isPublic: false, publicTitle: null }, defaults: { isPublic: false } })).toEqual([]);
    expect(breachesOf(publication, { kind: 'create', values: { isPublic: true }, defaults: { isPublic: false } })).toEqual([
      { code: 'PUBLISH_BY_ACTION_ONLY', fields: ['isPublic'] },
    ]);
  });

  it('compares values as stored: a Date and its ISO text, 5 and "5"', () => {
    expect(comparable(new Date('2026-11-18T02:00:00Z'))).toBe(comparable(new Date('2026-11-18T02:00:00.000Z')));
    expect(comparable(5)).toBe(comparable('5'));
    expect(comparable(null)).toBe(comparable(undefined));
    expect(comparable({ a: 1 })).not.toBe(comparable({ a: 2 }));
  });
});

describe('更正: planCorrection', () => {
  const options = { outcome: ['resolved', 'partly_resolved', 'unresolved'], satisfaction: [1, 2, 3, 4, 5] };
  const plan = (collection: string, values: Record<string, unknown>) => planCorrection(collection, values, options, NOW);
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as { code: string }).code;
    }
    return 'none';
  };

  it('takes the correctable facts, typed as stored, with a reason', () => {
    expect(plan('mq_revisits', { satisfaction: '3', reason: '录入有误，应为基本满意' })).toEqual({
      change: { satisfaction: 3 },
      reason: '录入有误，应为基本满意',
    });
    expect(plan('mq_revisits', { revisitedAt: '2026-11-17T08:00:00+08:00', reason: '补录时间有误' }).change.revisitedAt).toEqual(
      new Date('2026-11-17T00:00:00Z'),
    );
    expect(plan('mq_responsibilities', { deadline: '2026-12-01', personId: '7', reason: '交办对象录错' }).change).toEqual({
      deadline: '2026-12-01',
      personId: 7,
    });
    expect(plan('mq_tasks', { progress: 80, reason: '进度误报' }).change).toEqual({ progress: 80 });
  });

  it('refuses what is not correctable, not of its kind, in the future, or without a reason', () => {
    expect(code(() => plan('mq_revisits', { satisfaction: 3 }))).toBe('CORRECTION_NEEDS_REASON');
    expect(code(() => plan('mq_revisits', { satisfaction: 3, reason: '  改 ' }))).toBe('CORRECTION_NEEDS_REASON');
    expect(code(() => plan('mq_revisits', { reason: '没有要改的' }))).toBe('NOT_CORRECTABLE');
    expect(code(() => plan('mq_revisits', { problemId: 2, reason: '挂错了问题' }))).toBe('NOT_CORRECTABLE');
    expect(code(() => plan('mq_progress_reports', { percent: 2, reason: '进度误报了' }))).toBe('NOT_CORRECTABLE');
    expect(code(() => plan('mq_revisits', { satisfaction: 9, reason: '录入有误的' }))).toBe('INVALID_VALUE');
    expect(code(() => plan('mq_revisits', { revisitedAt: '昨天', reason: '录入有误的' }))).toBe('INVALID_VALUE');
    expect(code(() => plan('mq_revisits', { revisitedAt: '2027-01-01T00:00:00Z', reason: '录入有误的' }))).toBe('DATE_IN_FUTURE');
    expect(code(() => plan('mq_responsibilities', { deadline: '2026-13-45', reason: '期限录错了' }))).toBe('INVALID_VALUE');
    expect(code(() => plan('mq_responsibilities', { deadline: '2026-02-30', reason: '期限录错了' }))).toBe('INVALID_VALUE');
    expect(code(() => plan('mq_responsibilities', { personId: [1, 2], reason: '交办对象录错' }))).toBe('INVALID_VALUE');
    expect(code(() => plan('mq_tasks', { progress: 140, reason: '进度误报了' }))).toBe('INVALID_PERCENT');
  });
});
