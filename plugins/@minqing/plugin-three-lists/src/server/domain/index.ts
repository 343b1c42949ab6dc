/**
 * The campaign's vocabulary and rules, in one place: statuses and their groups, the loop and the
 * events it announces, the satisfaction scale and its thresholds, the rules of each step, the
 * figures, what the public may see, working days, settings. Pure modules: no database, no
 * NocoBase; each rule is defined here once and imported by SQL builders, hooks, pages and the
 * demo. Other plugins import it as `@minqing/plugin-three-lists/domain` (or from the package).
 */
export * from './loop';
export * from './refusal';
export * from './satisfaction';
export * from './assignment';
export * from './progress';
export * from './closure';
export * from './feedback';
export * from './figures';
export * from './coverage';
export * from './disclosure';
export * from './workdays';
export * from './holidays';
export * from './settings-schema';
export * from './settings';
export * from './vocabulary';
export * from './records';
export * from './personal-data';
export * from './dashboard';
