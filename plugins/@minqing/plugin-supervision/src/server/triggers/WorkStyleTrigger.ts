import type { Model } from '@nocobase/database';
import { Trigger } from '@nocobase/plugin-workflow';
import { DEFAULTS } from '../domain/defaults';
import { FLAG_FAMILY, FLAG_KINDS, type FlagKind } from '../domain/work-style';
import { computeWorkStyle } from '../services/work-style';
import { ScanTimers, triggerOnce, type ScanWorkflow } from './scanning';

export interface WorkStyleConfig {
  /** the kinds of flag this workflow answers (default: all) */
  kinds?: FlagKind[];
  /** … or whole habits: cursory_visit, surface_closure, self_certification, too_good */
  families?: string[];
  intervalMinutes?: number;
}

/** The flag kinds a workflow's config selects. Pure. */
export function kindsOf(config: WorkStyleConfig): FlagKind[] {
  const kinds = config.kinds?.length ? config.kinds : null;
  const families = config.families?.length ? config.families : null;
  return FLAG_KINDS.filter(
    (kind) => (!kinds || kinds.includes(kind)) && (!families || families.includes(FLAG_FAMILY[kind])),
  );
}

/**
 * 作风监督 trigger (`mq-work-style`): on its interval computes the flags (recording new ones) and
 * fires once per open flag of the kinds it answers, so that an office composes its own response
 * (a notice, a supervision) in the designer. A dismissed flag never fires; a flag fires once per
 * workflow whatever how often the scan runs (event key: workflow and flag).
 */
export class WorkStyleTrigger extends Trigger {
  static TYPE = 'mq-work-style';
  private timers = new ScanTimers();

  on(workflow: ScanWorkflow) {
    const config: WorkStyleConfig = workflow.config ?? {};
    const log = (e: unknown) => this.workflow.getLogger(workflow.id).error(e);
    this.timers.start(workflow, config.intervalMinutes ?? DEFAULTS.intervalMinutes, () => this.scan(workflow), log);
  }

  off(workflow: ScanWorkflow) {
    this.timers.stop(workflow);
  }

  async scan(workflow: ScanWorkflow, now = new Date()) {
    const db = this.workflow.db;
    await computeWorkStyle(db, now);
    const flags = await db.getRepository('mq_work_style_flags').find({
      filter: { state: 'open', kind: kindsOf(workflow.config ?? {}) },
      sort: ['id'],
    });
    return triggerOnce(
      this,
      workflow,
      flags.map((flag: Model) => ({
        key: `${workflow.id}:work-style:${flag.get('key')}`,
        context: {
          flagId: flag.get('id'),
          kind: flag.get('kind'),
          family: flag.get('family'),
          why: flag.get('why'),
          userId: flag.get('userId'),
          unitId: flag.get('unitId'),
          problemId: flag.get('problemId'),
          evidence: flag.get('evidence'),
          flag: flag.toJSON(),
        },
      })),
    );
  }
}
