import type { MockServer } from '@nocobase/test';
import { eventually } from './eventually';

interface WorkflowPlugin {
  dispatcher: { idle: boolean };
}

/**
 * Waits until the app's workflows (or one of them) have nothing left to do: no event queued, no
 * execution running or waiting to start. After that, counts of executions and of what they wrote
 * are final, and "nothing more happened" can be asserted against them.
 */
export async function workflowsSettled(app: MockServer, options: { workflowId?: number; timeoutMs?: number } = {}) {
  const { workflowId, timeoutMs } = options;
  const workflow = app.pm.get('workflow') as unknown as WorkflowPlugin;
  const executions = app.db.getRepository('executions');
  await eventually(
    async () => {
      // QUEUEING (null) or STARTED (0): not finished yet
      const unfinished = { $or: [{ status: null }, { status: 0 }] };
      const open = await executions.count({ filter: workflowId ? { $and: [{ workflowId }, unfinished] } : unfinished });
      return workflow.dispatcher.idle && open === 0;
    },
    { what: workflowId ? `the executions of workflow ${workflowId} to finish` : 'the workflows to settle', timeoutMs },
  );
}
