export { default } from './plugin';
export { liaisonCoverage } from './domain/coverage';
export { LIAISON_SETTINGS } from './domain/settings';
export type { LiaisonSettings } from './domain/settings';
