import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import React, { useRef, useState } from 'react';
import type { Step, StepField } from './steps';

type T = (key: string, options?: Record<string, unknown>) => string;
type Api = { request: (config: Record<string, unknown>) => Promise<any> };

const THREE_LISTS = '@minqing/plugin-three-lists';

/**
 * People by part of their name, for the responsible person and the guarantor leader. Asks the
 * core's people search (`mqThreeLists:people`), open to every role that may assign: the office's
 * role may not list NocoBase's users, and needs no more of them than a name and a unit.
 */
function UserSelect({
  api,
  role,
  value,
  onChange,
}: {
  api: Api;
  role?: 'leader';
  value?: number;
  onChange?: (v: number) => void;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  // typing sends one search per key: only the answer to the latest may fill the list
  const latest = useRef(0);
  const search = async (text: string) => {
    const asked = ++latest.current;
    const { data } = await api.request({ url: 'mqThreeLists:people', params: { q: text, role } });
    if (asked !== latest.current) return;
    setOptions(
      (data?.data ?? []).map((u: { id: number; nickname?: string; username: string; unit?: string | null }) => ({
        value: u.id,
        label: `${u.nickname || u.username} (${u.username})${u.unit ? ` · ${u.unit}` : ''}`,
      })),
    );
  };
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={search}
      onFocus={() => options.length || search('')}
      options={options}
      data-testid="mq-user-select"
    />
  );
}

function control(field: StepField, t: T, api: Api) {
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />;
    case 'select':
      return (
        <Select
          allowClear
          options={(field.options ?? []).map((o) => ({ value: o.value, label: t(o.label, { ns: THREE_LISTS }) }))}
        />
      );
    case 'user':
      return <UserSelect api={api} role={field.role} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'percent':
      return <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />;
    default:
      return <Input />;
  }
}

/**
 * The small form of one step. Sends the step's request; a refusal stays in the form with the
 * server's message (already in the user's language) and nothing is lost.
 */
export function StepForm(props: {
  step: Step;
  problemId: number | string;
  t: T;
  api: Api;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { step, problemId, t, api } = props;
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    const raw = await form.validateFields();
    const values = Object.fromEntries(
      Object.entries(raw)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]: [string, any]) => [k, v?.format ? v.format('YYYY-MM-DD') : v]),
    );
    setBusy(true);
    setError(undefined);
    try {
      const { url, data } = await step.request(problemId, values, api);
      await api.request({ url, method: 'post', data, skipNotify: true });
      props.onDone();
    } catch (e: any) {
      // the server's message is in the user's language already; a step's own is a message key
      setError(e?.response?.data?.errors?.[0]?.message ?? (e?.message ? t(e.message) : String(e)));
    } finally {
      setBusy(false);
    }
  };
  const initialValues = Object.fromEntries(
    step.fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue]),
  );
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} data-testid={`mq-step-form-${step.key}`}>
      {step.confirm ? <p>{t(step.confirm)}</p> : null}
      {step.fields.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={t(field.label)}
          rules={
            field.required ? [{ required: true, message: t('{{field}} is required', { field: t(field.label) }) }] : []
          }
        >
          {control(field, t, api)}
        </Form.Item>
      ))}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Space>
        <Button type="primary" loading={busy} onClick={submit}>
          {t(step.label)}
        </Button>
        <Button onClick={props.onCancel}>{t('Cancel')}</Button>
      </Space>
    </Form>
  );
}
