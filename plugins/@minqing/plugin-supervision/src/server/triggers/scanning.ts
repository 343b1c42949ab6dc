import type { Model } from '@nocobase/database';
import type { Trigger, WorkflowModel } from '@nocobase/plugin-workflow';

/** A workflow of one of our triggers (its `config` is the trigger's, as the designer saved it). */
export type ScanWorkflow = WorkflowModel;

/**
 * Runs a workflow's scan on its own interval on every node; duplicates across nodes and restarts
 * are collapsed by deterministic event keys (unique in `executions`), so no node has to be "the one".
 * The first scan comes soon after the workflow starts (a server start, an enable), not an interval
 * later: a server restarted more often than its interval would otherwise never scan.
 */
export class ScanTimers {
  /** Delay of the first scan after a start; null: none before the first interval (tests that count events). */
  static firstScanDelayMs: number | null = 60_000;
  private timers = new Map<number, NodeJS.Timeout[]>();

  start(workflow: ScanWorkflow, minutes: number, scan: () => Promise<unknown>, log: (e: unknown) => void) {
    this.stop(workflow);
    const run = () => void scan().catch(log);
    const timers = [setInterval(run, Math.max(1, minutes) * 60_000)];
    if (ScanTimers.firstScanDelayMs !== null) timers.push(setTimeout(run, ScanTimers.firstScanDelayMs));
    timers.forEach((timer) => timer.unref?.());
    this.timers.set(workflow.id, timers);
  }

  stop(workflow: ScanWorkflow) {
    this.timers.get(workflow.id)?.forEach((timer) => clearTimeout(timer));
    this.timers.delete(workflow.id);
  }
}

type ScanEvent = { key: string; context: object };

/** Drops events already turned into an execution (one query), then triggers the rest. */
export async function triggerOnce(trigger: Trigger, workflow: ScanWorkflow, events: ScanEvent[]) {
  if (!events.length) return 0;
  const executions = trigger.workflow.db.getRepository('executions');
  const done = new Set(
    (await executions.find({ filter: { eventKey: events.map((e) => e.key) }, fields: ['eventKey'] })).map((x: Model) =>
      x.get('eventKey'),
    ),
  );
  return triggerEach(
    trigger,
    workflow,
    events.filter((e) => !done.has(e.key)),
  );
}

/**
 * Triggers events a scan already knows to be new. Two nodes scanning at once may both fire one;
 * the unique event key lets only one execution be made.
 */
export function triggerEach(trigger: Trigger, workflow: ScanWorkflow, events: ScanEvent[]) {
  for (const event of events) trigger.workflow.trigger(workflow, event.context, { eventKey: event.key });
  return events.length;
}
