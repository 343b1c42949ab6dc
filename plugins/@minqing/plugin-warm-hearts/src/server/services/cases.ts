import type { Context } from '@nocobase/actions';
import { writeTransaction } from '@minqing/plugin-three-lists';
import { refuse } from './errors';

/**
 * POST mq_livelihood_projects:toCase?filterByTk= — drafts a typical case (先进典型) from a project
 * for the office to edit and publish; the draft is not public until they do.
 */
export async function projectToCase(ctx: Context) {
  const db = ctx.db;
  const id = Number(ctx.action.params.filterByTk);
  return writeTransaction(db, async (transaction) => {
    const project = await db.getRepository('mq_livelihood_projects').findOne({ filterByTk: id, transaction });
    if (!project) throw refuse('PROJECT_NOT_FOUND', 'Project {{id}} does not exist', { id }, 404);
    const existing = await db.getRepository('mq_cases').findOne({ filter: { projectId: id }, transaction });
    if (existing) return existing.toJSON();
    const created = await db.getRepository('mq_cases').create({
      values: {
        title: project.get('title'),
        story: project.get('goals') ?? '',
        outcome: project.get('progressNote') ?? '',
        unitId: project.get('unitId') ?? null,
        projectId: id,
        isPublished: false,
      },
      transaction,
      context: ctx,
    });
    return created.toJSON();
  });
}
