import { Migration } from '@nocobase/server';

/**
 * 回访 is no longer a cadre's page (pages/index.ts): a cadre reads no revisits, so the page showed
 * them nothing. Installations made before keep the cadre's grant on its route and tabs; it goes.
 */
export default class RevisitsPageNotForCadres extends Migration {
  on = 'afterLoad';

  async up() {
    if (!this.db.getCollection('mq_workbench_pages')) return;
    const record = await this.db.getRepository('mq_workbench_pages').findOne({ filter: { key: 'revisits' } });
    const routeId = record?.get('routeId');
    if (routeId === undefined || routeId === null) return;
    const route = await this.db.getRepository('desktopRoutes').findOne({ filterByTk: routeId as any, appends: ['children'] });
    if (!route) return;
    const routeIds = [route.get('id'), ...((route.get('children') as any[]) ?? []).map((child) => child.get('id'))];
    for (const id of routeIds) {
      await this.db.getRepository<any>('desktopRoutes.roles', id as any).remove({ tk: ['mq_cadre'] });
    }
  }
}
