import { useAPIClient, useRequest } from '@nocobase/client';
import { App, Button, Card, Form, Input, InputNumber, Spin, Switch } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingSpec, SettingsSchema } from '../../server/domain/settings-schema';

const NS = '@minqing/plugin-three-lists';

export interface SettingsFormProps {
  /** the plugin's resource: its `getSettings` and `updateSettings` actions */
  resource: string;
  /** the schema the server checks every change against: the form shows each setting that has a label, with its range */
  schema: SettingsSchema;
  layout?: 'vertical' | 'inline';
  onSaved?: () => void;
  /** shown as a card with this title (a message key in the schema's namespace); without, the form alone */
  title?: string;
  testId?: string;
  /** what the card says above the form */
  children?: React.ReactNode;
}

function input(name: string, spec: SettingSpec) {
  const testId = `mq-setting-${name}`;
  switch (spec.type) {
    case 'integer':
      return <InputNumber min={spec.min} max={spec.max} precision={0} style={{ width: 160 }} data-testid={testId} />;
    case 'boolean':
      return <Switch data-testid={testId} />;
    default:
      return spec.type === 'text' && spec.multiline ? (
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} style={{ maxWidth: 560 }} data-testid={testId} />
      ) : (
        <Input style={{ maxWidth: 400 }} data-testid={testId} />
      );
  }
}

function rules(spec: SettingSpec) {
  if (spec.type === 'integer') return [{ required: true, type: 'integer' as const, min: spec.min, max: spec.max }];
  if (spec.type === 'text') return [{ max: spec.maxLength, pattern: spec.pattern }];
  return [];
}

/** A plugin's settings as a form made from its settings schema (kinds, ranges, labels, order). */
export function SettingsForm(props: SettingsFormProps) {
  const { resource, schema, layout = 'vertical', onSaved, title, testId, children } = props;
  const { t } = useTranslation([schema.ns, NS, 'client']);
  const api = useAPIClient();
  const { message } = App.useApp();
  const [saving, setSaving] = React.useState(false);
  const { data, loading } = useRequest<{ data: Record<string, unknown> }>({ url: `${resource}:getSettings` });
  if (loading) return <Spin />;

  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await api.request({ url: `${resource}:updateSettings`, method: 'post', data: values });
      message.success(t('Saved'));
      onSaved?.();
    } finally {
      setSaving(false);
    }
  };

  const shown = Object.entries(schema.fields).filter(([, spec]) => spec.label);
  const form = (
    <Form
      layout={layout}
      initialValues={data?.data}
      onFinish={save}
      style={layout === 'vertical' ? { maxWidth: 560 } : { marginBottom: 16 }}
    >
      {shown.map(([name, spec]) => (
        <Form.Item
          key={name}
          name={name}
          label={t(spec.label as string)}
          rules={rules(spec)}
          valuePropName={spec.type === 'boolean' ? 'checked' : 'value'}
        >
          {input(name, spec)}
        </Form.Item>
      ))}
      <Button
        type={layout === 'vertical' ? 'primary' : 'default'}
        htmlType="submit"
        loading={saving}
        data-testid="mq-settings-save"
      >
        {t('Save')}
      </Button>
    </Form>
  );
  if (!title) return form;
  return (
    <Card title={t(title)} style={{ marginTop: 16 }} data-testid={testId}>
      {children}
      {form}
    </Card>
  );
}
