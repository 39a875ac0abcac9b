// `npm run bench` (after the build): every benchmark in turn (xlsx import, attempts, leaderboards,
// then the embedded default beside the server on a small data set of its own). The attempts and
// leaderboards benchmarks share one seeded database (200,000 members, 1,000,000 finished attempts;
// seeding takes minutes): the attempts bench seeds and keeps it, the leaderboards bench reuses it,
// then it is dropped — unless KEEP_DB=1, or BENCH_DB names a database kept earlier (then both reuse
// it and it stays). Each benchmark prints its own table; a missed goal prints "GOAL MISSED" and is not a
// failure. Exits non-zero only when a benchmark crashed.
import { spawn } from 'node:child_process';
import { ADMIN_URL, env, KEEP_DB, REUSE_DB } from './lib/env.mjs';
import { withClient } from './lib/util.mjs';

/** Runs a benchmark, its output shown as it comes (and kept, to find the database name). */
function bench(script, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`test/bench/${script}`], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

const failed = [];
const note = (script, result) => {
  if (result.code !== 0) failed.push(`${script} exited ${result.signal ?? result.code}`);
  console.log('');
};

note('import-xlsx', await bench('import-xlsx.bench.mjs'));

const attempts = await bench('attempts.bench.mjs', REUSE_DB ? {} : { KEEP_DB: '1' });
note('attempts', attempts);
const database = REUSE_DB ?? /kept database (\w+)/.exec(attempts.output)?.[1] ?? /database (hoithi_bench_\w+) on /.exec(attempts.output)?.[1] ?? null;
try {
  if (attempts.code === 0 && database) {
    note('leaderboards', await bench('leaderboards.bench.mjs', { BENCH_DB: database }));
  } else {
    failed.push('leaderboards did not run (the attempts benchmark left no database)');
  }
} finally {
  if (database && !REUSE_DB && !KEEP_DB) {
    await withClient(ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    console.log(`dropped database ${database}`);
  } else if (database && !REUSE_DB) {
    console.log(`kept database ${database} (reuse it with BENCH_DB=${database})`);
  }
}
// The embedded default beside the server, on its own small data set (fresh DATA_DIR and database).
note('embedded', await bench('embedded.bench.mjs'));

if (failed.length) {
  failed.forEach((text) => console.log(`benchmark failed: ${text}`));
  process.exitCode = 1;
}
