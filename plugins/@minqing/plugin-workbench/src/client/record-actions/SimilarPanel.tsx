import type { APIClient } from '@nocobase/client';
import { Alert, Button, Empty, Space, Spin, Table, Tag } from 'antd';
import { STATUS_OPTIONS } from '@minqing/plugin-three-lists/client';
import React, { useEffect, useState } from 'react';

type T = (key: string, options?: Record<string, unknown>) => string;

interface Similar {
  id: number;
  code: string;
  title: string;
  status: string;
  similarity: number;
  publicReports: number;
}

const THREE_LISTS = '@minqing/plugin-three-lists';
/**
 * 相似问题 for a public report at triage (`mq_problems:similar`: open problems at the same unit
 * and category, most alike first): the office merges the report's problem into the one already
 * being handled (`mq_problems:merge`), so the person follows that one and nothing is done twice.
 */
export function SimilarPanel(props: { api: APIClient; t: T; record: any; onMerged: () => void; onClose: () => void }) {
  const { api, t, record } = props;
  const [rows, setRows] = useState<Similar[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<number>();
  const problemId = record?.problemId;
  useEffect(() => {
    api
      .request<{ data: Similar[] }>({ url: `mq_problems:similar?filterByTk=${encodeURIComponent(String(problemId))}` })
      .then(({ data }) => setRows(data?.data ?? []))
      .catch((e: any) => setError(e?.response?.data?.errors?.[0]?.message ?? String(e?.message ?? e)));
  }, [api, problemId]);
  const merge = async (into: Similar) => {
    setBusy(into.id);
    setError(undefined);
    try {
      await api.request({
        url: `mq_problems:merge?filterByTk=${into.id}`,
        method: 'post',
        data: { duplicateIds: [problemId], reason: t('Same problem as {{code}}, reported again by the public', { code: into.code }) },
        skipNotify: true,
      });
      props.onMerged();
    } catch (e: any) {
      setError(e?.response?.data?.errors?.[0]?.message ?? String(e?.message ?? e));
    } finally {
      setBusy(undefined);
    }
  };
  if (!rows && !error) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="mq-similar-panel">
      <div>{t('Problems like this one, already on the list (same unit and category, most alike first):')}</div>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {rows && !rows.length ? <Empty description={t('No similar problem: assign this one')} /> : null}
      {rows && rows.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('Code'), dataIndex: 'code' },
            { title: t('Title'), dataIndex: 'title' },
            {
              title: t('Status'),
              dataIndex: 'status',
              render: (s: string) => <Tag>{t(STATUS_OPTIONS.find((o) => o.value === s)?.label ?? s, { ns: THREE_LISTS })}</Tag>,
            },
            { title: t('Similarity'), dataIndex: 'similarity', render: (v: number) => `${Math.round(v * 100)}%` },
            { title: t('Public reports'), dataIndex: 'publicReports' },
            {
              title: '',
              key: 'merge',
              render: (_: unknown, row: Similar) =>
                row.status === 'closed' ? null : (
                  <Button size="small" loading={busy === row.id} onClick={() => merge(row)}>
                    {t('Merge into this one')}
                  </Button>
                ),
            },
          ]}
        />
      ) : null}
      <Button onClick={props.onClose} data-testid="mq-similar-close">
        {t('Close the list')}
      </Button>
    </Space>
  );
}
