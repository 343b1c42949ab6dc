import { RATE_FIGURES, type RateFigure } from '@minqing/plugin-three-lists/client';
import { Card, Col, Empty, Row, Segmented, Spin, Statistic, Typography } from 'antd';
import React from 'react';
import type { PublicStats } from '../../server/answers';
import { percent, usePublicData, usePublicT } from './api';

const RATE_TITLES: Record<RateFigure, string> = {
  responseRate: 'Response rate',
  onTimeRate: 'On-time completion rate',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction rate',
  revisitRate: 'Revisit rate',
};
const RATES = RATE_FIGURES.map((rate) => [rate, RATE_TITLES[rate]] as const);
const OVERDUE_AGE_TITLES: Record<string, string> = {
  '1-7': 'Overdue 1–7 days',
  '8-30': 'Overdue 8–30 days',
  '31+': 'Overdue more than 30 days',
};

type Group = NonNullable<PublicStats['groups']>[number];

/**
 * A bar chart drawn with plain elements: the official charts plugin queries collections through
 * the ACL, and the public must not reach collections.
 */
export function Bars({ rows, testId }: { rows: { label: string; value: number; note?: string }[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div data-testid={testId} role="img">
      {rows.map((r) => (
        <div key={r.label} style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '6px 0', fontSize: 13 }}>
          <div
            style={{ width: '34%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            title={r.label}
          >
            {r.label}
          </div>
          <div style={{ flex: 1, background: '#f0f0f0', borderRadius: 3, height: 14 }}>
            <div style={{ width: `${(r.value / max) * 100}%`, background: '#1677ff', height: 14, borderRadius: 3 }} />
          </div>
          <div style={{ width: 88, textAlign: 'right', whiteSpace: 'nowrap' }}>
            {r.value}
            {r.note ? <span style={{ color: 'rgba(0,0,0,0.45)' }}> · {r.note}</span> : null}
          </div>
        </div>
      ))}
    </div>
  );
}

/** 数据: the figures of the campaign, overall, by month and by unit. */
export function FiguresPanel() {
  const { t } = usePublicT();
  const [rate, setRate] = React.useState<RateFigure>('satisfactionRate');
  const overall = usePublicData<PublicStats>('stats');
  const byMonth = usePublicData<PublicStats>('stats', { groupBy: 'month' });
  const byUnit = usePublicData<PublicStats>('stats', { groupBy: 'unit' });
  const byRegion = usePublicData<PublicStats>('stats', { groupBy: 'region' });
  const figures = overall.data?.overall.figures;
  const rows = (groups: Group[] = [], sort = false) =>
    (sort ? [...groups].sort((a, b) => b.problems - a.problems).slice(0, 12) : groups).map((g) => ({
      label: g.label,
      value: g.problems,
      // a group with fewer problems than the minimum shows no rate: say so rather than leave a gap
      note: g.smallSample ? t('small sample') : percent(g.figures?.[rate]),
    }));
  const overdueAges = (figures?.overdueByAge ?? []).map((a) => ({ label: t(OVERDUE_AGE_TITLES[a.age]), value: a.count }));

  return (
    <Spin spinning={overall.loading}>
      <Row gutter={[8, 8]} data-testid="mq-public-figures">
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('Problems handled')} value={overall.data?.overall?.problems ?? 0} />
          </Card>
        </Col>
        {RATES.map(([key, title]) => (
          <Col xs={12} md={4} key={key}>
            <Card size="small">
              <Statistic title={t(title)} value={percent(figures?.[key])} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('Rates with fewer than {{n}} cases are not shown.', { n: overall.data?.minSample ?? 0 })}
      </Typography.Paragraph>
      <Segmented
        style={{ margin: '8px 0' }}
        value={rate}
        onChange={(v: RateFigure) => setRate(v)}
        options={RATES.map(([key, title]) => ({ value: key, label: t(title) }))}
        block
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('By month: problems, and the chosen rate')}>
            {byMonth.data?.groups?.length ? (
              <Bars rows={rows(byMonth.data.groups)} testId="mq-chart-month" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('By unit: problems, and the chosen rate')}>
            {byUnit.data?.groups?.length ? (
              <Bars rows={rows(byUnit.data.groups, true)} testId="mq-chart-unit" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('By region: problems, and the chosen rate')}>
            {byRegion.data?.groups?.length ? (
              <Bars rows={rows(byRegion.data.groups, true)} testId="mq-chart-region" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('Overdue, not done: how long ({{n}})', { n: figures?.overdueCount ?? 0 })}>
            {figures?.overdueCount ? <Bars rows={overdueAges} testId="mq-chart-overdue-age" /> : <Empty />}
          </Card>
        </Col>
      </Row>
    </Spin>
  );
}
