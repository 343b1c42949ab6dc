'use strict';
// Where installed test databases are kept during a run (see src/snapshot.ts), and their removal.
const fs = require('fs');
const path = require('path');
const { root } = require('./test-db');

/** one folder per dialect: runs on different databases may go on at the same time */
function snapshotDir(dialect = process.env.DB_DIALECT || 'sqlite') {
  return path.join(root, 'storage', 'test-snapshots', dialect);
}

/** Snapshot databases on PostgreSQL/MariaDB are named <prefix>_tpl_<run>_<hash>. */
function templatePrefix() {
  return `${process.env.MINQING_TEST_DB_PREFIX || 'minqing_test'}_tpl_`.toLowerCase();
}

/** Removes every snapshot this checkout left: files, and databases on the server of `config`. */
async function removeSnapshots(config) {
  fs.rmSync(snapshotDir(config.DB_DIALECT), { recursive: true, force: true });
  const like = `${templatePrefix().replace(/_/g, '\\_')}%`;
  if (config.DB_DIALECT === 'postgres') {
    const { Client } = require('pg');
    const client = new Client({
      host: config.DB_HOST,
      port: Number(config.DB_PORT),
      user: config.DB_USER,
      password: config.DB_PASSWORD || undefined,
      database: 'postgres',
    });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [like]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  } else if (config.DB_DIALECT === 'mariadb' || config.DB_DIALECT === 'mysql') {
    const mysql = require('mysql2/promise');
    const connection = await mysql.createConnection({
      host: config.DB_HOST,
      port: Number(config.DB_PORT),
      user: config.DB_USER,
      password: config.DB_PASSWORD || undefined,
    });
    try {
      const [rows] = await connection.query(
        'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?',
        [like],
      );
      for (const { name } of rows) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    } finally {
      await connection.end();
    }
  }
}

module.exports = { snapshotDir, templatePrefix, removeSnapshots };
