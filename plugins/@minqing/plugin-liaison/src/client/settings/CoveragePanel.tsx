import { SettingsForm } from '@minqing/plugin-three-lists/client';
import { useRequest } from '@nocobase/client';
import { Card, Descriptions, Space, Spin, Tag } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';
import { LIAISON_SETTINGS } from '../../server/domain/settings';

const NS = '@minqing/plugin-liaison';

interface Leader {
  id: number;
  nickname: string;
  count: number;
}

interface Coverage {
  range: { minPoints: number; maxPoints: number };
  leaders: number;
  rate: number | null;
  none: Leader[];
  belowRange: Leader[];
  withinRange: Leader[];
  aboveRange: Leader[];
  unitsWithoutLiaison: { id: number; name: string }[];
}

const names = (leaders: Leader[]) =>
  leaders.length ? leaders.map((l) => <Tag key={l.id}>{`${l.nickname} (${l.count})`}</Tag>) : '—';

/** 联系点覆盖率: the rule "每位领导联系1-2家基层单位" as a range, and who is outside it. */
export function CoveragePanel() {
  const { t } = useTranslation([NS, 'client']);
  const { data, loading, refresh } = useRequest<{ data: Coverage }>({ url: 'mqLiaison:coverage' });
  if (loading || !data?.data) return <Spin />;
  const c = data.data;

  return (
    <Card title={t('Liaison point coverage')} style={{ marginTop: 16 }} data-testid="mq-liaison-coverage">
      <SettingsForm resource="mqLiaison" schema={LIAISON_SETTINGS} layout="inline" onSaved={refresh} />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('Coverage rate')}>
          <Space data-testid="mq-liaison-rate">
            {c.rate === null ? '—' : `${Math.round(c.rate * 1000) / 10}%`}
            <span>({t('{{n}} leaders', { n: c.leaders })})</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('No liaison point')}>{names(c.none)}</Descriptions.Item>
        <Descriptions.Item label={t('Below the range')}>{names(c.belowRange)}</Descriptions.Item>
        <Descriptions.Item label={t('Within the range')}>{names(c.withinRange)}</Descriptions.Item>
        <Descriptions.Item label={t('Above the range')}>{names(c.aboveRange)}</Descriptions.Item>
        <Descriptions.Item label={t('Units nobody liaises')}>
          {c.unitsWithoutLiaison.length ? c.unitsWithoutLiaison.map((u) => <Tag key={u.id}>{u.name}</Tag>) : '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
