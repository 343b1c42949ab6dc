#!/usr/bin/env node
'use strict';
/**
 * A small load generator in its own process (so it does not share the server's event loop):
 *   node load.js <url> [,url…] <concurrency> <seconds>
 * Prints JSON: requests, errors, requests/s, p50/p95/p99 latency in ms.
 */
const http = require('http');

const [urls, concurrency = '50', seconds = '5'] = process.argv.slice(2);
const targets = urls.split(',');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const latencies = [];
let errors = 0;
let statuses = {};
const end = Date.now() + Number(seconds) * 1000;

function once(url) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
        if (res.statusCode >= 400) errors++;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

async function worker(i) {
  let n = i;
  while (Date.now() < end) await once(targets[n++ % targets.length]);
}

(async () => {
  const started = Date.now();
  await Promise.all(Array.from({ length: Number(concurrency) }, (_, i) => worker(i)));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] || 0;
  console.log(
    JSON.stringify({
      requests: latencies.length,
      errors,
      statuses,
      rps: Math.round(latencies.length / elapsed),
      p50: +q(0.5).toFixed(1),
      p95: +q(0.95).toFixed(1),
      p99: +q(0.99).toFixed(1),
    }),
  );
  agent.destroy();
})();
