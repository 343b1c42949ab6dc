/**
 * 跟踪督办 as pure rules: which condition a scan looks for, how overdue work escalates
 * 提醒 → 催办 → 督办 → 通报, who is told, and the event key that makes every event fire once.
 */
import { BASICALLY_SATISFIED, LEADER_GUARANTEE } from '@minqing/plugin-three-lists/domain';
import { DEFAULTS } from './defaults';

export const CONDITIONS = ['due_soon', 'overdue', 'stalled', 'dissatisfied'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const LEVELS = ['reminder', 'urge', 'supervise', 'notify'] as const;
export type Level = (typeof LEVELS)[number];

export interface Escalation {
  /** days overdue from which each level applies (reminder from day 1) */
  urge: number;
  supervise: number;
  notify: number;
}

export interface ScanConfig {
  conditions: Condition[];
  /** 临期: deadline within this many working days */
  dueSoonDays: number;
  /** 进展滞后: no progress report for this many days */
  stalledDays: number;
  /** 不满意: an evaluation scored below this (1–5; default 基本满意, so 不满意 and worse) */
  dissatisfiedBelow: number;
  escalation: Escalation;
  scope: { unitIds?: number[]; categories?: string[]; modes?: string[] };
  /** how often the scan runs */
  intervalMinutes: number;
}

export const DEFAULT_SCAN: ScanConfig = {
  conditions: ['due_soon', 'overdue'],
  dueSoonDays: DEFAULTS.dueSoonDays,
  stalledDays: DEFAULTS.stalledDays,
  dissatisfiedBelow: BASICALLY_SATISFIED,
  escalation: { ...DEFAULTS.escalation },
  scope: {},
  intervalMinutes: DEFAULTS.intervalMinutes,
};

export function scanConfig(config: Partial<ScanConfig> = {}): ScanConfig {
  return {
    ...DEFAULT_SCAN,
    ...config,
    conditions: (config.conditions?.length ? config.conditions : DEFAULT_SCAN.conditions).filter((c) =>
      CONDITIONS.includes(c),
    ),
    escalation: { ...DEFAULT_SCAN.escalation, ...(config.escalation ?? {}) },
    scope: { ...(config.scope ?? {}) },
  };
}

/** The ladder's rungs above 提醒, highest first: the level and the days overdue it starts at. */
export function escalationRungs(escalation: Escalation): [Level, number][] {
  return [
    ['notify', escalation.notify],
    ['supervise', escalation.supervise],
    ['urge', escalation.urge],
  ];
}

/** The level that `daysOverdue` has reached on the escalation ladder. */
export function overdueLevel(daysOverdue: number, escalation: Escalation): Level {
  return escalationRungs(escalation).find(([, from]) => daysOverdue >= from)?.[0] ?? 'reminder';
}

/** One step up the ladder (通报 stays 通报). */
export function nextLevel(level: Level): Level {
  return LEVELS[Math.min(LEVELS.indexOf(level) + 1, LEVELS.length - 1)];
}

/**
 * Who hears of a supervision besides the responsible person: the guarantor leader, from 督办 on,
 * and at every level for a problem a leader guarantees (领导包保, "一抓到底").
 */
export function notifiesGuarantor(level: Level, mode: unknown): boolean {
  return mode === LEADER_GUARANTEE || LEVELS.indexOf(level) >= LEVELS.indexOf('supervise');
}

export interface SupervisionEvent {
  condition: Condition;
  level: Level;
  problemId: number;
  responsibilityId: number | null;
  taskId: number | null;
  evaluationId?: number | null;
  /** what makes a repeat a new event: the deadline, the stale report's day, the evaluation */
  period: string;
  daysOverdue: number;
}

export const EVENT_KEY_PREFIX = 'mq-supervision';

/**
 * Deterministic: a repeated scan, a restart or a second node produce the same key. The scan's SQL
 * builds the same string to leave out fired events (tested to agree).
 */
export function eventKey(
  workflowId: number | string,
  e: Pick<SupervisionEvent, 'condition' | 'problemId' | 'level' | 'period'>,
) {
  return `${EVENT_KEY_PREFIX}:${workflowId}:${e.condition}:${e.problemId}:${e.level}:${e.period}`;
}
