import { getLoopSettings } from '@minqing/plugin-three-lists';
import { Trigger } from '@nocobase/plugin-workflow';
import { eventKey, scanConfig } from '../domain/supervision';
import { loadEventContext } from '../services/context';
import { findSupervisionEvents } from '../services/scan';
import { ScanTimers, triggerEach, type ScanWorkflow } from './scanning';

const CONTEXT_SLICE = 500;

/**
 * 督办 trigger: scans open responsibilities on a schedule and fires one execution per event
 * (临期, 逾期 with its level, 进展滞后, 不满意).
 */
export class SupervisionTrigger extends Trigger {
  static TYPE = 'mq-supervision';
  private timers = new ScanTimers();

  on(workflow: ScanWorkflow) {
    const config = scanConfig(workflow.config);
    this.timers.start(
      workflow,
      config.intervalMinutes,
      () => this.scan(workflow),
      (e) => this.workflow.getLogger(workflow.id).error(e),
    );
  }

  off(workflow: ScanWorkflow) {
    this.timers.stop(workflow);
  }

  /** One scan at `now` (tests pass a fixed clock); returns how many new events were fired. */
  async scan(workflow: ScanWorkflow, now = new Date()) {
    const db = this.workflow.db;
    const config = scanConfig(workflow.config);
    const { timeZone } = await getLoopSettings(db);
    const events = await findSupervisionEvents(db, config, now, timeZone, workflow.id);
    let fired = 0;
    // a first scan over a big backlog finds tens of thousands: their problems are read in slices
    for (let start = 0; start < events.length; start += CONTEXT_SLICE) {
      const slice = events.slice(start, start + CONTEXT_SLICE);
      const contexts = await loadEventContext(db, [...new Set(slice.map((e) => e.problemId))]);
      fired += triggerEach(
        this,
        workflow,
        slice.map((e) => ({
          key: eventKey(workflow.id, e),
          context: { ...e, ...contexts.get(e.problemId), date: now.toISOString() },
        })),
      );
    }
    return fired;
  }
}
