// Preloaded into the API by attempts.bench.mjs when BENCH_PROFILE=1 (`node --import <this> main.js`):
// counts every statement the `pg` driver sends and the time each takes (call to result, as the
// app sees it), plus the time spent waiting for a pooled connection. A side HTTP server on
// BENCH_PROFILE_PORT answers GET /stats (and resets the counters). Measurement only: the app's
// code is untouched.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Resolve `pg` the way the API does (from its own folder), so the same module instance is patched.
const require = createRequire(join(process.cwd(), 'apps/api/package.json'));
const pg = require('pg');

let stats = fresh();

function fresh() {
  return { statements: 0, queryMs: 0, poolWaits: 0, poolWaitMs: 0, bySql: new Map(), elu: performance.eventLoopUtilization(), cpu: process.cpuUsage() };
}

function normalize(text) {
  return String(text).replace(/\s+/g, ' ').trim().slice(0, 110);
}

function record(sql, ms) {
  stats.statements += 1;
  stats.queryMs += ms;
  const entry = stats.bySql.get(sql) ?? { count: 0, ms: 0 };
  entry.count += 1;
  entry.ms += ms;
  stats.bySql.set(sql, entry);
}

const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function profiledQuery(config, values, callback) {
  const sql = normalize(typeof config === 'string' ? config : config?.text);
  const started = performance.now();
  const done = () => record(sql, performance.now() - started);
  if (typeof values === 'function') {
    const cb = values;
    return originalQuery.call(this, config, (...args) => {
      done();
      cb(...args);
    });
  }
  if (typeof callback === 'function') {
    return originalQuery.call(this, config, values, (...args) => {
      done();
      callback(...args);
    });
  }
  const result = originalQuery.call(this, config, values);
  if (result && typeof result.then === 'function') result.then(done, done);
  return result;
};

const originalConnect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function profiledConnect(callback) {
  const started = performance.now();
  const waited = () => {
    stats.poolWaits += 1;
    stats.poolWaitMs += performance.now() - started;
  };
  if (typeof callback === 'function') {
    return originalConnect.call(this, (...args) => {
      waited();
      callback(...args);
    });
  }
  const result = originalConnect.call(this);
  result.then(waited, waited);
  return result;
};

const port = Number(process.env.BENCH_PROFILE_PORT);
if (port) {
  const server = createServer((request, response) => {
    const snapshot = stats;
    stats = fresh();
    const bySql = [...snapshot.bySql].map(([sql, entry]) => ({ sql, ...entry })).sort((a, b) => b.count - a.count);
    response.setHeader('content-type', 'application/json');
    const { elu, cpu, ...rest } = snapshot;
    const cpuUsed = process.cpuUsage(cpu);
    response.end(
      JSON.stringify({
        ...rest,
        bySql,
        // Share of the interval the event loop was busy, and CPU seconds used (user + system, all threads).
        eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
        cpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6,
      }),
    );
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
