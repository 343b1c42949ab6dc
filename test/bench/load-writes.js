#!/usr/bin/env node
'use strict';
/**
 * The HTTP clients of test/bench/load-writes.bench.ts, in a process of their own (never the server's
 * event loop):   node load-writes.js <phase.json>
 *
 * A phase is either a burst — every request in `requests` sent at the same moment, one connection
 * each — or a timed mix — `writers` and `readers` clients for `seconds`, each client sending its
 * templates in turn, one request at a time (`writeTemplatesByClient`: each writer its own list;
 * a list of one is repeated, a longer one sent once). In a template `{{n}}` becomes a number unique in the
 * run and `{{client}}` the client's number. Every client has its own address (X-Forwarded-For).
 * Prints JSON: per kind (write/read) requests, statuses, p50/p95/p99 in ms, and the wall time.
 */
const fs = require('fs');
const http = require('http');

const phase = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const base = new URL(phase.baseUrl);
let counter = 0;

function fill(value, client) {
  if (typeof value === 'string')
    return value.replace(/\{\{n\}\}/g, () => String(++counter)).replace(/\{\{client\}\}/g, String(client));
  if (Array.isArray(value)) return value.map((v) => fill(v, client));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, client)]));
  return value;
}

const results = { write: [], read: [] };

function send(template, client, agent) {
  const t = fill(template, client);
  const body = t.body === undefined ? undefined : JSON.stringify(t.body);
  const headers = {
    'Content-Type': 'application/json',
    'X-Forwarded-For': `10.${(client >> 8) & 255}.${client & 255}.${(client % 200) + 1}`,
    ...(phase.headers || {}),
    ...(t.public ? {} : phase.authHeaders || {}),
    ...(body ? { 'Content-Length': Buffer.byteLength(body) } : {}),
  };
  const kind = t.kind || (t.method === 'GET' ? 'read' : 'write');
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const done = (status) => {
      results[kind].push({ status, ms: Number(process.hrtime.bigint() - t0) / 1e6, label: t.label });
      resolve();
    };
    const req = http.request(
      { host: base.hostname, port: base.port, path: `/api/${t.path}`, method: t.method, headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode));
      },
    );
    req.setTimeout(phase.timeoutMs || 300_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => done(e.message === 'timeout' ? 'timeout' : e.code || 'error'));
    if (body) req.write(body);
    req.end();
  });
}

function summary(list) {
  const ms = list.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p) => +(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] || 0).toFixed(1);
  const statuses = {};
  for (const r of list) statuses[r.status] = (statuses[r.status] || 0) + 1;
  return { requests: list.length, statuses, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
}

(async () => {
  const started = Date.now();
  if (phase.requests) {
    // a burst: one connection per request, all at once
    await Promise.all(phase.requests.map((t, i) => send(t, i, new http.Agent({ keepAlive: false }))));
  } else {
    const end = Date.now() + phase.seconds * 1000;
    // `cycle: false`: a client's own list is sent once (assignments: each problem can be assigned once)
    const client = async (i, templates, cycle = true) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const start = cycle ? i : 0;
      for (let k = start; Date.now() < end && (cycle || k < templates.length); k++)
        await send(templates[k % templates.length], i, agent);
      agent.destroy();
    };
    const own = phase.writeTemplatesByClient;
    await Promise.all([
      ...Array.from({ length: phase.writers || 0 }, (_, i) =>
        own ? client(i, own[i], own[i].length === 1) : client(i, phase.writeTemplates),
      ),
      ...Array.from({ length: phase.readers || 0 }, (_, i) => client(1000 + i, phase.readTemplates)),
    ]);
  }
  const out = { wallMs: Date.now() - started };
  for (const kind of ['write', 'read']) if (results[kind].length) out[kind] = summary(results[kind]);
  if (phase.byLabel) {
    out.byLabel = {};
    const labels = new Set([...results.write, ...results.read].map((r) => r.label).filter(Boolean));
    for (const label of labels)
      out.byLabel[label] = summary([...results.write, ...results.read].filter((r) => r.label === label));
  }
  console.log(JSON.stringify(out));
})();
