import type { Model } from '@nocobase/database';
import { localDay, PROACTIVE_SOURCE } from '@minqing/plugin-three-lists';
import { Instruction, JOB_STATUS, type FlowNodeModel, type Processor } from '@nocobase/plugin-workflow';

/**
 * 未诉先办 at the right time of the year: one proactive problem (source 未诉先办) for every unit of
 * the given types, e.g. 开学 enrolment checks at schools, 汛期 防溺水 everywhere. A unit that
 * already has this title from this year is skipped, so a repeated run adds nothing.
 * Config: title, description, category, unitTypes (empty: every unit).
 */
export class ProactiveProblemsInstruction extends Instruction {
  static TYPE = 'mq-proactive-problems';

  async run(node: FlowNodeModel, input: unknown, processor: Processor) {
    const config = processor.getParsedValue({ ...node.config }, node.id) as {
      title?: string;
      description?: string;
      category?: string;
      unitTypes?: string[];
    };
    const title = String(config.title ?? '').trim();
    if (!title) return { status: JOB_STATUS.ERROR, result: { error: 'title is required' } };
    const db = this.workflow.db;
    const transaction = processor.transaction;
    const types = (config.unitTypes ?? []).filter(Boolean);
    const units = await db
      .getRepository('mq_units')
      .find({ filter: types.length ? { type: types } : {}, fields: ['id'], sort: ['id'], transaction });
    const yearStart = new Date(`${localDay(new Date()).slice(0, 4)}-01-01T00:00:00+08:00`);
    const already = new Set(
      (
        await db.getRepository('mq_problems').find({
          filter: { title, source: PROACTIVE_SOURCE, createdAt: { $gte: yearStart } },
          fields: ['id', 'unitId'],
          transaction,
        })
      ).map((p: Model) => Number(p.get('unitId'))),
    );
    const wanted = units.map((u: Model) => Number(u.get('id'))).filter((id: number) => !already.has(id));
    if (wanted.length) {
      await db.getRepository('mq_problems').createMany({
        records: wanted.map((unitId: number) => ({
          title,
          description: config.description ?? null,
          category: config.category || 'other',
          unitId,
          source: PROACTIVE_SOURCE,
        })),
        transaction,
      });
    }
    return { status: JOB_STATUS.RESOLVED, result: { created: wanted.length, skipped: units.length - wanted.length } };
  }
}
