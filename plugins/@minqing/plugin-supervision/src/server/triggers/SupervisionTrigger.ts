import { getLoopSettings } from '@minqing/plugin-three-lists';
import { Trigger } from '@nocobase/plugin-workflow';
import { eventKey, scanConfig } from '../domain/supervision';
import { loadEventContext } from '../services/context';
import { findSupervisionEvents } from '../services/scan';
import { ScanTimers, triggerOnce } from './scanning';

/**
 * 督办 trigger: scans open responsibilities on a schedule and fires one execution per event
 * (临期, 逾期 with its level, 进展滞后, 不满意).
 */
export class SupervisionTrigger extends Trigger {
  static TYPE = 'mq-supervision';
  private timers = new ScanTimers();

  on(workflow: any) {
    const config = scanConfig(workflow.config);
    this.timers.start(
      workflow,
      config.intervalMinutes,
      () => this.scan(workflow),
      (e) => this.workflow.getLogger(workflow.id).error(e),
    );
  }

  off(workflow: any) {
    this.timers.stop(workflow);
  }

  /** One scan at `now` (tests pass a fixed clock); returns how many new events were fired. */
  async scan(workflow: any, now = new Date()) {
    const db = this.workflow.db;
    const config = scanConfig(workflow.config);
    const { timeZone } = await getLoopSettings(db);
    const events = await findSupervisionEvents(db, config, now, timeZone);
    const contexts = await loadEventContext(db, [...new Set(events.map((e) => e.problemId))]);
    return triggerOnce(
      this,
      workflow,
      events.map((e) => ({
        key: eventKey(workflow.id, e),
        context: { ...e, ...contexts.get(e.problemId), date: now.toISOString() },
      })),
    );
  }
}
