import {
  DONE_STATUSES,
  isIn,
  STAMPS_OF_STATUS,
  type LoopStamp,
  type ProblemStatus,
} from '@minqing/plugin-three-lists/domain';
import { problemChunks, seeded, unitRows } from '../src';

const options = { seed: 7, problems: 5000, units: 100, staff: 50, year: 2026, now: Date.UTC(2026, 10, 29, 12) };
const all = () => {
  const chunks = [...problemChunks(seeded(options.seed), options, 1000)];
  const merge = (key: keyof (typeof chunks)[0]) => chunks.flatMap((c) => c[key]);
  return {
    problems: merge('mq_problems'),
    responsibilities: merge('mq_responsibilities'),
    tasks: merge('mq_tasks'),
    revisits: merge('mq_revisits'),
    evaluations: merge('mq_evaluations'),
  };
};

describe('the generated data set', () => {
  it('is the same for the same seed', () => {
    const digest = () => require('crypto').createHash('sha256').update(JSON.stringify(all())).digest('hex');
    expect(digest()).toBe(digest());
    expect(unitRows(seeded(1), 5).map((u) => u.type)).toEqual(unitRows(seeded(1), 5).map((u) => u.type));
  });

  it('covers every status and category, with big units and busy months', () => {
    const { problems } = all();
    expect(problems).toHaveLength(5000);
    expect(new Set(problems.map((p) => p.status)).size).toBe(6);
    expect(new Set(problems.map((p) => p.category)).size).toBe(12);
    const perUnit = new Map<number, number>();
    for (const p of problems) perUnit.set(p.unitId as number, (perUnit.get(p.unitId as number) ?? 0) + 1);
    expect(Math.max(...perUnit.values())).toBeGreaterThan((5000 / 100) * 5); // the biggest unit: 5× the mean or more
    expect(new Set(problems.map((p) => p.code)).size).toBe(5000);
  });

  it('keeps the loop consistent: responsibilities for assigned problems, revisits after completion', () => {
    const { problems, responsibilities, tasks, revisits } = all();
    const status = new Map(problems.map((p) => [p.id, p.status as ProblemStatus]));
    const stamped = (problemId: unknown, stamp: LoopStamp) =>
      STAMPS_OF_STATUS[status.get(problemId) as ProblemStatus].includes(stamp);
    // a responsibility once assigned, a task once accepted, a revisit once done
    expect(responsibilities.every((r) => stamped(r.problemId, 'assignedAt'))).toBe(true);
    expect(tasks.every((t) => stamped(t.problemId, 'acceptedAt'))).toBe(true);
    expect(revisits.every((v) => isIn(DONE_STATUSES, status.get(v.problemId)))).toBe(true);
    expect(problems.filter((p) => p.status !== 'new').length).toBe(responsibilities.length);
    const times = [...problems, ...revisits].flatMap((row) =>
      Object.values(row)
        .filter((v): v is Date => v instanceof Date)
        .map((d) => d.getTime()),
    );
    expect(times.every((t) => t <= options.now)).toBe(true);
    const byStatus = new Map(problems.map((p) => [p.status, p]));
    expect(byStatus.get('closed')?.closedAt).toBeTruthy();
    expect(byStatus.get('new')?.assignedAt).toBeNull();
  });
});
