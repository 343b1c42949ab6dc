import type { WorkbenchPage } from '.';

/**
 * The headline figures (KPI) come from the core's `mqStats:get`, the same numbers as the public
 * page and the monthly dispatch; the charts are the data-visualization plugin's, editable in place.
 */
const KPI_SCRIPT = `
const stats = ctx.makeResource('SingleRecordResource');
stats.setResourceName('mqStats');
await stats.refresh();
const f = (stats.getData() && stats.getData().overall && stats.getData().overall.figures) || {};
const count = async (filter) => {
  const problems = ctx.makeResource('MultiRecordResource');
  problems.setResourceName('mq_problems');
  if (filter) problems.setFilter(filter);
  problems.setPageSize(1);
  await problems.refresh();
  return (problems.getMeta() && problems.getMeta().count) || 0;
};
const pct = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
const items = [
  ['problems', '问题总数', String(await count())],
  ['closed', '已销号', String(await count({ status: { $eq: 'closed' } }))],
  ['overdue', '逾期未办结', String(f.overdueCount ?? '—')],
  ['responseRate', '响应率', pct(f.responseRate)],
  ['onTimeRate', '按期办结率', pct(f.onTimeRate)],
  ['resolutionRate', '解决率', pct(f.resolutionRate)],
  ['satisfactionRate', '满意率', pct(f.satisfactionRate)],
  ['revisitRate', '回访率', pct(f.revisitRate)],
];
ctx.render(
  '<div style="display:flex;flex-wrap:wrap;gap:12px">' +
    items
      .map(
        ([key, label, value]) =>
          '<div data-kpi="' + key + '" style="flex:1 1 140px;padding:12px 16px;border:1px solid #f0f0f0;border-radius:8px">' +
          '<div style="color:#888;font-size:13px">' + label + '</div>' +
          '<div data-kpi-value style="font-size:26px;font-weight:600">' + value + '</div></div>',
      )
      .join('') +
    '</div>',
);
`;

const count = (collectionName: string, dimension: string, type: string, alias: string) => ({
  query: {
    mode: 'builder',
    resource: { dataSourceKey: 'main', collectionName },
    measures: [{ field: 'id', aggregation: 'count', alias }],
    dimensions: [{ field: dimension }],
  },
  visual:
    type === 'pie'
      ? { mode: 'basic', type, mappings: { category: dimension, value: alias } }
      : { mode: 'basic', type, mappings: { x: dimension, y: alias } },
});

export const dashboard: WorkbenchPage = {
  key: 'dashboard',
  title: '数据看板',
  icon: 'DashboardOutlined',
  roles: ['mq_admin', 'mq_leader'],
  needs: ['mq_problems', 'mq_revisits'],
  assets: {
    scripts: { kpis: { code: KPI_SCRIPT } },
    charts: {
      byStatus: count('mq_problems', 'status', 'pie', 'problems'),
      byCategory: count('mq_problems', 'category', 'bar', 'problems'),
      bySource: count('mq_problems', 'source', 'pie', 'problems'),
      bySatisfaction: count('mq_revisits', 'satisfaction', 'pie', 'revisits'),
    },
  },
  tabs: [
    {
      key: 'main',
      title: '数据看板',
      blocks: [
        { key: 'kpis', type: 'jsBlock', title: '核心指标', script: 'kpis' },
        { key: 'byStatus', type: 'chart', title: '问题办理状态', chart: 'byStatus' },
        { key: 'byCategory', type: 'chart', title: '问题类别', chart: 'byCategory' },
        { key: 'bySource', type: 'chart', title: '问题来源', chart: 'bySource' },
        { key: 'bySatisfaction', type: 'chart', title: '回访满意度', chart: 'bySatisfaction' },
      ],
      layout: {
        rows: [
          ['kpis'],
          [
            { key: 'byStatus', span: 12 },
            { key: 'byCategory', span: 12 },
          ],
          [
            { key: 'bySource', span: 12 },
            { key: 'bySatisfaction', span: 12 },
          ],
        ],
      },
    },
  ],
};
