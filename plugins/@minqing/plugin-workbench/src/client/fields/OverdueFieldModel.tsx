import { escapeT } from '@nocobase/flow-engine';
import { Tag } from 'antd';
import React from 'react';
import { OVERDUE_FIELD_MODEL } from '../../server/domain/field-models';
import { NS } from '../locale';

/**
 * 逾期 N 天: a problem's `overdueDays` (computed by the server from the core's one definition of
 * overdue, plugin-three-lists services/overdue.ts) as a red tag, nothing when it is not overdue.
 * Made from the number display of the client runtime it runs in (the admin client and the modern
 * client each have theirs), so an administrator sets, moves or removes it like any field.
 */
export function overdueFieldModels(flowEngine: { getModelClass(name: string): unknown }) {
  const Display = flowEngine.getModelClass('DisplayNumberFieldModel') as any;
  if (!Display) return {};
  class MqOverdueFieldModel extends Display {
    renderComponent(value: unknown) {
      const days = Number(value);
      if (value === null || value === undefined || !Number.isFinite(days) || days <= 0) return null;
      const t = (this as any).context.t as (key: string, options: Record<string, unknown>) => string;
      return (
        <Tag color="red" data-testid="mq-overdue" style={{ marginInlineEnd: 0 }}>
          {t('Overdue {{days}} days', { ns: NS, days })}
        </Tag>
      );
    }
  }
  (MqOverdueFieldModel as any).define({ label: escapeT('Days overdue', { ns: NS }) });
  return { [OVERDUE_FIELD_MODEL]: MqOverdueFieldModel };
}
