import { Typography } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

/** Where the public page is, above the limits of the intake and the cache. */
export function PublicPageLink() {
  const { t } = useTranslation(['@minqing/plugin-publicity', 'client']);
  return (
    <Typography.Paragraph>
      {t('The public page is at')}{' '}
      <a href="/minqing/public" target="_blank" rel="noreferrer">
        /minqing/public
      </a>
    </Typography.Paragraph>
  );
}
