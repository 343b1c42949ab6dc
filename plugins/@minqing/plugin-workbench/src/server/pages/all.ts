import { WORKBENCH_PAGES } from './index';
import { MOBILE_PAGES } from './mobile';

/** Every page we make: the desktop pages under 下基层察民情, then the phone app's. */
export const ALL_PAGES = [...WORKBENCH_PAGES, ...MOBILE_PAGES];

/** plugin-ui-layout's mobile layout (its DEFAULT_MOBILE_UI_LAYOUT), served at /v/mobile */
export const MOBILE_LAYOUT = 'mobile-layout-model';
