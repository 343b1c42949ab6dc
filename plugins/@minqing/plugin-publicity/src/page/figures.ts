import type { RateFigure } from '@minqing/plugin-three-lists/domain';
import type { PublicStats } from '../server/answers';
import { call } from './api';
import { h, replace } from './dom';
import { boot, percent, t } from './i18n';

export const RATE_TITLES: Record<RateFigure, string> = {
  responseRate: 'Response rate',
  onTimeRate: 'On-time completion rate',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction rate',
  revisitRate: 'Revisit rate',
};
type Group = NonNullable<PublicStats['groups']>[number];
const OVERDUE_AGE_TITLES: Record<string, string> = {
  '1-7': 'Overdue 1–7 days',
  '8-30': 'Overdue 8–30 days',
  '31+': 'Overdue more than 30 days',
};

const stat = (title: string, value: string | number, testId?: string) =>
  h('div', { className: 'mq-stat', 'data-testid': testId }, h('div', null, title), h('strong', null, String(value)));

/**
 * A bar chart drawn with plain elements: the official charts plugin queries collections through
 * the ACL, and the public must not reach collections.
 */
function bars(rows: { label: string; value: number; note: string }[], testId: string) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return h(
    'div',
    { 'data-testid': testId },
    rows.map((r) =>
      h(
        'div',
        { className: 'mq-bar' },
        h('span', { title: r.label }, r.label),
        h('span', null, h('i', { style: { width: `${(r.value / max) * 100}%` } })),
        h('span', null, r.note ? `${r.value} · ${r.note}` : String(r.value)),
      ),
    ),
  );
}

/**
 * "Solved before anyone asked" (未诉先办) and whose ratings the satisfaction rate rests on, in
 * plain words: the public sees that problems are looked for, and that staff-entered ratings are
 * counted apart (issue 20).
 */
function plainWords(figures: PublicStats['overall']['figures']) {
  const lines: HTMLElement[] = [];
  if (figures.proactive.count > 0) {
    lines.push(
      h(
        'div',
        { className: 'mq-card mq-proactive', 'data-testid': 'mq-public-proactive' },
        h('h3', null, t('Solved before anyone asked')),
        h(
          'p',
          { style: { margin: '0' } },
          t('proactive.line', { count: figures.proactive.count, share: percent(figures.proactive.share) }),
        ),
      ),
    );
  }
  const { fromPublic } = figures;
  if (fromPublic.rated > 0 || fromPublic.ratedByStaff > 0) {
    lines.push(
      h(
        'p',
        { className: 'mq-muted', 'data-testid': 'mq-public-ratings' },
        t('ratings.fromPublic', { n: fromPublic.rated, rate: percent(fromPublic.satisfactionRate) }),
        fromPublic.ratedByStaff > 0 ? ` ${t('ratings.byStaff', { n: fromPublic.ratedByStaff })}` : '',
      ),
    );
  }
  return lines;
}

/** 数据: the campaign's figures, overall, by month, by unit and by region, and the overdue by age. */
export function figuresTab(): HTMLElement {
  // the core's list of rates, put in the document by the server (importing it here would bundle the core's domain)
  const RATE_FIGURES = boot().rates;
  let rate: RateFigure = 'satisfactionRate';
  const top = h('div', null, h('p', { className: 'mq-muted' }, t('Loading…')));
  const month = h('div', null);
  const unit = h('div', null);
  const region = h('div', null);
  const overdue = h('div', null);
  let groups: { month: Group[]; unit: Group[]; region: Group[] } = { month: [], unit: [], region: [] };

  const drawCharts = () => {
    const rows = (list: Group[], sort: boolean) =>
      (sort ? [...list].sort((a, b) => b.problems - a.problems).slice(0, 12) : list).map((g) => ({
        label: g.label,
        value: g.problems,
        // a group with fewer problems than the minimum shows no rate: say so rather than leave a gap
        note: g.smallSample ? t('small sample') : percent(g.figures?.[rate]),
      }));
    replace(
      month,
      h('h3', null, t('By month: problems, and the chosen rate')),
      groups.month.length ? bars(rows(groups.month, false), 'mq-chart-month') : h('p', { className: 'mq-empty' }, t('No figures yet')),
    );
    replace(
      unit,
      h('h3', null, t('By unit: problems, and the chosen rate')),
      groups.unit.length ? bars(rows(groups.unit, true), 'mq-chart-unit') : h('p', { className: 'mq-empty' }, t('No figures yet')),
    );
    replace(
      region,
      h('h3', null, t('By region: problems, and the chosen rate')),
      groups.region.length
        ? bars(rows(groups.region, true), 'mq-chart-region')
        : h('p', { className: 'mq-empty' }, t('No figures yet')),
    );
  };
  const chooser = h(
    'select',
    {
      id: 'mq-rate',
      className: 'mq-input',
      'data-testid': 'mq-public-rate',
      onchange: (e: Event) => {
        rate = (e.target as HTMLSelectElement).value as RateFigure;
        drawCharts();
      },
    },
    RATE_FIGURES.map((key) => h('option', { value: key, selected: key === rate }, t(RATE_TITLES[key]))),
  );

  void (async () => {
    try {
      const [overall, byMonth, byUnit, byRegion] = await Promise.all([
        call<PublicStats>('stats'),
        call<PublicStats>('stats', { params: { groupBy: 'month' } }),
        call<PublicStats>('stats', { params: { groupBy: 'unit' } }),
        call<PublicStats>('stats', { params: { groupBy: 'region' } }),
      ]);
      const figures = overall.overall.figures;
      replace(
        top,
        h(
          'div',
          { className: 'mq-stats', 'data-testid': 'mq-public-figures' },
          stat(t('Problems handled'), overall.overall.problems),
          RATE_FIGURES.map((key) => stat(t(RATE_TITLES[key]), percent(figures[key]))),
        ),
        plainWords(figures),
        h('p', { className: 'mq-muted' }, t('Rates with fewer than {{n}} cases are not shown.', { n: overall.minSample })),
      );
      groups = { month: byMonth.groups ?? [], unit: byUnit.groups ?? [], region: byRegion.groups ?? [] };
      drawCharts();
      const ages = (figures.overdueByAge ?? []).map((a) => ({ label: t(OVERDUE_AGE_TITLES[a.age]), value: a.count, note: '' }));
      replace(
        overdue,
        h('h3', null, t('Overdue, not done: how long ({{n}})', { n: figures.overdueCount ?? 0 })),
        figures.overdueCount ? bars(ages, 'mq-chart-overdue-age') : h('p', { className: 'mq-empty' }, t('No figures yet')),
      );
    } catch (e) {
      replace(top, h('div', { className: 'mq-alert mq-alert-error', role: 'alert' }, (e as Error).message));
    }
  })();

  return h(
    'section',
    null,
    top,
    h('div', { className: 'mq-field' }, h('label', { htmlFor: 'mq-rate', for: 'mq-rate' }, t('Rate shown in the charts')), chooser),
    h('div', { className: 'mq-card' }, month),
    h('div', { className: 'mq-card' }, unit),
    h('div', { className: 'mq-card' }, region),
    h('div', { className: 'mq-card' }, overdue),
  );
}
