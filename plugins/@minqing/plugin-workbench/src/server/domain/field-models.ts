/** The field models this plugin registers in both clients, named in the page blueprints. */

/** a problem's `overdueDays` as a red 逾期 N 天 tag (client/fields/OverdueFieldModel.tsx) */
export const OVERDUE_FIELD_MODEL = 'MqOverdueFieldModel';

/** 记录走访's unit picker: my liaison units first, my only one chosen (client/fields/LiaisonUnitSelectFieldModel.tsx) */
export const LIAISON_UNIT_FIELD_MODEL = 'MqLiaisonUnitSelectFieldModel';
