import type { Database } from '@nocobase/database';
import { PROBLEM_POPUP_FIELDS } from '../pages/problem-popups';

/**
 * The fields the page builder's generated popups keep, by collection and block: a problem's
 * details and edit popups (a `problem` column's, a problem table's 编辑) show what a handler
 * needs, not the schema (issue 19 item 3). The builder cannot leave a field out itself: its
 * blueprint validation wants `defaults.fieldGroups` to cover every field of a collection that
 * has more than ten, so page-builder's blueprint() groups the kept fields first (one group) and
 * the rest after, and this takes the rest away once the popups are made.
 */
export const GENERATED_POPUP_FIELDS: Record<string, { details: string[]; edit: string[] }> = {
  mq_problems: PROBLEM_POPUP_FIELDS,
};

const KEPT_BY_BLOCK: Record<string, { kind: 'details' | 'edit'; item: string }> = {
  DetailsBlockModel: { kind: 'details', item: 'DetailsItemModel' },
  EditFormModel: { kind: 'edit', item: 'FormItemModel' },
};

/** Every field a collection's generated popups may keep, the first group of its fieldGroups. */
export function keptPopupFields(collectionName: string): string[] | undefined {
  const kept = GENERATED_POPUP_FIELDS[collectionName];
  return kept && [...new Set([...kept.details, ...kept.edit])];
}

/**
 * The grid's layout without the removed items: full-width cells stay alone on their row, the
 * half-width ones pair up again as the builder pairs them.
 */
function layoutWithout(grid: any, removed: Set<string>) {
  const { rows = {}, sizes = {}, rowOrder = Object.keys(rows) } = grid?.stepParams?.gridSettings?.grid ?? {};
  const cells: { uids: string[]; full: boolean }[] = [];
  for (const row of rowOrder) {
    (rows[row] ?? []).forEach((cell: string[], i: number) => {
      const uids = cell.filter((u) => !removed.has(u));
      if (uids.length) cells.push({ uids, full: (sizes[row]?.[i] ?? 24) >= 24 });
    });
  }
  const layout = {
    rows: {} as Record<string, string[][]>,
    sizes: {} as Record<string, number[]>,
    rowOrder: [] as string[],
  };
  let half: string[][] = [];
  const put = (row: string[][], size: number[]) => {
    const key = `row${layout.rowOrder.length + 1}`;
    layout.rows[key] = row;
    layout.sizes[key] = size;
    layout.rowOrder.push(key);
  };
  const flush = () => {
    if (half.length) put(half, half.length === 2 ? [12, 12] : [24]);
    half = [];
  };
  for (const cell of cells) {
    if (cell.full) {
      flush();
      put([cell.uids], [24]);
    } else {
      half.push(cell.uids);
      if (half.length === 2) flush();
    }
  }
  flush();
  return layout;
}

/** Takes the fields a generated details or edit popup does not keep out of one block. */
async function pruneBlock(repository: any, block: any, kept: string[], item: string, transaction: any) {
  const grid = block.subModels?.grid;
  const items: any[] = grid?.subModels?.items ?? [];
  const removed = new Set<string>();
  // the kept fields are the first group; the title of the one taken away ("More information") goes
  const groupTitles = items.filter((child) => child.use === 'DividerItemModel');
  for (const child of groupTitles.slice(1)) removed.add(child.uid);
  for (const child of items) {
    const fieldPath = child.stepParams?.fieldSettings?.init?.fieldPath;
    if (child.use === item && fieldPath && !kept.includes(fieldPath)) removed.add(child.uid);
  }
  if (!removed.size) return;
  for (const u of removed) await repository.remove(u, { transaction });
  const layout = layoutWithout(grid, removed);
  await repository.patch(
    {
      uid: grid.uid,
      props: { ...grid.props, ...layout },
      stepParams: { ...grid.stepParams, gridSettings: { ...grid.stepParams?.gridSettings, grid: layout } },
    },
    { transaction },
  );
}

/** The generated popup templates of the collections above, without the fields they do not keep. */
export async function pruneGeneratedPopups(db: Database, transaction: any) {
  const repository = db.getRepository('flowModels') as any;
  const templates = await db.getRepository('flowModelTemplates').find({
    filter: { collectionName: Object.keys(GENERATED_POPUP_FIELDS) },
    transaction,
  });
  for (const template of templates) {
    const tree = await repository.findModelById(template.get('targetUid'), { includeAsyncNode: true, transaction });
    const visit = async (node: any): Promise<void> => {
      if (!node || typeof node !== 'object') return;
      const block = KEPT_BY_BLOCK[node.use];
      const collectionName = node.stepParams?.resourceSettings?.init?.collectionName;
      const kept = block && GENERATED_POPUP_FIELDS[collectionName];
      if (kept) await pruneBlock(repository, node, kept[block.kind], block.item, transaction);
      for (const sub of Object.values(node.subModels ?? {})) {
        for (const child of Array.isArray(sub) ? sub : [sub]) await visit(child);
      }
    };
    await visit(tree);
  }
}
