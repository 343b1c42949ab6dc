/**
 * The public page (/minqing/public): results, figures, typical cases, report a problem, track
 * it, and the evaluation link — for parents on phones, without the admin client. The server puts
 * the texts and options in the document (services/public-page.ts); this script draws the page and
 * talks to the `mqPublic` API.
 */
import { casesTab } from './cases';
import { h, replace } from './dom';
import { evaluatePage } from './evaluate';
import { figuresTab } from './figures';
import { boot, t } from './i18n';
import { reportTab } from './report';
import { resultsTab } from './results';
import { CSS } from './style';
import { trackTab } from './track';

export const TABS = [
  { key: 'results', title: 'Results' },
  { key: 'figures', title: 'Figures' },
  { key: 'cases', title: 'Typical cases' },
  { key: 'report', title: 'Report a problem' },
  { key: 'track', title: 'Track' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

function header() {
  const other = boot().lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  // the other language at the same place (tab, code): the address as it is when tapped
  const there = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', other);
    return url.pathname + url.search;
  };
  return h(
    'header',
    { className: 'mq-head' },
    h(
      'div',
      { className: 'mq-head-in' },
      h('h1', null, t('Going down to the grassroots: the public page')),
      h('a', { className: 'mq-lang', href: there(), lang: other, 'data-testid': 'mq-public-lang', onclick: (e: Event) => ((e.currentTarget as HTMLAnchorElement).href = there()) }, t('Other language')),
    ),
  );
}

function publicPage(root: HTMLElement) {
  const main = h('main', { className: 'mq-main', id: 'mq-panel', role: 'tabpanel' });
  const tabs = TABS.map((tab) =>
    h('button', { type: 'button', role: 'tab', id: `mq-tab-${tab.key}`, className: 'mq-tab', 'aria-controls': 'mq-panel', onclick: () => go(tab.key) }, t(tab.title)),
  );
  const panels: Partial<Record<TabKey, HTMLElement>> = {};
  const params = () => new URLSearchParams(window.location.search);
  const tabOf = (): TabKey => {
    const asked = params().get('tab');
    return (TABS.find((tab) => tab.key === asked)?.key ?? 'results') as TabKey;
  };
  const setUrl = (change: Record<string, string | undefined>, push: boolean) => {
    const search = params();
    for (const [k, v] of Object.entries(change)) (v ? search.set(k, v) : search.delete(k));
    const next = `${window.location.pathname}?${search}`;
    if (push) window.history.pushState(null, '', next);
    else window.history.replaceState(null, '', next);
  };
  const show = () => {
    const key = tabOf();
    tabs.forEach((tab, i) => {
      const selected = TABS[i].key === key;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    });
    main.setAttribute('aria-labelledby', `mq-tab-${key}`);
    // each tab is drawn once and kept: going back to the results keeps the search and scroll
    panels[key] ??= build(key);
    replace(main, panels[key]);
  };
  const build = (key: TabKey): HTMLElement => {
    switch (key) {
      case 'figures':
        return figuresTab();
      case 'cases':
        return casesTab();
      case 'report':
        return reportTab((code) => {
          delete panels.track; // the new code is in the list of this phone's reports
          setUrl({ tab: 'track', code }, true);
          show();
        });
      case 'track':
        return trackTab(params().get('code') ?? undefined, (code) => setUrl({ code }, false));
      default:
        return resultsTab();
    }
  };
  const go = (key: TabKey) => {
    if (key === tabOf()) return;
    setUrl({ tab: key, code: undefined }, true);
    show();
    window.scrollTo({ top: 0 });
  };
  window.addEventListener('popstate', () => {
    delete panels.track;
    show();
  });
  // arrow keys move between tabs, as in any tab list
  const list = h('nav', { className: 'mq-tabs', role: 'tablist', 'aria-label': t('Campaign results for the public') }, tabs);
  list.addEventListener('keydown', (e) => {
    const i = TABS.findIndex((tab) => tab.key === tabOf());
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = (i + step + TABS.length) % TABS.length;
    go(TABS[next].key);
    tabs[next].focus();
  });
  replace(root, header(), list, main);
  show();
}

function start() {
  document.head.append(h('style', null, CSS));
  const root = document.getElementById('mq-app') as HTMLElement;
  const { evaluateToken, pagePath, lang } = boot();
  if (evaluateToken) {
    replace(
      root,
      header(),
      h('main', { className: 'mq-main' }, evaluatePage(evaluateToken), h('p', null, h('a', { className: 'mq-link', href: `${pagePath}?lang=${lang}` }, t('Back to the public page')))),
    );
  } else {
    publicPage(root);
  }
}

if (typeof window !== "undefined" && window.__MQ_PUBLIC__) start();
