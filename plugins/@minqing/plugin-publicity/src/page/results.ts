import type { PublishedList } from '../server/answers';
import { call } from './api';
import { h, pill, replace } from './dom';
import { boot, formatDay, STATUS_TONES, statusText, t } from './i18n';
import { unitSearch } from './unit-search';

const PAGE_SIZE = 10;

/** 成效公开: what the office published, with a search, filters and "show more". */
export function resultsTab(): HTMLElement {
  const { categories, statuses } = boot().options;
  const filters: Record<string, unknown> = {};
  let page = 1;
  const list = h('div', { 'data-testid': 'mq-public-results-area' });
  const more = h('button', { type: 'button', className: 'mq-btn mq-block', hidden: true }, t('Show more'));
  const categoryLabel = (value: string) => categories.find((c) => c.value === value)?.label ?? value;

  const card = (row: PublishedList['rows'][number]) =>
    h(
      'article',
      { className: 'mq-card' },
      h('div', { className: 'mq-row mq-between' }, h('h3', null, row.title), pill(statusText(row.status), STATUS_TONES[row.status])),
      row.summary ? h('p', { className: 'mq-pre', style: { margin: '4px 0 8px' } }, row.summary) : null,
      h(
        'div',
        { className: 'mq-meta' },
        h('span', null, categoryLabel(row.category)),
        row.unit ? h('span', null, row.unit.name) : null,
        h('span', null, `${t('Reported')} ${formatDay(row.reportedAt)}`),
        row.doneAt ? h('span', null, `${t('Done on')} ${formatDay(row.doneAt)}`) : null,
        row.evaluationAverage !== null
          ? h('span', null, t('Public score {{score}} ({{n}} ratings)', { score: row.evaluationAverage, n: row.evaluations }))
          : null,
        h('span', null, row.code),
      ),
    );

  const load = async (append: boolean) => {
    if (!append) {
      page = 1;
      replace(list, h('p', { className: 'mq-muted' }, t('Loading…')));
    }
    more.disabled = true;
    try {
      const data = await call<PublishedList>('list', { params: { ...filters, page, pageSize: PAGE_SIZE } });
      const cards = data.rows.map(card);
      if (append) {
        list.querySelector('[data-testid="mq-public-results"]')?.append(...cards);
      } else if (cards.length) {
        replace(
          list,
          h('p', { className: 'mq-muted' }, t('{{count}} results', { count: data.meta.count })),
          h('div', { 'data-testid': 'mq-public-results' }, cards),
        );
      } else {
        replace(list, h('p', { className: 'mq-empty', 'data-testid': 'mq-public-empty' }, t('Nothing published yet')));
      }
      more.hidden = page * PAGE_SIZE >= data.meta.count;
    } catch (e) {
      replace(list, h('div', { className: 'mq-alert mq-alert-error', role: 'alert' }, (e as Error).message));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => {
    page += 1;
    void load(true);
  });

  const set = (change: Record<string, unknown>) => {
    Object.assign(filters, change);
    void load(false);
  };
  const search = h('input', {
    className: 'mq-input',
    type: 'search',
    enterkeyhint: 'search',
    placeholder: t('Search the results'),
    'aria-label': t('Search the results'),
    'data-testid': 'mq-public-search',
  });
  const form = h(
    'form',
    {
      className: 'mq-search mq-wide',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        search.blur();
        set({ q: search.value.trim() || undefined });
      },
    },
    search,
    h('button', { type: 'submit', className: 'mq-btn' }, t('Search')),
  );
  const select = (label: string, testId: string, options: { value: string; label: string }[], key: string) =>
    h(
      'select',
      { className: 'mq-input', 'aria-label': label, 'data-testid': testId, onchange: (e: Event) => set({ [key]: (e.target as HTMLSelectElement).value || undefined }) },
      h('option', { value: '' }, label),
      options.map((o) => h('option', { value: o.value }, o.label)),
    );
  const unit = unitSearch({ id: 'mq-results-unit', placeholder: t('All units'), testId: 'mq-public-unit', onChange: (unitId) => set({ unitId }) });
  unit.el.classList.add('mq-wide');

  void load(false);
  return h(
    'section',
    null,
    h(
      'div',
      { className: 'mq-filters' },
      form,
      select(t('All categories'), 'mq-public-category', categories, 'category'),
      select(t('All statuses'), 'mq-public-status', statuses.map((s) => ({ value: s, label: statusText(s) })), 'status'),
      unit.el,
    ),
    list,
    more,
  );
}
