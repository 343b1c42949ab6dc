import type { Database, Model } from '@nocobase/database';
import { tt } from '../pages/i18n';
import zhCN from '../../locale/zh-CN.json';

/** The titles our pages were made with before they went through i18n: 我的待办 → `{{t("My to-dos", { ns })}}`. */
export const TITLE_KEYS = [
  'Grassroots outreach',
  'My liaison points',
  'Visits',
  'Research',
  'Problem list',
  'Responsibility list',
  'Task list',
  'My to-dos',
  'Supervision',
  'Revisits',
  'Results list',
  'Dashboard',
  'My visits',
  'Record a visit',
  'For me to handle (nearest deadline first)',
  'For me to revisit (soonest first)',
  'Supervision for me to answer (soonest first)',
  'Basic information',
  'More information',
  'Key figures',
  'Problems and revisits by kind',
] as const;

export function oldTitles(): Map<string, string> {
  const zh = zhCN as Record<string, string>;
  return new Map(TITLE_KEYS.map((key) => [zh[key], tt(key)]));
}

/** Every `title` equal to an old Chinese title, given its template; the rest unchanged. Pure. */
export function retitle(value: unknown, titles: Map<string, string>): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([key, inner]) => {
        if (key === 'title' && typeof inner === 'string' && titles.has(inner)) {
          changed = true;
          return [key, titles.get(inner)];
        }
        return [key, walk(inner)];
      }),
    );
  };
  const result = walk(value);
  return { value: result, changed };
}

/**
 * Pages made before their titles went through i18n show Chinese in English: their menu items,
 * tabs, page, block, button and popup titles get the translatable form, where they still carry
 * the title we gave them (an administrator's own title stays). Only our pages (recorded in
 * mq_workbench_pages) and the popup templates of our collections. Returns the rows changed.
 */
export async function translateOldPageTitles(db: Database): Promise<number> {
  if (!db.hasCollection('mq_workbench_pages') || !db.hasCollection('flowModels')) return 0;
  const titles = oldTitles();
  const routeIds = (await db.getRepository('mq_workbench_pages').find()).map((r: Model) => r.get('routeId'));
  if (!routeIds.length) return 0;
  let changed = 0;
  const routes = db.getRepository('desktopRoutes');
  const ours = await routes.find({ filter: { $or: [{ id: routeIds }, { parentId: routeIds }] } });
  const roots: string[] = [];
  for (const route of ours) {
    if (route.get('schemaUid')) roots.push(route.get('schemaUid') as string);
    const title = route.get('title') as string;
    if (titles.has(title)) {
      await routes.update({ filterByTk: route.get('id') as number, values: { title: titles.get(title) } });
      changed++;
    }
  }
  if (db.hasCollection('flowModelTemplates')) {
    const templates = await db
      .getRepository('flowModelTemplates')
      .find({ filter: { collectionName: { $startsWith: 'mq_' } }, fields: ['targetUid'] });
    roots.push(...templates.map((t: Model) => t.get('targetUid') as string).filter(Boolean));
  }
  if (!roots.length) return changed;
  const paths = await db
    .getRepository('flowModelTreePath')
    .find({ filter: { ancestor: roots }, fields: ['descendant'] });
  const uids = [...new Set([...roots, ...paths.map((p: Model) => p.get('descendant') as string)])];
  const models = db.getRepository('flowModels');
  for (let i = 0; i < uids.length; i += 500) {
    for (const model of await models.find({ filter: { uid: uids.slice(i, i + 500) } })) {
      const { value, changed: retitled } = retitle(model.get('options'), titles);
      if (!retitled) continue;
      await models.update({ filterByTk: model.get('uid') as string, values: { options: value } });
      changed++;
    }
  }
  return changed;
}
