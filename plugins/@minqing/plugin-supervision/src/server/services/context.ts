import type { Database, Model, Transaction } from '@nocobase/database';

/** The problem's current responsibility (责任清单), as a workflow's nodes read it. */
export interface EventResponsibility {
  id: number;
  personId: number | null;
  guarantorId: number | null;
  mode: string;
  deadline: string | null;
  active: boolean;
  [field: string]: unknown;
}

/** What a supervision or revisit event offers the workflow's other nodes as `{{$context.…}}`. */
export interface EventContext {
  problem: { id: number; code?: string; title?: string; [field: string]: unknown };
  responsibility: EventResponsibility | null;
  task: { id: number; [field: string]: unknown } | null;
  personId: number | null;
  guarantorId: number | null;
  deadline: string | null;
}

/**
 * The problem, its current responsibility (with person and guarantor), the task: what a
 * supervision or revisit event carries, for problems read in one query.
 */
export async function loadEventContext(
  db: Database,
  problemIds: number[],
  transaction?: Transaction,
): Promise<Map<number, EventContext>> {
  if (!problemIds.length) return new Map();
  const problems = await db.getRepository('mq_problems').find({
    filter: { id: problemIds },
    appends: ['unit', 'responsibilities', 'responsibilities.person', 'responsibilities.guarantor', 'tasks'],
    transaction,
  });
  return new Map(
    problems.map((row: Model) => {
      const {
        responsibilities = [],
        tasks = [],
        ...problem
      } = row.toJSON() as EventContext['problem'] & {
        responsibilities?: EventResponsibility[];
        tasks?: { id: number }[];
      };
      const responsibility = responsibilities.find((r) => r.active) ?? null;
      const task = [...tasks].sort((a, b) => b.id - a.id)[0] ?? null;
      return [
        problem.id,
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
