import { createMockServer, type MockServer } from '@nocobase/test';
import { fromSnapshot, snapshotKey } from './snapshot';

/** Official plugins our plugins stand on, in load order. */
export const NOCOBASE_PLUGINS = [
  'error-handler',
  'field-sort',
  'users',
  'auth',
  'acl',
  'data-source-manager',
  'data-source-main',
  'field-sequence',
  'action-export',
  'action-import',
  // before system-settings, whose install stores the logo through it
  'file-manager',
  'system-settings',
  'ui-schema-storage',
  'notification-manager',
  'notification-in-app-message',
  'workflow',
];

export const MINQING_PLUGINS = [
  '@minqing/plugin-three-lists',
  '@minqing/plugin-liaison',
  '@minqing/plugin-supervision',
  '@minqing/plugin-publicity',
  '@minqing/plugin-warm-hearts',
];

export interface MinqingAppOptions {
  /** Our plugins to enable (default: all of them). */
  plugins?: string[];
  /** More official plugins beyond {@link NOCOBASE_PLUGINS}. */
  nocobasePlugins?: string[];
  /** Plugin classes loaded after ours (e.g. an extension example). */
  extraPlugins?: any[];
}

export interface TestUser {
  id: number;
  username: string;
  roles: string[];
}

export type Agent = ReturnType<MockServer['agent']>;

/** A running NocoBase application on a fresh database, with helpers for acting as its users. */
export class MinqingTestApp {
  private seq = 0;

  constructor(readonly app: MockServer) {}

  get db() {
    return this.app.db;
  }

  /** Creates a user holding exactly these roles (the first is the default role). */
  async createUser(options: { username?: string; nickname?: string; roles: string[] }): Promise<TestUser> {
    const username = options.username ?? `user${++this.seq}`;
    const user = await this.db.getRepository('users').create({
      values: {
        username,
        nickname: options.nickname ?? username,
        email: `${username}@test.minqing.local`,
        roles: options.roles.map((name) => ({ name })),
      },
    });
    return { id: user.get('id') as number, username, roles: options.roles };
  }

  /** An HTTP agent logged in as `user`, acting in `role` (default: the user's first role). */
  async agentAs(user: TestUser, role = user.roles[0]): Promise<Agent> {
    return (await this.app.agent().login(user.id, role)) as Agent;
  }

  /** An HTTP agent logged in as the root user created by install. */
  async rootAgent(): Promise<Agent> {
    const root = await this.db.getRepository('users').findOne({ filter: { 'roles.name': 'root' } });
    return (await this.app.agent().login(root.get('id'), 'root')) as Agent;
  }

  anonymous(): Agent {
    return this.app.agent() as Agent;
  }

  async destroy() {
    await this.app.destroy();
  }
}

/**
 * Starts a real NocoBase application with our plugins and the official ones they need, installed
 * on a fresh database (SQLite by default, PostgreSQL with DB_DIALECT=postgres), ACL enforced.
 */
function pluginsOf(options: MinqingAppOptions) {
  return [
    ...NOCOBASE_PLUGINS,
    ...(options.nocobasePlugins ?? []),
    ...(options.plugins ?? MINQING_PLUGINS),
    ...(options.extraPlugins ?? []),
  ];
}

/**
 * The mock server leaves applicationPlugins empty; flow-engine's page builder asks it which
 * plugins are enabled (a chart block needs data-visualization, an export button action-export).
 * Listed after a start only: a start adds listed plugins to the ones of its options (twice).
 */
async function listOfficial(app: MockServer, official: string[]) {
  if (!app.db.hasCollection('applicationPlugins')) return;
  await app.db.getRepository('applicationPlugins').destroy({ filter: { name: official } });
  await app.db.getRepository('applicationPlugins').createMany({
    records: official.map((name) => ({
      name,
      packageName: `@nocobase/plugin-${name}`,
      enabled: true,
      installed: true,
      builtIn: true,
    })),
  });
}

/** The app started on the worker's database as it is (installed before): as after a restart. */
async function startInstalled(plugins: any[], official: string[]) {
  const started = await createMockServer({ acl: true, plugins, skipInstall: true, skipStart: true });
  // what an earlier app listed (see listOfficial) would be added a second time by the start
  await started.db.getRepository('applicationPlugins').destroy({ filter: { name: official } });
  await started.runCommandThrowError('start');
  // the mock server takes its plugins from the options, not from applicationPlugins: they
  // were installed in the database, as a restarted app would read there
  for (const plugin of started.pm.getPlugins().values()) {
    plugin.installed = true;
    plugin.state.installed = true;
  }
  return started;
}

/**
 * The app started again on the database an earlier app of this file left (after a crash, say),
 * without installing or restoring anything.
 */
export async function restartMinqingApp(options: MinqingAppOptions = {}): Promise<MinqingTestApp> {
  const official = [...NOCOBASE_PLUGINS, ...(options.nocobasePlugins ?? [])];
  const app = await startInstalled(pluginsOf(options), official);
  await listOfficial(app, official);
  return new MinqingTestApp(app);
}

export async function createMinqingApp(options: MinqingAppOptions = {}): Promise<MinqingTestApp> {
  const plugins = pluginsOf(options);
  const official = [...NOCOBASE_PLUGINS, ...(options.nocobasePlugins ?? [])];
  const key = snapshotKey(plugins.map((p) => (typeof p === 'string' ? p : p?.name)));
  const app = await fromSnapshot(
    key,
    () => createMockServer({ acl: true, plugins }),
    // the same app started on a copy of the database that install left: as after a restart
    () => startInstalled(plugins, official),
  );
  await listOfficial(app, official);
  return new MinqingTestApp(app);
}
