export { default } from './plugin';
export { classifyLeaders, DEFAULT_LIAISON_SETTINGS } from './services/coverage';
