import { Select } from 'antd';
import React from 'react';
import { usePublicApi, usePublicT } from './api';

/** Units by name, searched on the server (a province has tens of thousands). */
export function UnitSelect(props: {
  value?: number;
  onChange?: (value?: number) => void;
  placeholder?: string;
  testId?: string;
}) {
  const call = usePublicApi();
  const { t } = usePublicT();
  const [options, setOptions] = React.useState<{ value: number; label: string }[]>([]);
  const search = React.useCallback(
    (q: string) =>
      call<{ id: number; name: string }[]>('units', { params: { q } })
        .then((units) => setOptions(units.map((u) => ({ value: u.id, label: u.name }))))
        .catch(() => setOptions([])),
    [call],
  );
  React.useEffect(() => {
    void search('');
  }, [search]);
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={search}
      options={options}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder ?? t('All units')}
      notFoundContent={t('No unit found')}
      style={{ width: '100%' }}
      data-testid={props.testId}
    />
  );
}
