export { default } from './plugin';
export { SupervisionTrigger } from './triggers/SupervisionTrigger';
export { RevisitTrigger } from './triggers/RevisitTrigger';
export { issueSupervision } from './instructions/IssueSupervisionInstruction';
export { ScanTimers, triggerEach, triggerOnce } from './triggers/scanning';
export { loadEventContext } from './services/context';
export { notify } from './services/notify';
export * from './domain/supervision';
