import { Layout, Typography } from 'antd';
import React from 'react';
import { usePublicT } from './api';

/** A page for phones first: one column, large touch targets, no admin chrome. */
export function PublicLayout({ children }: { children: React.ReactNode }) {
  const { t } = usePublicT();
  React.useEffect(() => {
    document.title = t('Campaign results for the public');
  }, [t]);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ background: '#b71c1c', color: '#fff', padding: '14px 16px' }}>
        <div style={{ maxWidth: 980, margin: '0 auto' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            {t('Going down to the grassroots: the public page')}
          </Typography.Title>
          <div style={{ opacity: 0.85, fontSize: 13 }}>
            {t('Results, figures and typical cases; report a problem and follow it')}
          </div>
        </div>
      </div>
      <Layout.Content style={{ maxWidth: 980, width: '100%', margin: '0 auto', padding: 12 }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
