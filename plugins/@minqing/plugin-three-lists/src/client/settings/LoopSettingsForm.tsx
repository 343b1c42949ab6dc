import { useAPIClient, useRequest } from '@nocobase/client';
import { App, Button, Card, Form, InputNumber, Spin, Switch } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

const NS = '@minqing/plugin-three-lists';

const DAYS = [
  ['firstReceiverDeadlineDays', 'Deadline for first-receiver handling (working days)', 1, 60],
  ['leaderGuaranteeDeadlineDays', 'Deadline for leader-guaranteed problems (working days)', 1, 250],
  ['responseLimitDays', 'Response limit (working days)', 1, 30],
  ['minSample', 'Minimum cases for a league table', 1, 1000],
] as const;

const SWITCHES = [
  'closeOnSatisfiedEvaluation',
  'reopenOnUnresolvedRevisit',
  'reopenOnDissatisfiedEvaluation',
  'basicCountsAsSatisfied',
] as const;

const SWITCH_LABELS: Record<(typeof SWITCHES)[number], string> = {
  closeOnSatisfiedEvaluation: 'Close also on an evaluation of basically satisfied or better',
  reopenOnUnresolvedRevisit: 'Reopen when a revisit finds it unresolved',
  reopenOnDissatisfiedEvaluation: 'Reopen on a dissatisfied public evaluation',
  basicCountsAsSatisfied: 'Count basically satisfied in the satisfaction rate',
};

/** The loop's rules an administrator tunes: deadlines in working days, close-out and reopen rules. */
export function LoopSettingsForm() {
  const { t } = useTranslation([NS, 'client']);
  const api = useAPIClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = React.useState(false);
  const { data, loading } = useRequest<{ data: Record<string, unknown> }>({ url: 'mqThreeLists:getSettings' });

  if (loading) return <Spin />;

  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await api.request({ url: 'mqThreeLists:updateSettings', method: 'post', data: values });
      message.success(t('Saved'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('Loop rules')} style={{ marginTop: 16 }} data-testid="mq-loop-settings">
      <Form form={form} layout="vertical" initialValues={data?.data} onFinish={save} style={{ maxWidth: 560 }}>
        {DAYS.map(([name, label, min, max]) => (
          <Form.Item key={name} name={name} label={t(label)} rules={[{ required: true, type: 'integer', min, max }]}>
            <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} data-testid={`mq-setting-${name}`} />
          </Form.Item>
        ))}
        {SWITCHES.map((name) => (
          <Form.Item key={name} name={name} label={t(SWITCH_LABELS[name])} valuePropName="checked">
            <Switch data-testid={`mq-setting-${name}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="mq-settings-save">
          {t('Save')}
        </Button>
      </Form>
    </Card>
  );
}
