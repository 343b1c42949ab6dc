#!/usr/bin/env node
'use strict';
// Loads the demo bureau into the installed app named by .env (or APP_ENV_PATH, or the environment):
//   minqing-demo [--seed 20231201] [--password <for every demo user>] [--resume]
// Boots the app in this process (our plugins' collections, no HTTP server), writes the data set in
// one transaction and prints what it loaded; its last line is a JSON summary with the logins.
// Refuses a database that already holds problems, so a real bureau's data is never mixed with the
// demo's. With --resume (what `minqing up` passes during a first run, when nothing but the demo can
// have written problems yet), problems already there mean an earlier load committed and its process
// died after: the load is finished (sequences, statistics) instead of refused.
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

require.extensions['.ts'] = (module, filename) => {
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2021' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const { values: options } = parseArgs({
  options: {
    seed: { type: 'string', default: '20231201' },
    password: { type: 'string' },
    resume: { type: 'boolean', default: false },
  },
});

function login(people, role) {
  const { username, nickname, post } = people.find((p) => p.role === role);
  return { username, nickname, post };
}

async function main() {
  require('@nocobase/cli-v1/src/util').initEnv();
  const { Application, runPluginStaticImports } = require('@nocobase/server');
  const { getConfig } = require('@nocobase/app/lib/config');
  const { bureau, loadBureau, settleBureau } = require(path.join(__dirname, '../src/index.ts'));
  const password = options.password ?? process.env.MINQING_DEMO_PASSWORD;
  if (!password) throw new Error('no password for the demo users: pass --password or set MINQING_DEMO_PASSWORD');
  const seed = Number(options.seed);
  await runPluginStaticImports();
  const app = new Application(await getConfig());
  await app.load();
  try {
    let summary;
    if (options.resume && (await app.db.getRepository('mq_problems').count())) {
      // the same seed makes the same people: the logins of the load that committed
      const { people, ...lists } = bureau({ seed });
      await settleBureau(app.db, Object.keys(lists));
      const rows = {};
      for (const name of Object.keys(lists))
        if (app.db.hasCollection(name)) rows[name] = await app.db.getRepository(name).count();
      summary = {
        resumed: true,
        users: people.length,
        rows,
        leader: login(people, 'mq_leader'),
        cadre: login(people, 'mq_cadre'),
      };
      console.log('the demo bureau was already loaded (its process stopped after the commit): finished it');
    } else {
      console.log('loading the demo bureau');
      const result = await loadBureau(app.db, { seed, password });
      const counts = Object.entries(result.rows)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
      console.log(`demo bureau loaded in ${result.seconds.toFixed(1)} s: ${result.people.length} users, ${counts}`);
      summary = {
        resumed: false,
        users: result.people.length,
        rows: result.rows,
        leader: login(result.people, 'mq_leader'),
        cadre: login(result.people, 'mq_cadre'),
      };
    }
    console.log(JSON.stringify(summary));
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(`minqing-demo: ${error.message}`);
  process.exit(1);
});
