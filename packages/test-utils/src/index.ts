export { createMinqingApp, MinqingTestApp, MINQING_PLUGINS, NOCOBASE_PLUGINS } from './app';
export type { Agent, MinqingAppOptions, TestUser } from './app';
export { importRows } from './xlsx';
