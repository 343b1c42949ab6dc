import type { WorkbenchPage } from '..';
import { onePage, table } from '../blocks';
import { tt } from '../i18n';

/** 联系点覆盖率 from mqLiaison:coverage, in the viewer's language (the liaison plugin's texts). */
const COVERAGE_SCRIPT = `
const answer = await ctx.api.request({ url: 'mqLiaison:coverage', method: 'get' });
const c = (answer && answer.data && answer.data.data) || {};
const t = (key, options) => ctx.t(key, Object.assign({ ns: '@minqing/plugin-liaison' }, options || {}));
const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
const names = (list) => (list && list.length ? list.map((l) => '<span style="display:inline-block;margin:2px 6px 2px 0;padding:0 8px;background:#f5f5f5;border-radius:4px">' + esc(l.nickname || l.name) + (l.count != null ? ' (' + esc(l.count) + ')' : '') + '</span>').join('') : '—');
const row = (key, label, value) => '<tr data-coverage="' + key + '"><th style="text-align:left;padding:6px 12px;white-space:nowrap;color:#666;font-weight:500">' + esc(label) + '</th><td style="padding:6px 12px">' + value + '</td></tr>';
ctx.render('<table style="border-collapse:collapse;width:100%">' +
  row('rate', t('Coverage rate'), (c.rate == null ? '—' : (Math.round(c.rate * 1000) / 10) + '%') + ' (' + esc(t('{{n}} leaders', { n: c.leaders || 0 })) + ')') +
  row('none', t('No liaison point'), names(c.none)) +
  row('below', t('Below the range'), names(c.belowRange)) +
  row('within', t('Within the range'), names(c.withinRange)) +
  row('above', t('Above the range'), names(c.aboveRange)) +
  row('units', t('Units nobody liaises'), names(c.unitsWithoutLiaison)) +
  '</table>');
`;

/** 基层单位 as a tree (Excel import for the first load), and who liaises where. */
export const units: WorkbenchPage = {
  key: 'units',
  title: tt('Units and liaison points'),
  icon: 'ApartmentOutlined',
  roles: ['mq_admin'],
  needs: ['mq_units', 'mq_liaison_points'],
  assets: { scripts: { coverage: { code: COVERAGE_SCRIPT } } },
  tabs: [
    {
      key: 'units',
      title: tt('Units'),
      blocks: [
        {
          ...table('mq_units', {
            key: 'units',
            fields: ['name', 'type', 'region'],
            actions: ['filter', 'addNew', 'import', 'export', 'refresh'],
            // 添加下级: a school under its county bureau
            recordActions: ['view', 'edit', 'addChild'],
            pageSize: 50,
          }),
          settings: { pageSize: 50, treeTable: true },
        },
      ],
    },
    {
      key: 'liaison',
      title: tt('Liaison points and coverage'),
      blocks: [
        { key: 'coverage', type: 'jsBlock', title: tt('Liaison point coverage'), script: 'coverage' },
        table('mq_liaison_points', {
          key: 'liaisonPoints',
          title: tt('Liaison points'),
          fields: ['cadre', 'unit', 'since', 'active', 'note'],
          sort: [{ field: 'since', direction: 'desc' }],
          actions: ['filter', 'addNew', 'refresh', 'export'],
          recordActions: ['view', 'edit'],
        }),
      ],
    },
  ],
};

/** 坐窗口走流程: the sittings, and the 难点/堵点/痛点 found there (each can become a problem). */
export const windows: WorkbenchPage = {
  key: 'window-sittings',
  title: tt('Window sittings'),
  icon: 'ShopOutlined',
  roles: ['mq_admin', 'mq_leader', 'mq_cadre'],
  needs: ['mq_window_sittings', 'mq_pain_points'],
  tabs: [
    {
      key: 'sittings',
      title: tt('Window sittings'),
      blocks: [
        table('mq_window_sittings', {
          key: 'sittings',
          fields: ['sittingOn', 'cadre', 'unit', 'service', 'process'],
          sort: [{ field: 'sittingOn', direction: 'desc' }],
          actions: ['filter', 'addNew', 'refresh', 'export'],
          recordActions: ['view', 'edit'],
        }),
      ],
    },
    {
      key: 'painPoints',
      title: tt('Pain points'),
      blocks: [
        table('mq_pain_points', {
          key: 'painPoints',
          fields: ['kind', 'description', 'sitting', 'problem'],
          sort: [{ field: 'createdAt', direction: 'desc' }],
          actions: ['filter', 'addNew', 'refresh', 'export'],
          recordActions: ['view', 'edit'],
        }),
      ],
    },
  ],
  buttons: [{ block: 'painPoints', row: ['painPointToProblem'] }],
};
