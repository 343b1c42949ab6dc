export { default } from './plugin';
export { ensureWorkbenchPages } from './services/pages';
