import type { Context } from '@nocobase/actions';
import WorkflowPlugin from '@nocobase/plugin-workflow';
import type { Model } from '@nocobase/database';
import { RevisitTrigger } from '../triggers/RevisitTrigger';
import { SupervisionTrigger } from '../triggers/SupervisionTrigger';

/**
 * POST mqSupervision:scanNow — runs the scan of every enabled 督办 / 回访 workflow now (an
 * administrator after changing deadlines or settings, without waiting for the interval). Events
 * already fired are not fired again (their keys are in `executions`).
 */
export async function scanNow(ctx: Context, next: () => Promise<void>) {
  const workflowPlugin = ctx.app.pm.get(WorkflowPlugin) as WorkflowPlugin;
  const workflows: Model[] = await ctx.db.getRepository('workflows').find({
    filter: { enabled: true, type: { $in: [SupervisionTrigger.TYPE, RevisitTrigger.TYPE] } },
    sort: ['id'],
  });
  const results = [];
  for (const workflow of workflows) {
    const trigger = workflowPlugin.triggers.get(workflow.get('type') as string) as SupervisionTrigger | RevisitTrigger;
    const fired = await trigger.scan(workflow as any);
    results.push({ workflowId: workflow.get('id'), title: workflow.get('title'), fired });
  }
  ctx.body = { fired: results.reduce((sum, r) => sum + r.fired, 0), workflows: results };
  await next();
}
