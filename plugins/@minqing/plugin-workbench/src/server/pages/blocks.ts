/** Small builders for flowSurfaces blueprint blocks, so each page reads as what it shows. */
import type { WorkbenchPage } from '.';

export interface FilterItem {
  path: string;
  operator: string;
  value?: unknown;
}

/** The signed-in user, resolved by the client when the block loads (a data scope, not a default) */
export const CURRENT_USER = '{{ ctx.user.id }}';

export const where = (...items: FilterItem[]) => ({ logic: '$and', items });

export interface TableOptions {
  key: string;
  title?: string;
  fields: string[];
  /** only these rows, whatever the user filters */
  scope?: ReturnType<typeof where>;
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  pageSize?: number;
  /** collection actions: filter, addNew, refresh, export… (or an action with its popup) */
  actions?: (string | Record<string, unknown>)[];
  /** row actions of the stock catalog: view, edit, delete… (or an action with its popup) */
  recordActions?: (string | Record<string, unknown>)[];
}

export function table(collection: string, options: TableOptions) {
  return {
    key: options.key,
    type: 'table',
    collection,
    ...(options.title ? { title: options.title } : {}),
    fields: options.fields,
    actions: options.actions ?? ['filter', 'addNew', 'refresh'],
    recordActions: options.recordActions ?? ['view', 'edit'],
    settings: {
      pageSize: options.pageSize ?? 20,
      ...(options.scope ? { dataScope: options.scope } : {}),
      ...(options.sort ? { sorting: options.sort } : {}),
    },
  };
}

export const markdown = (key: string, content: string) => ({ key, type: 'markdown', settings: { content } });

/** A page of one tab, named like the page, with these blocks. */
export const onePage = ({ blocks, ...page }: Omit<WorkbenchPage, 'tabs'> & { blocks: any[] }): WorkbenchPage => ({
  ...page,
  tabs: [{ key: 'main', title: page.title, blocks }],
});
