import { escapeT } from '@nocobase/flow-engine';
import { LIAISON_UNIT_FIELD_MODEL } from '../../server/domain/field-models';
import { NS } from '../locale';

type Unit = { id: number | string; [field: string]: unknown };

/** My active liaison points' units (plugin-liaison), in the order they were given to me. */
async function myLiaisonUnits(api: { request(config: Record<string, unknown>): Promise<any> }): Promise<Unit[]> {
  const res = await api.request({
    url: 'mq_liaison_points:list',
    params: {
      filter: JSON.stringify({ cadreId: { $eq: '{{$user.id}}' }, active: true }),
      appends: ['unit'],
      sort: ['id'],
      pageSize: 20,
    },
    skipNotify: true,
  });
  const units = ((res?.data?.data ?? []) as { unit?: Unit }[]).map((point) => point.unit).filter(Boolean) as Unit[];
  return units.filter((unit, i) => units.findIndex((u) => u.id === unit.id) === i);
}

/**
 * 记录走访's unit picker: NocoBase's record select (of the client runtime it runs in) with my
 * liaison units on top of its options, and my only liaison unit chosen when the form has none —
 * a cadre visits their liaison points most. Any unit can still be searched and picked; without
 * liaison points (or plugin-liaison) it is the plain picker.
 */
export function liaisonUnitFieldModels(flowEngine: { getModelClass(name: string): unknown }) {
  const RecordSelect = flowEngine.getModelClass('RecordSelectFieldModel') as any;
  if (!RecordSelect) return {};
  class MqLiaisonUnitSelectFieldModel extends RecordSelect {
    declare mine?: Unit[];

    setDataSource(options: Unit[]) {
      const mine = this.mine ?? [];
      const ids = new Set(mine.map((unit) => unit.id));
      super.setDataSource([...mine, ...(options ?? []).filter((option) => !ids.has(option?.id))]);
    }

    onMount() {
      super.onMount?.();
      const api = (this as any).context.api;
      myLiaisonUnits(api)
        .then((mine) => {
          this.mine = mine;
          this.setDataSource(this.getDataSource() ?? []);
          const props = (this as any).props;
          if (mine.length === 1 && !props.value) props.onChange?.(mine[0]);
        })
        // no liaison points to read (a role without them): the plain picker
        .catch(() => undefined);
    }
  }
  (MqLiaisonUnitSelectFieldModel as any).define({ label: escapeT('My liaison units first', { ns: NS }) });
  return { [LIAISON_UNIT_FIELD_MODEL]: MqLiaisonUnitSelectFieldModel };
}
