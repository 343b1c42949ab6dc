import { useAPIClient, useRequest } from '@nocobase/client';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

const NS = '@minqing/plugin-three-lists';

interface CalendarStatus {
  today: string;
  warnings: { year: number; openDeadlines: number; comingYear: boolean }[];
  table: { year: number; holidays: number; workdays: number; covers: boolean }[];
}

interface HolidayRow {
  id: number;
  day: string;
  kind: 'holiday' | 'workday';
  name?: string;
  source?: string;
}

/**
 * 节假日与调休 on the Three lists settings page: the warning when a year the deadlines need is known
 * neither to the package nor to the table, the State Council's notice pasted in, and the table's
 * days (added and removed here; also in the collection manager, with NocoBase's Excel import).
 */
export function HolidayCalendar() {
  const { t } = useTranslation([NS, 'client']);
  const api = useAPIClient();
  const { message } = App.useApp();
  const status = useRequest<{ data: CalendarStatus }>({ url: 'mqThreeLists:calendar' });
  const rows = useRequest<{ data: HolidayRow[] }>({
    url: 'mq_holidays:list',
    params: { sort: ['day'], paginate: false },
  });
  const [busy, setBusy] = React.useState(false);
  const [noticeForm] = Form.useForm();
  const [dayForm] = Form.useForm();
  const refresh = () => {
    status.run();
    rows.run();
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      refresh();
    } finally {
      setBusy(false);
    }
  };

  const importNotice = (values: { text: string; year?: number }) =>
    run(async () => {
      const res = await api.request({ url: 'mqThreeLists:importHolidayNotice', method: 'post', data: values });
      const counts = (res.data as { data: { holidays: number; workdays: number } }).data;
      message.success(t('Imported {{holidays}} holidays and {{workdays}} adjusted workdays', counts));
      noticeForm.resetFields();
    });
  const addDay = (values: Omit<HolidayRow, 'id'>) =>
    run(async () => {
      await api.request({ url: 'mq_holidays:create', method: 'post', data: values });
      message.success(t('Saved'));
      dayForm.resetFields();
    });
  const remove = (id: number) =>
    run(async () => {
      await api.request({ url: 'mq_holidays:destroy', method: 'post', params: { filterByTk: id } });
    });

  const kindLabel = (kind: string) =>
    kind === 'workday' ? <Tag color="blue">{t('Adjusted workday')}</Tag> : <Tag color="red">{t('Holiday')}</Tag>;
  const warnings = status.data?.data?.warnings ?? [];

  return (
    <Card title={t('Holidays and adjusted workdays')} style={{ marginTop: 16 }} data-testid="mq-holiday-calendar">
      {warnings.map((w) => (
        <Alert
          key={w.year}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="mq-calendar-warning"
          message={t('The working-day calendar does not know {{year}}', { year: w.year })}
          description={
            <>
              {t('Deadlines in {{year}} count Monday to Friday only: enter the State Council’s notice for {{year}} below.', {
                year: w.year,
              })}
              {w.openDeadlines ? ` ${t('{{count}} open deadlines fall in it.', { count: w.openDeadlines })}` : ''}
            </>
          }
        />
      ))}
      <Typography.Paragraph type="secondary">
        {t(
          'The package knows the State Council’s schedule up to the year it was released; the days here override it. Paste the notice (国务院办公厅关于…年部分节假日安排的通知) or add days one by one; the list is also in the collection manager, with Excel import.',
        )}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {(status.data?.data?.table ?? []).map((y) => (
          <Tag key={y.year} color={y.covers ? 'green' : 'default'} data-testid={`mq-holiday-year-${y.year}`}>
            {t('{{year}}: {{holidays}} holidays, {{workdays}} adjusted workdays', y)}
          </Tag>
        ))}
      </Space>
      <Form form={noticeForm} layout="vertical" onFinish={importNotice} style={{ maxWidth: 640 }}>
        <Form.Item name="text" label={t('The notice’s text')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} data-testid="mq-holiday-notice" />
        </Form.Item>
        <Form.Item name="year" label={t('Year (if the pasted text has no title)')}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="mq-holiday-import">
          {t('Import the notice')}
        </Button>
      </Form>
      <Form form={dayForm} layout="inline" onFinish={addDay} style={{ margin: '16px 0' }}>
        <Form.Item name="day" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} data-testid="mq-holiday-day" />
        </Form.Item>
        <Form.Item name="kind" initialValue="holiday">
          <Select
            style={{ width: 150 }}
            options={[
              { value: 'holiday', label: t('Holiday') },
              { value: 'workday', label: t('Adjusted workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name">
          <Input placeholder={t('Holiday name')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="source">
          <Input placeholder={t('Source (notice)')} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="mq-holiday-add">
          {t('Add')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={rows.loading}
        dataSource={rows.data?.data ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="mq-holiday-table"
        columns={[
          { title: t('Day'), dataIndex: 'day' },
          { title: t('Day kind'), dataIndex: 'kind', render: kindLabel },
          { title: t('Holiday name'), dataIndex: 'name' },
          { title: t('Source (notice)'), dataIndex: 'source' },
          {
            title: '',
            key: 'remove',
            render: (_: unknown, row: HolidayRow) => (
              <Popconfirm title={t('Remove this day?')} onConfirm={() => remove(row.id)}>
                <Button type="link" danger size="small">
                  {t('Remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
