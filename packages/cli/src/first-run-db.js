#!/usr/bin/env node
'use strict';
// The first run's progress, kept in the application's own database (table `mq_first_run`, one row)
// so that `minqing up` decides what is left to do from the database itself, never from a log line,
// and resumes a first run that was stopped half-way. Spawned by the CLI once the dependencies are
// installed, with the app's configuration (APP_ENV_PATH / .env, as NocoBase reads it):
//
//   node first-run-db.js read [package ...]  → {"installed","blank","marker","enabled"} as JSON
//   node first-run-db.js write '<json>'       → sets the marker {step, details}
//   node first-run-db.js reset                → drops every table but the marker's (an interrupted
//                                               NocoBase install into a database that was blank)
//
// The last line printed is the JSON answer.
const fs = require('fs');
const path = require('path');

const MARKER = 'mq_first_run';

function defineCollections(db) {
  // what NocoBase's own Application.isInstalled() looks for
  db.collection({
    name: 'applicationVersion',
    dataType: 'meta',
    timestamps: false,
    fields: [{ type: 'string', name: 'value' }],
  });
  db.collection({
    name: 'collections',
    autoGenId: false,
    timestamps: false,
    fields: [{ type: 'string', name: 'name', primaryKey: true }],
  });
  db.collection({
    name: 'applicationPlugins',
    timestamps: false,
    fields: [
      { type: 'string', name: 'packageName' },
      { type: 'boolean', name: 'enabled' },
    ],
  });
  db.collection({
    name: MARKER,
    autoGenId: false,
    timestamps: true,
    fields: [
      { type: 'integer', name: 'id', primaryKey: true },
      { type: 'string', name: 'step' },
      { type: 'json', name: 'details', defaultValue: {} },
    ],
  });
}

async function openDatabase() {
  require('@nocobase/cli-v1/src/util').initEnv();
  const { Database, parseDatabaseOptionsFromEnv } = require('@nocobase/database');
  const options = await parseDatabaseOptionsFromEnv();
  if (options.dialect === 'sqlite' && options.storage && options.storage !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(options.storage)), { recursive: true });
  }
  const db = new Database({ ...options, logging: false });
  defineCollections(db);
  return db;
}

async function isInstalled(db) {
  return (await db.collectionExistsInDb('applicationVersion')) || (await db.collectionExistsInDb('collections'));
}

async function readMarker(db) {
  if (!(await db.collectionExistsInDb(MARKER))) return null;
  const row = await db.getRepository(MARKER).findOne({ filterByTk: 1 });
  return row ? { step: row.get('step'), details: row.get('details') ?? {} } : null;
}

/** Retries while another process (the server just started) holds SQLite's write lock. */
async function retryBusy(fn, deadline = Date.now() + 30_000) {
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!/SQLITE_BUSY/.test(String(error?.message)) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const commands = {
  async read(db, packages) {
    const installed = await isInstalled(db);
    const tables = await db.sequelize.getQueryInterface().showAllTables();
    const marker = await readMarker(db);
    let enabled = [];
    if (installed && (await db.collectionExistsInDb('applicationPlugins'))) {
      const rows = await db
        .getRepository('applicationPlugins')
        .find({ filter: { packageName: { $in: packages }, enabled: true } });
      enabled = rows.map((row) => row.get('packageName'));
    }
    // blank: nothing at all in the database, so a first run may drop what it made itself
    return { installed, blank: tables.length === 0, marker, enabled };
  },
  async write(db, [json]) {
    const { step, details = {} } = JSON.parse(json);
    await retryBusy(async () => {
      await db.getCollection(MARKER).sync();
      await db.getRepository(MARKER).updateOrCreate({ filterKeys: ['id'], values: { id: 1, step, details } });
    });
    return readMarker(db);
  },
  async reset(db) {
    const marker = db.getCollection(MARKER);
    const table = marker.getTableNameWithSchema();
    const skip = [typeof table === 'string' ? table : table.tableName, marker.getTableNameWithSchemaAsString?.()];
    if (db.options.schema) skip.push(`"${db.options.schema}"."${marker.model.tableName}"`);
    await db.clean({ drop: true, skip: skip.filter(Boolean) });
    return { reset: true };
  },
};

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!commands[command]) throw new Error(`unknown command ${command}: read | write <json> | reset`);
  const db = await openDatabase();
  try {
    const answer = await commands[command](db, args);
    process.stdout.write(`\n${JSON.stringify(answer)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(`first-run-db: ${error.message}`);
  process.exit(1);
});
