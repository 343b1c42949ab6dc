/**
 * 回访 reminders as pure rules: when a done problem is due for a revisit, when the campaign's last
 * days begin ("每位领导至少回访一次"), and the event keys that make each reminder fire once.
 */
import { addWorkingDays, type HolidayOverrides } from '@minqing/plugin-three-lists/domain';
import { DEFAULTS } from './defaults';

export interface RevisitConfig {
  /** fire this many working days after 办结 (0: at once) */
  delayDays?: number;
  intervalMinutes?: number;
  /** 活动结束日期: before it, every leader who has not revisited anything is reminded */
  campaignEndsOn?: string;
  remindDaysBefore?: number;
}

export const REVISIT_KEY_PREFIX = 'mq-revisit';

/**
 * A problem done on `doneDay` is due for a revisit on `today`: at once, or `delayDays` working days
 * later (the office's holiday table passed in).
 */
export function revisitDue(doneDay: string, today: string, delayDays: number, holidays: HolidayOverrides): boolean {
  return !delayDays || addWorkingDays(doneDay, delayDays, holidays) <= today;
}

/** The days (YYYY-MM-DD, inclusive) in which leaders without a revisit are reminded, or null without an end. */
export function reminderWindow(config: RevisitConfig): { from: string; to: string } | null {
  const end = config.campaignEndsOn;
  if (!end) return null;
  const start = new Date(`${end}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (config.remindDaysBefore ?? DEFAULTS.remindDaysBefore));
  return { from: start.toISOString().slice(0, 10), to: end };
}

export function inReminderWindow(today: string, config: RevisitConfig): boolean {
  const window = reminderWindow(config);
  return Boolean(window && today >= window.from && today <= window.to);
}

/** One event per completion: a problem completed again (after a reopen) is due for a revisit again. */
export function problemDoneKey(workflowId: number | string, problemId: number | string, doneAt: Date | string) {
  return `${REVISIT_KEY_PREFIX}:${workflowId}:problem:${problemId}:${new Date(doneAt).toISOString()}`;
}

/** One reminder per leader and campaign end. */
export function leaderWithoutRevisitKey(
  workflowId: number | string,
  leaderId: number | string,
  campaignEndsOn: string,
) {
  return `${REVISIT_KEY_PREFIX}:${workflowId}:leader:${leaderId}:${campaignEndsOn}`;
}
