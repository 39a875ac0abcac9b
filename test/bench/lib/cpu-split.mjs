// CPU split between groups of process trees (Linux /proc): e.g. { api: [pids], nginx: [pid],
// redis: [pid], postgres: [backend pids] }. Each group's processes and all their descendants count
// (nginx workers are children of its master; an API process may fork); the pids are asked for again
// at the end of the interval, so a process that started meanwhile counts from zero (a restarted API
// process, a new PostgreSQL backend) and one that ended keeps only what it used before the start.
import { readdirSync, readFileSync } from 'node:fs';
import { machineSeconds, processSeconds } from './proc.mjs';

/** pid → parent pid of every process on the machine (one pass over /proc). */
function parents() {
  const map = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      map.set(Number(entry), Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  return map;
}

/** parent pid → its children, of every process on the machine. */
function childrenMap() {
  const children = new Map();
  for (const [pid, parent] of parents()) {
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
  }
  return children;
}

/** The pids and every descendant of them (`children`: one childrenMap() shared by several calls). */
export function processTrees(roots, children = childrenMap()) {
  const all = new Set();
  const stack = roots.filter((pid) => Number.isInteger(pid) && pid > 0);
  while (stack.length) {
    const pid = stack.pop();
    if (all.has(pid)) continue;
    all.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return [...all];
}

/** The direct children of a process (e.g. the pgbench this process started). */
export function childrenOf(pid) {
  return [...parents()].filter(([, parent]) => parent === pid).map(([child]) => child);
}

/**
 * `groups`: label → async () => root pids (their trees count). `read()` gives, as a share of ONE
 * core over the interval, each group, `generator` (this process, its worker threads included, plus
 * `generatorPids` trees), `machine` (share of all cores, and `cores`) and `others` (what the
 * machine did besides the groups and the generator, in cores; `meter`: this meter's own cost,
 * not in `generator`). The trees are sampled every
 * `sampleMs` meanwhile, so a process that ends before `read()` (a pgbench connection's backend)
 * keeps what it used until its last sample.
 */
export async function cpuSplit(groups, generatorPids = async () => [], sampleMs = 2000) {
  const wallStart = performance.now();
  const labels = [...Object.keys(groups), '__generator'];
  const rootsOf = (label) => (label === '__generator' ? generatorPids() : groups[label]());
  // What the meter itself costs this process (one pass over /proc per sample) is not the generator's.
  let meterSeconds = 0;
  const snapshot = async () => {
    const roots = {};
    for (const label of labels) roots[label] = await rootsOf(label);
    const started = process.cpuUsage();
    const children = childrenMap();
    const out = {};
    for (const label of labels) out[label] = new Map(processTrees(roots[label], children).map((pid) => [pid, processSeconds(pid)]));
    const used = process.cpuUsage(started);
    meterSeconds += (used.user + used.system) / 1e6;
    return out;
  };
  const before = await snapshot();
  const last = Object.fromEntries(labels.map((label) => [label, new Map(before[label])]));
  const sample = async () => {
    const now = await snapshot();
    for (const label of labels) for (const [pid, value] of now[label]) if (value > 0) last[label].set(pid, value);
  };
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch(() => {});
  }, sampleMs);
  const selfBefore = process.cpuUsage();
  const meterBefore = meterSeconds;
  const machineBefore = machineSeconds();
  return {
    async read() {
      clearInterval(timer);
      await sampling;
      await sample();
      const self = process.cpuUsage(selfBefore);
      const machine = machineSeconds();
      const wall = (performance.now() - wallStart) / 1000;
      const delta = (label) => {
        let seconds = 0;
        for (const [pid, now] of last[label]) seconds += Math.max(0, now - (before[label].get(pid) ?? 0));
        return seconds;
      };
      const result = { wallSeconds: wall };
      let ours = 0;
      for (const label of Object.keys(groups)) {
        result[label] = { share: delta(label) / wall, processes: last[label].size };
        ours += result[label].share;
      }
      const meter = meterSeconds - meterBefore;
      result.generator = { share: Math.max(0, (self.user + self.system) / 1e6 - meter + delta('__generator')) / wall };
      result.meter = { share: meter / wall };
      ours += result.generator.share + result.meter.share;
      const cores = Math.max(1, (machine.total - machineBefore.total) / wall);
      result.machine = { share: (machine.busy - machineBefore.busy) / (machine.total - machineBefore.total || 1), cores };
      result.others = { share: Math.max(0, result.machine.share * cores - ours) };
      return result;
    },
  };
}
