import { Alert, Button, Card, Descriptions, Input, Space, Steps, Tag, Typography } from 'antd';
import React from 'react';
import { useNavigate } from 'react-router-dom';
import type { Tracking } from '../../server/answers';
import { formatDay, STATUS_COLORS, usePublicApi, usePublicT } from './api';

const STEP_TITLES: Record<string, string> = {
  submitted: 'Submitted',
  assigned: 'Assigned',
  accepted: 'Being handled',
  done: 'Done',
  closed: 'Closed',
  reopened: 'Reopened',
};

/** 进度查询: by tracking code; shows where it stands and, once done, the evaluation link. */
export function TrackPanel({ initialCode }: { initialCode?: string }) {
  const { t, status } = usePublicT();
  const call = usePublicApi();
  const navigate = useNavigate();
  const [code, setCode] = React.useState(initialCode ?? '');
  const [data, setData] = React.useState<Tracking>();
  const [error, setError] = React.useState<string>();
  const [loading, setLoading] = React.useState(false);

  const track = React.useCallback(
    async (value: string) => {
      if (!value) return;
      setLoading(true);
      setError(undefined);
      try {
        setData(await call<Tracking>('track', { params: { code: value } }));
      } catch (e) {
        setData(undefined);
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [call],
  );
  React.useEffect(() => {
    if (initialCode) void track(initialCode);
  }, [initialCode, track]);

  const steps = (data?.progress ?? []).filter((p) => p.step !== 'reopened' || p.at);
  const current = steps.reduce((last, p, i) => (p.at ? i : last), 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Input.Search
        value={code}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCode(e.target.value)}
        onSearch={track}
        enterButton={t('Track')}
        placeholder="JS-XXXX-XXXX-XXXX"
        loading={loading}
        size="large"
        data-testid="mq-track-code"
      />
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {data ? (
        <Card
          size="small"
          data-testid="mq-track-result"
          title={data.trackingCode}
          extra={<Tag color={STATUS_COLORS[data.status]}>{status(data.status)}</Tag>}
        >
          <Steps
            direction="vertical"
            size="small"
            current={current}
            items={steps.map((p) => ({
              title: t(STEP_TITLES[p.step]),
              description: p.at ? formatDay(p.at) : '',
              status: p.at ? 'finish' : 'wait',
            }))}
          />
          <Descriptions column={1} size="small">
            {data.unit ? <Descriptions.Item label={t('Unit')}>{data.unit.name}</Descriptions.Item> : null}
            {data.deadline ? <Descriptions.Item label={t('Promised by')}>{data.deadline}</Descriptions.Item> : null}
            {data.reply ? (
              <Descriptions.Item label={t('Reply')}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="mq-track-reply">
                  {data.reply}
                </Typography.Text>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {data.evaluation?.state === 'open' ? (
            <Button
              type="primary"
              block
              onClick={() => navigate(`/minqing/public/evaluate/${data.evaluation.token}`)}
              data-testid="mq-go-evaluate"
            >
              {t('Evaluate how it was handled')}
            </Button>
          ) : null}
          {data.evaluation?.state === 'used' ? (
            <Alert type="success" message={t('Thank you: you have evaluated it')} />
          ) : null}
          {data.evaluation?.state === 'expired' ? (
            <Alert type="warning" message={t('This evaluation link has expired')} />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
