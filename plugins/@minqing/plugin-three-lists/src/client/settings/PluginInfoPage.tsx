import { useRequest } from '@nocobase/client';
import { Alert, Card, Descriptions, Spin, Tag } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

const NS = '@minqing/plugin-three-lists';

export interface PluginInfo {
  packageName: string;
  displayName?: string;
  version: string;
  enabled: boolean;
  installed: boolean;
  nocobaseVersion: string;
  database: string;
  [key: string]: unknown;
}

/** Shows what `<resource>:info` answers: the proof that this plugin's server and client both run. */
export function PluginInfoPage({ resource }: { resource: string }) {
  const { t } = useTranslation([NS, 'client']);
  // The options form of useRequest resolves to the response body: `{ data: PluginInfo }`.
  const { data, loading, error } = useRequest<{ data: PluginInfo }>(
    { url: `${resource}:info` },
    { refreshDeps: [resource] },
  );

  if (loading) {
    return <Spin data-testid="mq-plugin-info-loading" />;
  }
  if (error || !data?.data) {
    return <Alert type="error" data-testid="mq-plugin-info-error" message={t('Cannot reach the plugin server')} />;
  }
  const info = data.data;
  return (
    <Card data-testid="mq-plugin-info" title={info.displayName || info.packageName}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('Package')}>{info.packageName}</Descriptions.Item>
        <Descriptions.Item label={t('Version')}>
          <span data-testid="mq-plugin-version">{info.version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('Status')}>
          <Tag color={info.enabled ? 'green' : 'default'} data-testid="mq-plugin-status">
            {info.enabled ? t('Enabled') : t('Disabled')}
          </Tag>
          {info.installed ? <Tag color="blue">{t('Installed')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('NocoBase version')}>{info.nocobaseVersion}</Descriptions.Item>
        <Descriptions.Item label={t('Database')}>{info.database}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
