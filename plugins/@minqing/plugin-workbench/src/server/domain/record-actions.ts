/**
 * Buttons of the campaign's other pages (作风监督, 接诉即办, 民生实事, 典型案例…): each calls one
 * action the server already has, on the row it sits on. Named the same in the page blueprints
 * (server) and the registered flow models (client).
 */
export const RECORD_ACTIONS = [
  'flagConfirm', // 作风监督: 认定
  'flagDismiss', // 作风监督: 不予认定（说明理由）
  'candidateAdopt', // 未诉先办: 转为问题
  'candidateDismiss', // 未诉先办: 不予采纳（说明理由）
  'reportAssign', // 接诉即办: 交办 the problem the report became
  'reportSimilar', // 接诉即办: 相似问题 / 合并
  'reportReply', // 接诉即办: 答复群众
  'projectClaim', // 民生实事: 认领
  'projectRelease', // 民生实事: 放弃
  'projectToCase', // 民生实事 → 典型案例草稿
  'resultToCase', // 成效 → 典型案例草稿
  'casePublish', // 典型案例: 发布
  'painPointToProblem', // 难点堵点痛点 → 问题
] as const;
export type RecordActionKey = (typeof RECORD_ACTIONS)[number];

/** Buttons above a table (not on a row). */
export const COLLECTION_ACTIONS = ['ledgerExport'] as const;
export type CollectionActionKey = (typeof COLLECTION_ACTIONS)[number];

const cap = (key: string) => `${key[0].toUpperCase()}${key.slice(1)}`;

/** `flagConfirm` → `MqFlagConfirmActionModel`: the flow model a page stores for the button */
export const recordActionModelName = (key: RecordActionKey | CollectionActionKey) => `Mq${cap(key)}ActionModel`;
