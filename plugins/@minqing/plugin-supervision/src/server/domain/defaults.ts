/**
 * What the workflow designer's forms start from and what the server assumes when a workflow
 * leaves a value out: one place for both. Plain data (the client bundle imports it); the
 * dissatisfaction threshold is the core's (BASICALLY_SATISFIED), added where each side reads it.
 */
export const DEFAULTS = {
  /** how often a scan runs */
  intervalMinutes: 60,
  /** 临期: deadline within this many working days */
  dueSoonDays: 2,
  /** 进展滞后: no progress report for this many days */
  stalledDays: 7,
  /** 提醒 → 催办 → 督办 → 通报: the days overdue each level starts at */
  escalation: { urge: 3, supervise: 7, notify: 15 },
  /** working days a supervised person has to answer */
  responseDays: 2,
  /** 办结回访: working days after completion before a revisit is planned */
  revisitDelayDays: 3,
  /** working days a planned revisit is due in */
  revisitDueDays: 5,
  /** days before the campaign ends that leaders without a revisit are reminded */
  remindDaysBefore: 10,
} as const;
