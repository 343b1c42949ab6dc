import { Card, Empty, Image, Space, Spin, Typography } from 'antd';
import React from 'react';
import type { CasesPage } from '../../server/answers';
import { formatDay, usePublicData, usePublicT } from './api';

/** 先进典型 */
export function CasesList() {
  const { t } = usePublicT();
  const { data, loading } = usePublicData<CasesPage>('cases', { pageSize: 20 });
  return (
    <Spin spinning={loading}>
      {data?.rows?.length ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="mq-public-cases">
          {data.rows.map((c) => (
            <Card key={c.id} size="small" title={c.title}>
              {c.story ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.story}</Typography.Paragraph>
              ) : null}
              {c.outcome ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  <Typography.Text strong>{t('Outcome')}：</Typography.Text>
                  {c.outcome}
                </Typography.Paragraph>
              ) : null}
              {c.photos?.length ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {c.photos.map((url) => (
                      <Image key={url} src={url} width={96} height={96} style={{ objectFit: 'cover' }} alt="" />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.unit?.name ?? ''} {formatDay(c.publishedAt)}
              </Typography.Text>
            </Card>
          ))}
        </Space>
      ) : (
        !loading && <Empty description={t('No typical cases yet')} />
      )}
    </Spin>
  );
}
