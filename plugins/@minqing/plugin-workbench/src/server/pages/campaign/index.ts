import type { WorkbenchPage } from '..';
import { inbox } from './inbox';
import { dispatch, ledger } from './reports';
import { units, windows } from './units';
import { care, cases, projects, talks } from './warm-hearts';
import { proactive, workStyle } from './work-style';

/** The rest of the campaign, after the loop's pages, in menu order. */
export const CAMPAIGN_PAGES: WorkbenchPage[] = [
  inbox,
  workStyle,
  proactive,
  units,
  windows,
  projects,
  talks,
  cases,
  care,
  dispatch,
  ledger,
];
