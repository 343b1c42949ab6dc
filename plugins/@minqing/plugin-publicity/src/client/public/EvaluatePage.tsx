import { Alert, Button, Card, Form, Input, Radio, Rate, Result, Spin } from 'antd';
import React from 'react';
import { useParams } from 'react-router-dom';
import type { EvaluationCheck } from '../../server/answers';
import { formatDay, usePublicApi, usePublicData, usePublicT } from './api';
import { PublicLayout } from './PublicLayout';

/** GB/T 39735's five levels, 1 = 非常不满意 … 5 = 非常满意 */
const LEVELS = ['Very dissatisfied', 'Dissatisfied', 'Basically satisfied', 'Satisfied', 'Very satisfied'];

/** /minqing/public/evaluate/:token — one evaluation per link. */
export function EvaluatePage() {
  const { token } = useParams();
  const { t } = usePublicT();
  const call = usePublicApi();
  const check = usePublicData<EvaluationCheck>('evaluation', { token });
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [done, setDone] = React.useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(undefined);
    try {
      await call('evaluate', { body: { ...values, token } });
      setDone(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };

  let body: React.ReactNode;
  if (check.loading) body = <Spin />;
  else if (done)
    body = (
      <div data-testid="mq-evaluate-done">
        <Result status="success" title={t('Thank you for your evaluation')} />
      </div>
    );
  else if (check.error || !check.data)
    body = (
      <div data-testid="mq-evaluate-refused">
        <Result status="warning" title={check.error?.message} />
      </div>
    );
  else
    body = (
      <Card size="small" title={t('How was your report handled?')}>
        <p>
          {t('Report {{code}}, done on {{day}}', { code: check.data.trackingCode, day: formatDay(check.data.doneAt) })}
        </p>
        {check.data.reply ? (
          <Alert type="info" message={check.data.reply} style={{ marginBottom: 12, whiteSpace: 'pre-wrap' }} />
        ) : null}
        <Form
          layout="vertical"
          onFinish={submit}
          initialValues={{ evaluatorKind: 'parent' }}
          data-testid="mq-evaluate-form"
        >
          <Form.Item
            name="score"
            label={t('Your rating')}
            rules={[{ required: true, message: t('Please choose one of the five levels, 1 to 5') }]}
          >
            <Rate tooltips={LEVELS.map((l) => t(l))} style={{ fontSize: 32 }} data-testid="mq-evaluate-score" />
          </Form.Item>
          <Form.Item name="evaluatorKind" label={t('You are')}>
            <Radio.Group
              options={['parent', 'student', 'teacher', 'other'].map((v) => ({ value: v, label: t(`evaluator.${v}`) }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item name="comment" label={t('Comment (optional)')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={sending}
            block
            size="large"
            data-testid="mq-evaluate-submit"
          >
            {t('Submit evaluation')}
          </Button>
        </Form>
      </Card>
    );
  return <PublicLayout>{body}</PublicLayout>;
}
