import type { WorkbenchPage } from '.';
import { tt } from './i18n';

/**
 * 数据看板 from the core's `mqStats:dashboard`: one scope per viewer (the bureau for the office,
 * a leader's own units), stated at the top; counts, the five rates each with its sample (a small
 * sample marked, never a percentage), and every status, category, source and satisfaction level
 * with its label in the viewer's language. Both blocks are ordinary JS blocks, editable in place.
 */
const LOAD = `
const answer = await ctx.api.request({ url: 'mqStats:dashboard', method: 'get' });
const d = (answer && answer.data && answer.data.data) || {};
const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
`;

const KPI_SCRIPT = `${LOAD}
const pct = (v) => (v * 100).toFixed(1) + '%';
const card = (attrs, label, value, note, warn) =>
  '<div ' + attrs + ' style="padding:12px 16px;border:1px solid #f0f0f0;border-radius:8px">' +
  '<div style="color:#888;font-size:13px">' + esc(label) + '</div>' +
  '<div data-kpi-value style="font-size:26px;font-weight:600' + (warn ? ';color:#aaa' : '') + '">' + esc(value) + '</div>' +
  (note ? '<div data-note style="font-size:12px;color:' + (warn ? '#d46b08' : '#888') + '">' + esc(note) + '</div>' : '') +
  '</div>';
const scope = d.scope || {};
ctx.render(
  '<div data-scope="' + esc(scope.kind) + '" style="margin-bottom:12px;font-weight:500">' + esc(scope.label) + '</div>' +
  '<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px">' +
    (d.counts || []).map((c) => card('data-kpi="' + esc(c.key) + '"', c.label, c.value, '', false)).join('') +
    (d.rates || [])
      .map((r) =>
        card(
          'data-kpi="' + esc(r.key) + '" data-sample="' + esc(r.sample) + '"' + (r.smallSample ? ' data-small-sample' : ''),
          r.label,
          r.value === null ? '—' : pct(r.value),
          r.note,
          r.smallSample,
        ),
      )
      .join('') +
  '</div>',
);
`;

const DISTRIBUTION_SCRIPT = `${LOAD}
const list = (dist) => {
  const max = Math.max(1, ...dist.items.map((i) => i.count));
  return '<div data-distribution="' + esc(dist.key) + '" style="flex:1 1 300px;min-width:0">' +
    '<div style="font-weight:600;margin-bottom:8px">' + esc(dist.label) + '</div>' +
    dist.items.map((i) =>
      '<div data-category="' + esc(i.value) + '" style="display:flex;align-items:center;gap:8px;margin:4px 0">' +
      '<div style="flex:0 0 40%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap" title="' + esc(i.label) + '">' + esc(i.label) + '</div>' +
      '<div style="flex:1;background:#f5f5f5;border-radius:3px;height:14px"><div style="width:' + (i.count / max) * 100 + '%;background:#1677ff;height:14px;border-radius:3px"></div></div>' +
      '<div data-count style="flex:0 0 48px;text-align:right">' + esc(i.count) + '</div></div>',
    ).join('') + '</div>';
};
ctx.render('<div style="display:flex;flex-wrap:wrap;gap:24px">' + (d.distributions || []).map(list).join('') + '</div>');
`;

export const dashboard: WorkbenchPage = {
  key: 'dashboard',
  title: tt('Dashboard'),
  icon: 'DashboardOutlined',
  roles: ['mq_admin', 'mq_leader'],
  needs: ['mq_problems', 'mq_revisits'],
  assets: {
    scripts: { kpis: { code: KPI_SCRIPT }, distributions: { code: DISTRIBUTION_SCRIPT } },
  },
  tabs: [
    {
      key: 'main',
      title: tt('Dashboard'),
      blocks: [
        { key: 'kpis', type: 'jsBlock', title: tt('Key figures'), script: 'kpis' },
        { key: 'distributions', type: 'jsBlock', title: tt('Problems and revisits by kind'), script: 'distributions' },
      ],
    },
  ],
};
