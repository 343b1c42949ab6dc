/**
 * Who may write what in the records the figures are counted from (台账不可篡改). The loop's steps
 * and the office's explicit corrections write these fields; every other path — the stock forms
 * and API, bulk updates, imports, association resources, nested values, workflow nodes — is held
 * to the rules below, whoever asks. Pure: services/records.ts applies them on every write.
 */
import { LOOP_FIELDS } from './loop';
import { checkPercent } from './progress';
import { Refusal } from './refusal';

type Values = Record<string, unknown>;

/** One group of fields held to one rule, refused with one code. */
export interface FieldClause {
  fields: readonly string[];
  /** refusal code; its message is `RECORD_MESSAGES[code]` unless `key` says otherwise */
  code: RecordRefusalCode;
  /**
   * `server`: only the server writes them, at creation too (a client may only leave them empty or
   * at their default); `fixed`: given when the record is made, never changed afterwards.
   */
  kind: 'server' | 'fixed';
  /** the clause holds only while this is true of the stored record (e.g. a revisit once it is done) */
  while?: (previous: Values) => boolean;
  /** at creation the server sets these itself (a sequence, the clock): what the client sent is not checked */
  setByServerOnCreate?: boolean;
}

export interface RecordRule {
  /** the collection's title key, for messages */
  title: string;
  clauses: readonly FieldClause[];
  /** made only by a step of the server (交办 makes the responsibility), never by the stock create */
  madeBy?: string;
  /** whether a stored record may be destroyed; absent: always */
  destroyable?: (previous: Values) => boolean;
  /** code and message when it may not */
  keptCode?: RecordRefusalCode;
}

export const RECORD_MESSAGES = {
  LOOP_FIELD_READ_ONLY:
    '{{fields}} can change only through the loop actions (assign, accept, report progress, complete, close, reopen), not by editing',
  SERVER_OWNED_FIELD: '{{names}}: kept by the system, not written by hand',
  RECORDED_FACT:
    '{{names}} of a recorded {{record}} cannot be changed: the figures count them. The campaign office corrects a wrong record with a reason (Correct)',
  MADE_BY_STEP: '{{record}} are made by the loop step {{step}}, not by hand',
  RECORD_KEPT:
    '{{record}} are kept: the figures count them. The campaign office corrects a wrong record with a reason (Correct)',
  PROBLEM_KEPT:
    'A problem is kept once it has been assigned: it can no longer be deleted. The campaign office corrects what is wrong in it with a reason (Correct)',
  PUBLISH_BY_ACTION_ONLY: '{{names}}: set only by Publish / Unpublish, by a role allowed to publish',
} as const;
export type RecordRefusalCode = keyof typeof RECORD_MESSAGES;

/** What a write of one record would do, as the guard sees it. */
export type RecordWrite =
  | { kind: 'create'; values: Values; defaults: Values }
  | { kind: 'update'; previous: Values; changed: readonly string[] }
  | { kind: 'bulkUpdate'; changed: readonly string[] }
  | { kind: 'destroy'; previous: Values };

export interface Breach {
  code: RecordRefusalCode;
  /** the fields at fault (empty for a whole record) */
  fields: string[];
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';
const same = (a: unknown, b: unknown) => comparable(a) === comparable(b);

/** A value as a string that is equal for equal values (a Date and its ISO text, 5 and '5'). */
export function comparable(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The breaches of `rule` by `write`, one per clause at fault; `allowed(field)` says which fields
 * the server itself is writing in this very write (a loop step, a correction) and so pass.
 */
export function breachesOf(rule: RecordRule, write: RecordWrite, allowed: (field: string) => boolean = () => false) {
  const breaches: Breach[] = [];
  const add = (code: RecordRefusalCode, fields: string[]) => {
    const at = breaches.find((b) => b.code === code);
    if (at) at.fields.push(...fields.filter((f) => !at.fields.includes(f)));
    else breaches.push({ code, fields });
  };
  if (write.kind === 'destroy') {
    if (rule.destroyable && !rule.destroyable(write.previous)) add(rule.keptCode ?? 'RECORD_KEPT', []);
    return breaches;
  }
  for (const clause of rule.clauses) {
    let fields: string[] = [];
    if (write.kind === 'create') {
      if (clause.kind !== 'server' || clause.setByServerOnCreate) continue;
      fields = clause.fields.filter(
        (f) => !isEmpty(write.values[f]) && !same(write.values[f], write.defaults[f]) && !allowed(f),
      );
    } else if (write.kind === 'update') {
      if (clause.while && !clause.while(write.previous)) continue;
      fields = clause.fields.filter((f) => write.changed.includes(f) && !allowed(f));
    } else {
      // a bulk update does not say what each row was: every clause holds
      fields = clause.fields.filter((f) => write.changed.includes(f) && !allowed(f));
    }
    if (fields.length) add(clause.code, fields);
  }
  return breaches;
}

// The rules of the core's records. Other plugins add clauses for their own fields on these
// collections (publicity: the publication fields) with `holdRecords`.

const recordedFacts = (fields: readonly string[], extra: Partial<FieldClause> = {}): FieldClause => ({
  fields,
  code: 'RECORDED_FACT',
  kind: 'fixed',
  ...extra,
});
const serverOwned = (fields: readonly string[], extra: Partial<FieldClause> = {}): FieldClause => ({
  fields,
  code: 'SERVER_OWNED_FIELD',
  kind: 'server',
  ...extra,
});
/** the clock of a record is the server's: the month and the day a record counts in */
const CLOCK = serverOwned(['createdAt'], { setByServerOnCreate: true });

/** 已回访: a revisit whose outcome is recorded (a planned one waits for it) */
export const isRevisitDone = (revisit: Values) => revisit.state !== 'pending' || !isEmpty(revisit.outcome);

export const RECORD_RULES: Record<string, RecordRule> = {
  mq_problems: {
    title: 'Problem list',
    clauses: [
      { fields: LOOP_FIELDS, code: 'LOOP_FIELD_READ_ONLY', kind: 'server' },
      serverOwned(['reopenCount', 'reopenReason']),
      serverOwned(['code'], { setByServerOnCreate: true }),
      CLOCK,
      // 前期遗留 is said when the problem is reported or imported, and stays
      recordedFacts(['carriedOver']),
      // what the figures group it by: edited freely until it is assigned, then corrected with a reason
      recordedFacts(['unitId', 'category', 'source'], { while: (problem) => problem.status !== 'new' }),
    ],
    // a problem nobody has been given yet may still be withdrawn; after that it is the ledger's
    destroyable: (problem) => problem.status === 'new' && isEmpty(problem.assignedAt),
    keptCode: 'PROBLEM_KEPT',
  },
  mq_responsibilities: {
    title: 'Responsibility list',
    madeBy: 'assign',
    clauses: [
      serverOwned([
        'problemId',
        'unitId',
        'personId',
        'mode',
        'guarantorId',
        'deadline',
        'acceptBy',
        'acceptedAt',
        'active',
      ]),
      CLOCK,
    ],
    destroyable: () => false,
  },
  mq_tasks: {
    title: 'Task list',
    madeBy: 'accept',
    clauses: [serverOwned(['problemId', 'progress', 'lastReportedAt', 'completionSummary']), CLOCK],
    destroyable: () => false,
  },
  mq_progress_reports: {
    title: 'Progress reports',
    madeBy: 'reportProgress',
    clauses: [serverOwned(['taskId', 'problemId', 'reportedOn', 'content', 'percent']), CLOCK],
    destroyable: () => false,
  },
  mq_revisits: {
    title: 'Revisits',
    clauses: [
      recordedFacts(['problemId', 'revisiterId']),
      // a planned revisit (待回访) gets its outcome once; then it is a fact
      recordedFacts(['state', 'outcome', 'satisfaction', 'revisitedAt'], { while: isRevisitDone }),
      CLOCK,
    ],
    // a planned revisit that never took place may be withdrawn; a recorded one is kept
    destroyable: (revisit) => !isRevisitDone(revisit),
  },
  mq_evaluations: {
    title: 'Public evaluations',
    clauses: [recordedFacts(['problemId', 'score', 'evaluatorKind', 'channel']), CLOCK],
    destroyable: () => false,
  },
  mq_corrections: {
    title: 'Corrections',
    madeBy: 'correct',
    clauses: [
      serverOwned(['collectionName', 'recordId', 'problemId', 'changes', 'reason']),
      recordedFacts(['createdById']),
      CLOCK,
    ],
    destroyable: () => false,
  },
};

/**
 * 更正: what the campaign office may correct in a recorded fact, per collection. A correction
 * names the record, the new values and a reason, and is kept (mq_corrections) with the old values.
 */
export const CORRECTABLE: Record<string, readonly string[]> = {
  mq_problems: ['unitId', 'category', 'source'],
  mq_responsibilities: ['deadline', 'acceptBy', 'acceptedAt', 'personId', 'unitId', 'guarantorId'],
  mq_tasks: ['progress'],
  mq_revisits: ['outcome', 'satisfaction', 'revisitedAt', 'revisiterId'],
  mq_evaluations: ['score', 'evaluatorKind', 'channel'],
};

/** The reason a correction must give: written out, not a placeholder. */
export const MIN_CORRECTION_REASON = 4;

export interface CorrectionPlan {
  /** the new values, typed as stored (dates as Date, days as YYYY-MM-DD, numbers as numbers) */
  change: Record<string, unknown>;
  reason: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * 更正: checks what the office asks to correct in a record of `collection` and returns the change
 * to write. Only the correctable fields, each with a value its field accepts, and a reason.
 * `options` gives each option field's allowed values (the vocabulary's lists).
 */
export function planCorrection(
  collection: string,
  values: Record<string, unknown>,
  options: Record<string, readonly (string | number)[]>,
  now: Date,
  /** a field's title key, for the message */
  label: (field: string) => string = (field) => field,
): CorrectionPlan {
  const correctable = CORRECTABLE[collection];
  if (!correctable) throw new Refusal('NOT_CORRECTABLE', '{{record}} have no correctable facts', { record: collection }, 404);
  const { reason: rawReason, ...asked } = values ?? {};
  const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
  if (reason.length < MIN_CORRECTION_REASON) {
    throw new Refusal(
      'CORRECTION_NEEDS_REASON',
      'A correction needs its reason, written out (at least {{min}} characters)',
      { min: MIN_CORRECTION_REASON },
      400,
    );
  }
  const unknown = Object.keys(asked).filter((f) => !correctable.includes(f));
  if (unknown.length || !Object.keys(asked).length) {
    throw new Refusal(
      'NOT_CORRECTABLE',
      'Only these can be corrected here: {{names}}',
      { names: correctable.map(label) },
      400,
    );
  }
  const change: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(asked)) {
    const bad = () => new Refusal('INVALID_VALUE', '{{field}} has no option {{value}}', { field: label(field), value: String(value) }, 400);
    if (options[field]) {
      const match = options[field].find((o) => String(o) === String(value));
      if (match === undefined) throw bad();
      change[field] = match;
    } else if (field === 'progress') {
      change[field] = checkPercent(value);
    } else if (field === 'deadline' || field === 'acceptBy') {
      // strictly a calendar day: 2026-02-30 is no day, not 2 March
      const day = typeof value === 'string' && DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw bad();
      change[field] = value;
    } else if (field.endsWith('At')) {
      const at = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : null;
      if (!at || Number.isNaN(at.getTime())) throw bad();
      if (at.getTime() > now.getTime()) {
        throw new Refusal('DATE_IN_FUTURE', '{{field}} cannot be in the future', { field: label(field) }, 400);
      }
      change[field] = at;
    } else if (field.endsWith('Id')) {
      const id = Number(value);
      if (!Number.isSafeInteger(id) || id <= 0) throw bad();
      change[field] = id;
    } else {
      change[field] = value;
    }
  }
  return { change, reason };
}
