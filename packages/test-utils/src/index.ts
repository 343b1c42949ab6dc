export { createMinqingApp, restartMinqingApp, MinqingTestApp, MINQING_PLUGINS, NOCOBASE_PLUGINS } from './app';
export type { Agent, MinqingAppOptions, TestUser } from './app';
export { pinClock, unpinClock } from './clock';
export { eventually } from './eventually';
export type { EventuallyOptions } from './eventually';
export { workflowsSettled } from './workflows';
export { importRows } from './xlsx';
export { TestSmtpServer } from './smtp';
export type { ReceivedMail } from './smtp';
