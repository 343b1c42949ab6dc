import type { Database } from '@nocobase/database';

/**
 * What a supervision or revisit event offers the workflow's other nodes as `{{$context.…}}`:
 * the problem, its current responsibility (with person and guarantor), the task.
 */
export async function loadEventContext(db: Database, problemIds: number[], transaction?: any) {
  if (!problemIds.length) return new Map<number, any>();
  const problems = await db.getRepository('mq_problems').find({
    filter: { id: problemIds },
    appends: ['unit', 'responsibilities', 'responsibilities.person', 'responsibilities.guarantor', 'tasks'],
    transaction,
  });
  return new Map(
    problems.map((row) => {
      const problem = row.toJSON() as any;
      const responsibility = (problem.responsibilities ?? []).find((r: any) => r.active) ?? null;
      const task = [...(problem.tasks ?? [])].sort((a: any, b: any) => b.id - a.id)[0] ?? null;
      delete problem.responsibilities;
      delete problem.tasks;
      return [
        problem.id as number,
        {
          problem,
          responsibility,
          task,
          personId: responsibility?.personId ?? null,
          guarantorId: responsibility?.guarantorId ?? null,
          deadline: responsibility?.deadline ?? null,
        },
      ];
    }),
  );
}
