/**
 * 作风监督 and 未诉先办: every threshold of the flags and candidates, in one settings schema (the
 * settings page is made from it; the server refuses a value out of range). Plain data.
 */
import type { SettingsOf, SettingsSchema } from '@minqing/plugin-three-lists/domain';

export const WORK_STYLE_SETTINGS = {
  ns: '@minqing/plugin-supervision',
  fields: {
    /** the flags look at the work recorded in this many days (a closure, a revisit, an evaluation…) */
    lookbackDays: {
      type: 'integer',
      default: 90,
      min: 7,
      max: 730,
      label: 'Flags look at the work of the last (days)',
    },
    // 走马观花 visits
    /** a visit that contacted nobody and whose summary is shorter than this says nothing */
    visitMinSummaryChars: {
      type: 'integer',
      default: 10,
      min: 0,
      max: 500,
      label: 'A visit summary shorter than this (characters) says nothing',
    },
    /** two visits by one cadre at units in different regions less than this apart */
    rushedVisitMinutes: {
      type: 'integer',
      default: 30,
      min: 1,
      max: 600,
      label: 'Visits at distant units less than this apart (minutes)',
    },
    /** the weeks over which a visitor who found nothing and heard no one is looked at */
    emptyVisitorWeeks: {
      type: 'integer',
      default: 8,
      min: 1,
      max: 52,
      label: 'Weeks looked at for visits that found nothing',
    },
    /** … and how many such visits make a pattern */
    emptyVisitorMinVisits: {
      type: 'integer',
      default: 4,
      min: 1,
      max: 100,
      label: 'Visits that found nothing and heard no one, at least',
    },
    /** an active liaison point nobody visited for this many days */
    liaisonUnvisitedDays: {
      type: 'integer',
      default: 90,
      min: 7,
      max: 365,
      label: 'Liaison point not visited for (days)',
    },
    // 表面文章 closures
    /** a completion summary shorter than this, without evidence, is hollow */
    closureMinSummaryChars: {
      type: 'integer',
      default: 10,
      min: 0,
      max: 500,
      label: 'A completion summary shorter than this (characters), without evidence',
    },
    /** a 领导包保 problem done less than this after its assignment */
    fastClosureMinutes: {
      type: 'integer',
      default: 60,
      min: 1,
      max: 10080,
      label: 'Leader-guaranteed problem done within (minutes) of assignment',
    },
    /** this many progress reports of one task saying the same */
    repeatedReports: {
      type: 'integer',
      default: 2,
      min: 2,
      max: 20,
      label: 'Identical progress reports of one task, at least',
    },
    // figures that look too good
    /** a unit at 100% 满意率 with at least this many staff-entered ratings */
    tooGoodStaffRatings: {
      type: 'integer',
      default: 5,
      min: 1,
      max: 1000,
      label: 'A unit at 100% satisfaction with staff-entered ratings, at least',
    },
    /** one account entering this many evaluations … */
    clusterEvaluations: {
      type: 'integer',
      default: 5,
      min: 2,
      max: 1000,
      label: 'Evaluations entered by one account, at least',
    },
    /** … within this many minutes */
    clusterMinutes: { type: 'integer', default: 60, min: 1, max: 10080, label: '… within (minutes)' },
    /** public ratings (the public's link) from one device within clusterMinutes … */
    deviceClusterEvaluations: {
      type: 'integer',
      default: 5,
      min: 2,
      max: 1000,
      label: 'Public ratings from one device within those minutes, at least',
    },
    /** … and from one network address: higher, a school's parents share one */
    addressClusterEvaluations: {
      type: 'integer',
      default: 20,
      min: 2,
      max: 10000,
      label: 'Public ratings from one network address within those minutes, at least',
    },
    // 未诉先办 candidates
    /** the window in which problems of one category are said to recur */
    recurringDays: { type: 'integer', default: 90, min: 7, max: 730, label: 'Recurring issues: window (days)' },
    /** problems of one category at one unit within the window */
    recurringAtUnit: {
      type: 'integer',
      default: 4,
      min: 2,
      max: 100,
      label: 'Recurring at one unit: problems of a category, at least',
    },
    /** a category rising across units: this many days against as many days before */
    risingDays: { type: 'integer', default: 30, min: 7, max: 365, label: 'Rising category: window (days)' },
    /** units reporting one category within the window, for a category rising across units */
    risingUnits: { type: 'integer', default: 4, min: 2, max: 1000, label: 'Rising category: units, at least' },
    /** … and this many times as many problems as in the window before */
    risingFactor: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 100,
      label: 'Rising category: times the window before, at least',
    },
    /** complaints of one category within the window that no visit found */
    unseenComplaints: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 1000,
      label: 'Complaints of a category visits never found, at least',
    },
  },
} as const satisfies SettingsSchema;

export type WorkStyleSettings = SettingsOf<typeof WORK_STYLE_SETTINGS>;
