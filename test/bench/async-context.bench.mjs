// Micro-benchmark behind docs/architecture.md "Transactions": what an active AsyncLocalStorage store
// costs each await on this Node version (on Node 20 it installs promise hooks for the whole process).
// A measurement, never a test.
//
//   node test/bench/async-context.bench.mjs
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';

const N = 2_000_000;

async function leaf(i) {
  await null;
  return i;
}

async function work(n) {
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += await leaf(i);
  return sum;
}

/** CPU nanoseconds per awaited call, in this process, with or without a store active. */
async function measure(withStore) {
  await work(200_000); // warm-up
  const started = process.cpuUsage();
  if (withStore) await new AsyncLocalStorage().run({ manager: null }, () => work(N));
  else await work(N);
  const used = process.cpuUsage(started);
  return ((used.user + used.system) * 1000) / N;
}

if (process.argv[2] === 'child') {
  console.log(String(await measure(process.argv[3] === 'store')));
} else {
  // Each case in a fresh process: once a store has been used, the hooks stay for the process's life.
  const run = (mode) => Number(spawnSync(process.execPath, [import.meta.filename, 'child', mode], { encoding: 'utf8' }).stdout.trim());
  const plain = [run('plain'), run('plain'), run('plain')].sort((a, b) => a - b)[1];
  const store = [run('store'), run('store'), run('store')].sort((a, b) => a - b)[1];
  console.log(`Node ${process.version}: ${plain.toFixed(0)} ns per awaited call without AsyncLocalStorage, ${store.toFixed(0)} ns with a store active (×${(store / plain).toFixed(1)}; medians of 3 processes, ${N.toLocaleString('en')} calls each)`);
}
