import { useRequest } from '@nocobase/client';
import { Card, Space, Spin, Tag } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

const NS = '@minqing/plugin-supervision';

interface Workflow {
  id: number;
  key: string;
  title: string;
  enabled: boolean;
  current: boolean;
}

/**
 * 督办与回访's presets (临期提醒, 逾期督办, 办结回访, 每月调度, 作风监督, the seasonal 未诉先办 checks): each
 * a link to its workflow in NocoBase's designer, where the office changes its dates, levels and
 * nodes. Found by their keys, which all start with `mq-` (presets/index.ts); an office's own
 * workflows get NocoBase's random keys.
 */
export function PresetsPanel() {
  const { t } = useTranslation([NS, 'client']);
  const { data, loading } = useRequest<{ data: Workflow[] }>({
    url: 'workflows:list',
    // no filter in the query string: an object there arrives as text ("true"), which matches no boolean
    params: { fields: ['id', 'key', 'title', 'enabled', 'current'], sort: ['id'], paginate: false },
  });
  // the current version of ours, by their key (`key` is a uid field: no string operators on it in a filter)
  const presets = (data?.data ?? []).filter((w) => w.current && String(w.key).startsWith('mq-'));
  return (
    <Card title={t('Supervision presets')} style={{ marginTop: 16 }} data-testid="mq-supervision-presets">
      <p>{t('Each preset is a workflow: open it in the designer to change when it runs and what it does.')}</p>
      {loading ? <Spin /> : null}
      <Space direction="vertical">
        {presets.map((w) => (
          // a plain element carries the key for tests and styles (antd's Space does not pass data-* on)
          <div key={w.id} data-preset={w.key} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <a href={`/admin/settings/workflow/workflows/${w.id}`}>{w.title}</a>
            <Tag color={w.enabled ? 'green' : 'default'}>{w.enabled ? t('On') : t('Off')}</Tag>
          </div>
        ))}
      </Space>
      <p style={{ marginTop: 12 }}>
        <a href="/admin/settings/workflow">{t('All workflows')}</a>
      </p>
    </Card>
  );
}
