export { default } from './plugin';
export { ensureWorkbenchPages, staleStoredPages, type MadePage } from './services/pages';
