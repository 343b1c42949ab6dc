'use strict';
// One database per jest worker, so test files run in parallel without sharing state.
const path = require('path');

const root = path.resolve(__dirname, '../../..');

/** Database names of this checkout's test runs; a second checkout on the same servers sets its own. */
function prefix() {
  return process.env.MINQING_TEST_DB_PREFIX || 'minqing_test';
}

function testDbConfig(workerId = process.env.JEST_WORKER_ID || '1') {
  const dialect = process.env.MINQING_TEST_DB || 'sqlite';
  if (dialect === 'sqlite') {
    return { DB_DIALECT: 'sqlite', DB_STORAGE: path.join(root, 'storage', 'db', `test-worker-${workerId}.sqlite`) };
  }
  if (dialect === 'postgres') {
    return {
      DB_DIALECT: 'postgres',
      DB_HOST: process.env.MINQING_TEST_PG_HOST || '127.0.0.1',
      DB_PORT: process.env.MINQING_TEST_PG_PORT || '5432',
      DB_USER: process.env.MINQING_TEST_PG_USER || 'postgres',
      DB_PASSWORD: process.env.MINQING_TEST_PG_PASSWORD || '',
      DB_DATABASE: `${prefix()}_${workerId}`,
    };
  }
  if (dialect === 'mariadb' || dialect === 'mysql') {
    return {
      DB_DIALECT: dialect,
      DB_HOST: process.env.MINQING_TEST_MYSQL_HOST || '127.0.0.1',
      DB_PORT: process.env.MINQING_TEST_MYSQL_PORT || '3306',
      DB_USER: process.env.MINQING_TEST_MYSQL_USER || 'root',
      DB_PASSWORD: process.env.MINQING_TEST_MYSQL_PASSWORD || '',
      DB_DATABASE: `${prefix()}_${workerId}`,
    };
  }
  throw new Error(`MINQING_TEST_DB=${dialect}: use sqlite, postgres, mariadb or mysql`);
}

module.exports = { testDbConfig, root };
