import type { Model } from '@nocobase/database';
import { createMinqingApp, eventually, type MinqingTestApp } from '@minqing/test';
import ExampleCarriedOverPlugin from '../../../examples/carried-over-plugin';
import { ScanTimers } from '../triggers/scanning';

describe('README › Extending: the example trigger and node run', () => {
  let app: MinqingTestApp;
  beforeAll(async () => {
    ScanTimers.firstScanDelayMs = null; // the scans counted here are the test's own
    app = await createMinqingApp({
      plugins: ['@minqing/plugin-three-lists', '@minqing/plugin-supervision'],
      extraPlugins: [ExampleCarriedOverPlugin],
    });
  });
  afterAll(() => app?.destroy());

  it('fires once per old carried-over problem and issues a 通报', async () => {
    const root = await app.rootAgent();
    const id = (
      await root.resource('mq_problems').create({ values: { title: '旧校区围墙破损', source: 'carried_over' } })
    ).body.data.id;
    const wf = (
      await root.resource('workflows').create({
        values: {
          title: '前期遗留通报',
          type: 'example-carried-over',
          config: { days: 30 },
          enabled: true,
          sync: false,
        },
      })
    ).body.data;
    await root
      .resource('workflows.nodes', wf.id)
      .create({ values: { type: 'example-public-notice', title: '通报', config: {} } });
    const workflow = await app.db.getRepository('workflows').findOne({ filterByTk: wf.id });
    const trigger = (app.app.pm.get('workflow') as any).triggers.get('example-carried-over');

    expect(await trigger.scan(workflow, new Date())).toBe(0); // not 30 days old yet
    const later = new Date(Date.now() + 31 * 86400000);
    expect(await trigger.scan(workflow, later)).toBe(1);
    expect(await trigger.scan(workflow, later)).toBe(0);
    const records: Model[] = await eventually(
      async () => {
        const found: Model[] = await app.db.getRepository('mq_supervisions').find({ filter: { problemId: id } });
        return found.length ? found : undefined;
      },
      { what: 'the 通报 of the example node' },
    );
    expect(records.map((r) => r.get('level'))).toEqual(['notify']);
  });
});
