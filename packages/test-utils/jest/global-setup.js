'use strict';
// Creates the per-worker databases that the server tests install into (PostgreSQL, MariaDB/MySQL),
// and starts a new run of installed-database snapshots (src/snapshot.ts): the workers inherit the
// run id, and what earlier runs left is removed.
const { testDbConfig } = require('./test-db');
const { removeSnapshots } = require('./snapshots');

module.exports = async function globalSetup(config) {
  const dialect = process.env.MINQING_TEST_DB || 'sqlite';
  process.env.MINQING_TEST_RUN = `r${Date.now().toString(36)}`;
  const first = testDbConfig('1');
  await removeSnapshots(first);
  if (dialect === 'sqlite') return;
  const workers = Math.max(1, Number(config.maxWorkers) || 1);
  const names = Array.from({ length: workers }, (_, i) => testDbConfig(String(i + 1)).DB_DATABASE);
  if (dialect === 'postgres') {
    const { Client } = require('pg');
    const client = new Client({
      host: first.DB_HOST,
      port: Number(first.DB_PORT),
      user: first.DB_USER,
      password: first.DB_PASSWORD,
      database: 'postgres',
    });
    await client.connect();
    try {
      for (const name of names) {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
      }
    } finally {
      await client.end();
    }
    return;
  }
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection({
    host: first.DB_HOST,
    port: Number(first.DB_PORT),
    user: first.DB_USER,
    password: first.DB_PASSWORD,
  });
  try {
    for (const name of names) {
      await connection.query(
        `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    }
  } finally {
    await connection.end();
  }
};
