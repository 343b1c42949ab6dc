'use strict';
// Creates the per-worker PostgreSQL databases that the server tests install into.
const { testDbConfig } = require('./test-db');

module.exports = async function globalSetup(config) {
  if ((process.env.MINQING_TEST_DB || 'sqlite') !== 'postgres') return;
  const { Client } = require('pg');
  const workers = Math.max(1, Number(config.maxWorkers) || 1);
  const first = testDbConfig('1');
  const client = new Client({
    host: first.DB_HOST,
    port: Number(first.DB_PORT),
    user: first.DB_USER,
    password: first.DB_PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    for (let id = 1; id <= workers; id++) {
      const name = testDbConfig(String(id)).DB_DATABASE;
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
};
