import { Spin, Tabs } from 'antd';
import React from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PublicOptions } from '../../server/answers';
import { usePublicData, usePublicT } from './api';
import { CasesList } from './CasesList';
import { FiguresPanel } from './FiguresPanel';
import { PublicLayout } from './PublicLayout';
import { ReportForm } from './ReportForm';
import { ResultsList } from './ResultsList';
import { TrackPanel } from './TrackPanel';

/** /minqing/public — open to everyone, no login: results, figures, cases, report, track. */
export function PublicPage() {
  const { t } = usePublicT();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'results';
  const options = usePublicData<PublicOptions>('options');
  const go = (key: string, extra: Record<string, string> = {}) => setSearch({ tab: key, ...extra });

  return (
    <PublicLayout>
      {options.loading || !options.data ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key: string) => go(key)}
          items={[
            { key: 'results', label: t('Results'), children: <ResultsList options={options.data} /> },
            { key: 'figures', label: t('Figures'), children: <FiguresPanel /> },
            { key: 'cases', label: t('Typical cases'), children: <CasesList /> },
            {
              key: 'report',
              label: t('Report a problem'),
              children: <ReportForm categories={options.data.categories} onTrack={(code) => go('track', { code })} />,
            },
            { key: 'track', label: t('Track'), children: <TrackPanel initialCode={search.get('code') ?? undefined} /> },
          ]}
        />
      )}
    </PublicLayout>
  );
}
