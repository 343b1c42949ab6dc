import type { Database } from '@nocobase/database';

/**
 * Takes one of our pages (its route and tabs) away from a role it was made for before and is not
 * any more (pages/index.ts): the roles of the route decide the menu. Returns how many routes the
 * role lost; none when the page was never made (or an administrator deleted it).
 */
export async function withdrawPage(db: Database, pageKey: string, role: string): Promise<number> {
  if (!db.getCollection('mq_workbench_pages')) return 0;
  const record = await db.getRepository('mq_workbench_pages').findOne({ filter: { key: pageKey } });
  const routeId = record?.get('routeId');
  if (routeId === undefined || routeId === null) return 0;
  const route = await db.getRepository('desktopRoutes').findOne({ filterByTk: routeId as any, appends: ['children'] });
  if (!route) return 0;
  const routeIds = [route.get('id'), ...((route.get('children') as any[]) ?? []).map((child) => child.get('id'))];
  let withdrawn = 0;
  for (const id of routeIds) {
    const roles = db.getRepository<any>('desktopRoutes.roles', id as any);
    if (!(await roles.findOne({ filterByTk: role }))) continue;
    await roles.remove({ tk: [role] });
    withdrawn++;
  }
  return withdrawn;
}
