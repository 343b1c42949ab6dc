import { useAPIClient, useRequest } from '@nocobase/client';
import { App, Button, Card, Form, Input, InputNumber, Spin, Typography } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

const NS = '@minqing/plugin-publicity';

const NUMBERS = [
  ['submissionsPerWindow', 'Reports one address may send per window', 1, 10000],
  ['lookupsPerWindow', 'Tracking and evaluation requests per address per window', 1, 100000],
  ['windowMinutes', 'Window (minutes)', 1, 1440],
  ['maxBodyKB', 'Largest report (KB, photos included)', 16, 10240],
  ['maxPhotos', 'Photos per report', 0, 9],
  ['maxPhotoKB', 'Largest photo (KB)', 16, 20480],
  ['maxDescriptionLength', 'Longest description (characters)', 50, 20000],
  ['evaluationDays', 'Days an evaluation link stays valid', 1, 365],
  ['cacheSeconds', 'Seconds public answers are cached', 1, 86400],
] as const;

/** Limits of the public intake, evaluation links and the public page's cache. */
export function PublicitySettingsForm() {
  const { t } = useTranslation([NS, 'client']);
  const api = useAPIClient();
  const { message } = App.useApp();
  const [saving, setSaving] = React.useState(false);
  const { data, loading } = useRequest<{ data: Record<string, unknown> }>({ url: 'mqPublicity:getSettings' });
  if (loading) return <Spin />;

  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await api.request({ url: 'mqPublicity:updateSettings', method: 'post', data: values });
      message.success(t('Saved'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('Public page and intake')} style={{ marginTop: 16 }} data-testid="mq-publicity-settings">
      <Typography.Paragraph>
        {t('The public page is at')}{' '}
        <a href="/minqing/public" target="_blank" rel="noreferrer">
          /minqing/public
        </a>
      </Typography.Paragraph>
      <Form layout="vertical" initialValues={data?.data} onFinish={save} style={{ maxWidth: 560 }}>
        {NUMBERS.map(([name, label, min, max]) => (
          <Form.Item key={name} name={name} label={t(label)} rules={[{ required: true, type: 'integer', min, max }]}>
            <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item
          name="notificationChannel"
          label={t('Notification channel that sends evaluation links (e.g. an e-mail channel)')}
        >
          <Input placeholder="email" />
        </Form.Item>
        <Form.Item name="publicBaseUrl" label={t('Address of this site, for links sent out')}>
          <Input placeholder="https://edu.example.gov.cn" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('Save')}
        </Button>
      </Form>
    </Card>
  );
}
