import type { Database } from '@nocobase/database';

/**
 * Takes one of our pages (its route and tabs) away from a role it was made for before and is not
 * any more (pages/index.ts): the roles of the route decide the menu. Returns whether the role
 * had it; not when the page was never made (or an administrator deleted it).
 */
export async function withdrawPage(db: Database, pageKey: string, role: string): Promise<boolean> {
  if (!db.getCollection('mq_workbench_pages')) return false;
  const record = await db.getRepository('mq_workbench_pages').findOne({ filter: { key: pageKey } });
  const routeId = record?.get('routeId');
  if (routeId === undefined || routeId === null) return false;
  const route = await db.getRepository('desktopRoutes').findOne({ filterByTk: routeId as any, appends: ['children'] });
  if (!route) return false;
  const routeIds = [route.get('id'), ...((route.get('children') as any[]) ?? []).map((child) => child.get('id'))];
  let withdrawn = false;
  for (const id of routeIds) {
    // NocoBase may take a tab's grant with its page's: each route is asked afresh
    const roles = db.getRepository<any>('desktopRoutes.roles', id as any);
    if (!(await roles.findOne({ filterByTk: role }))) continue;
    await roles.remove({ tk: [role] });
    withdrawn = true;
  }
  return withdrawn;
}
