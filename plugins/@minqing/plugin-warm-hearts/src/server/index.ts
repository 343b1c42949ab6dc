export { default } from './plugin';
export { CARE_COLLECTIONS } from './services/collections';
