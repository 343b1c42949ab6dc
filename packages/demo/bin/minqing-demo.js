#!/usr/bin/env node
'use strict';
// Loads the demo bureau into the installed app named by .env (or the environment):
//   minqing-demo [--seed 20231201] [--password <for every demo user>]
// Boots the app in this process (our plugins' collections, no HTTP server), writes the data set in
// one transaction and prints the logins. Refuses a database that already holds problems.
const fs = require('fs');
const path = require('path');

require.extensions['.ts'] = (module, filename) => {
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2021' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  require('@nocobase/cli-v1/src/util').initEnv();
  const { Application, runPluginStaticImports } = require('@nocobase/server');
  const { getConfig } = require('@nocobase/app/lib/config');
  const { loadBureau } = require(path.join(__dirname, '../src/index.ts'));
  const password = option('password', process.env.MINQING_DEMO_PASSWORD);
  if (!password) throw new Error('no password for the demo users: pass --password or set MINQING_DEMO_PASSWORD');
  await runPluginStaticImports();
  const app = new Application(await getConfig());
  await app.load();
  try {
    const result = await loadBureau(app.db, { seed: Number(option('seed', 20231201)), password });
    const counts = Object.entries(result.rows)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    console.log(`demo bureau loaded in ${result.seconds.toFixed(1)} s: ${result.people.length} users, ${counts}`);
    const leader = result.people.find((p) => p.role === 'mq_leader');
    const cadre = result.people.find((p) => p.role === 'mq_cadre');
    console.log(JSON.stringify({ leader, cadre }));
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(`minqing-demo: ${error.message}`);
  process.exit(1);
});
