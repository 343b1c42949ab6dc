import { Alert, Button, Collapse, Form, Input, Result, Select, Space, Typography } from 'antd';
import React from 'react';
import { usePublicApi, usePublicT } from './api';
import type { SimilarReports, Submitted } from '../../server/answers';
import { UnitSelect } from './UnitSelect';

const MAX_SIDE = 1600;

/** A phone photo is 3–8 MB: shrink it in the browser to a JPEG of at most 1600 px. */
async function shrink(file: File): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const el = new window.Image();
      el.onload = () => resolve(el);
      el.onerror = reject;
      el.src = url;
    });
    const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** 我要反映: one form, one required field (the description). */
export function ReportForm({
  categories,
  onTrack,
}: {
  categories: { value: string; label: string }[];
  onTrack: (code: string) => void;
}) {
  const { t, label } = usePublicT();
  const call = usePublicApi();
  const [form] = Form.useForm();
  const [photos, setPhotos] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string>();
  const [sending, setSending] = React.useState(false);
  const [done, setDone] = React.useState<Submitted>();
  const [similar, setSimilar] = React.useState<SimilarReports>();
  const [sameAs, setSameAs] = React.useState<{ code: string; title: string }>();
  const { status } = usePublicT();

  // "others reported this — follow it instead?": asked when the text is written and the unit chosen
  const lookSimilar = async () => {
    const { description, unitId, category } = form.getFieldsValue();
    if (!unitId || typeof description !== 'string' || description.trim().length < 5) return setSimilar(undefined);
    try {
      setSimilar(await call<SimilarReports>('similar', { params: { description, unitId, category } }));
    } catch {
      setSimilar(undefined); // a hint, never in the way of the report
    }
  };

  const addPhotos = async (files: FileList | null) => {
    const chosen = Array.from(files ?? []).slice(0, 3 - photos.length);
    const shrunk = await Promise.all(chosen.map(shrink));
    setPhotos((p) => [...p, ...shrunk].slice(0, 3));
  };

  const submit = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(undefined);
    try {
      setDone(await call<Submitted>('submit', { body: { ...values, photos, ...(sameAs ? { sameAs: sameAs.code } : {}) } }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('Received. Keep your tracking code')}
        subTitle={
          <Typography.Title level={3} copyable data-testid="mq-tracking-code" style={{ margin: '8px 0' }}>
            {done.trackingCode}
          </Typography.Title>
        }
        extra={[
          <Button key="track" type="primary" onClick={() => onTrack(done.trackingCode)} data-testid="mq-go-track">
            {t('Track it')}
          </Button>,
          <Button
            key="again"
            onClick={() => {
              form.resetFields();
              setPhotos([]);
              setDone(undefined);
              setSimilar(undefined);
              setSameAs(undefined);
            }}
          >
            {t('Report another')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ category: 'other' }}
      onValuesChange={(changed: Record<string, unknown>) => {
        if ('unitId' in changed || 'category' in changed) void lookSimilar();
      }}
      data-testid="mq-report-form"
    >
      <Form.Item
        name="description"
        label={t('What happened?')}
        rules={[{ required: true, min: 5, message: t('Please describe the problem (at least 5 characters)') }]}
      >
        <Input.TextArea
          rows={5}
          maxLength={2000}
          showCount
          placeholder={t('Where, when, what: the more precise, the faster it is handled')}
          data-testid="mq-report-description"
          onBlur={lookSimilar}
        />
      </Form.Item>
      <Form.Item name="category" label={t('Category')}>
        <Select
          options={categories.map((c) => ({ value: c.value, label: label(c.label) }))}
          data-testid="mq-report-category"
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('School or unit (optional)')}>
        <UnitSelect placeholder={t('Search by name')} testId="mq-report-unit" />
      </Form.Item>
      {sameAs ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="mq-report-following"
          message={t('You follow: {{title}}', { title: sameAs.title })}
          description={t('Your report is added to this problem; you are told what happens to it')}
          action={
            <Button size="small" onClick={() => setSameAs(undefined)}>
              {t('Report it separately')}
            </Button>
          }
        />
      ) : similar && (similar.published.length || similar.others) ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="mq-report-similar"
          message={t('Others reported something like this')}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              {similar.published.map((p) => (
                <Space key={p.code} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <span>
                    {p.title} · {status(p.status)}
                  </span>
                  <Button size="small" onClick={() => setSameAs({ code: p.code, title: p.title })}>
                    {t('Follow it instead')}
                  </Button>
                </Space>
              ))}
              {similar.others ? (
                <Typography.Text type="secondary">
                  {t('{{count}} similar reports at this unit are being handled', { count: similar.others })}
                </Typography.Text>
              ) : null}
            </Space>
          }
        />
      ) : null}
      <Form.Item label={t('Photos (optional, up to 3)')}>
        <Space wrap>
          {photos.map((src, i) => (
            <div key={i} style={{ position: 'relative' }}>
              <img src={src} alt="" style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }} />
              <Button size="small" type="link" onClick={() => setPhotos((p) => p.filter((_, j) => j !== i))}>
                {t('Remove')}
              </Button>
            </div>
          ))}
          {photos.length < 3 ? (
            <input
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => addPhotos(e.target.files)}
              data-testid="mq-report-photos"
            />
          ) : null}
        </Space>
      </Form.Item>
      <Collapse
        ghost
        items={[
          {
            key: 'contact',
            label: t('Leave a contact (optional; only the campaign office sees it)'),
            children: (
              <>
                <Form.Item name="contactName" label={t('Name')}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="contactPhone" label={t('Phone')}>
                  <Input maxLength={20} inputMode="tel" />
                </Form.Item>
                <Form.Item name="contactEmail" label={t('E-mail (you are told what happens, and get the evaluation link)')}>
                  <Input maxLength={100} inputMode="email" />
                </Form.Item>
              </>
            ),
          },
        ]}
      />
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="mq-report-error" />
      ) : null}
      <Button type="primary" htmlType="submit" loading={sending} block size="large" data-testid="mq-report-submit">
        {t('Submit')}
      </Button>
    </Form>
  );
}
