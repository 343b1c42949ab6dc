import { Card, Col, Empty, Input, Pagination, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import React from 'react';
import type { PublicOptions, PublishedList } from '../../server/answers';
import { formatDay, STATUS_COLORS, usePublicData, usePublicT } from './api';
import { UnitSelect } from './UnitSelect';

/** 成效清单: what the office published, with search and filters. */
export function ResultsList({ options }: { options: PublicOptions }) {
  const { t, label, status } = usePublicT();
  const [filters, setFilters] = React.useState<Record<string, unknown>>({ page: 1, pageSize: 10 });
  const set = (change: Record<string, unknown>) => setFilters((f) => ({ ...f, page: 1, ...change }));
  const { data, loading, error } = usePublicData<PublishedList>('list', filters);
  const categoryLabel = (value: string) => label(options.categories.find((c) => c.value === value)?.label ?? value);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Row gutter={[8, 8]}>
        <Col xs={24} md={8}>
          <Input.Search
            allowClear
            placeholder={t('Search the results')}
            onSearch={(q: string) => set({ q })}
            data-testid="mq-public-search"
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('All categories')}
            options={options.categories.map((c) => ({ value: c.value, label: label(c.label) }))}
            onChange={(category?: string) => set({ category })}
            data-testid="mq-public-category"
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('All statuses')}
            options={options.statuses.map((s) => ({ value: s, label: status(s) }))}
            onChange={(value?: string) => set({ status: value })}
            data-testid="mq-public-status"
          />
        </Col>
        <Col xs={24} md={6}>
          <UnitSelect onChange={(unitId) => set({ unitId })} testId="mq-public-unit" />
        </Col>
      </Row>
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
      <Spin spinning={loading}>
        {data?.rows?.length ? (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="mq-public-results">
            {data.rows.map((row) => (
              <Card
                key={row.code}
                size="small"
                title={row.title}
                extra={<Tag color={STATUS_COLORS[row.status]}>{status(row.status)}</Tag>}
              >
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                  {row.summary}
                </Typography.Paragraph>
                <Space wrap size={[12, 4]} style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                  <span>{categoryLabel(row.category)}</span>
                  {row.unit ? <span>{row.unit.name}</span> : null}
                  <span>
                    {t('Reported')} {formatDay(row.reportedAt)}
                  </span>
                  {row.doneAt ? (
                    <span>
                      {t('Done')} {formatDay(row.doneAt)}
                    </span>
                  ) : null}
                  {row.evaluationAverage !== null ? (
                    <span>
                      {t('Public score {{score}} ({{n}} ratings)', {
                        score: row.evaluationAverage,
                        n: row.evaluations,
                      })}
                    </span>
                  ) : null}
                  <span>{row.code}</span>
                </Space>
              </Card>
            ))}
          </Space>
        ) : (
          !loading && <Empty description={t('Nothing published yet')} />
        )}
      </Spin>
      {data && data.meta.count > (filters.pageSize as number) ? (
        <Pagination
          size="small"
          current={filters.page as number}
          pageSize={filters.pageSize as number}
          total={data.meta.count}
          onChange={(page: number) => setFilters((f) => ({ ...f, page }))}
          showSizeChanger={false}
        />
      ) : null}
    </Space>
  );
}
