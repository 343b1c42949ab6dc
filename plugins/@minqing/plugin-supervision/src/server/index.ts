export { default } from './plugin';
export { SupervisionTrigger } from './triggers/SupervisionTrigger';
export { RevisitTrigger } from './triggers/RevisitTrigger';
export { issueSupervision } from './instructions/IssueSupervisionInstruction';
export * from './domain/supervision';
