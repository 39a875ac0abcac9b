// CPU time from /proc (Linux): a process, each of its threads, a set of processes (PostgreSQL
// backends) and the whole machine, so a benchmark can say which process, or which thread, was busy.
// Ticks are USER_HZ (100 per second on Linux).
import { readdirSync, readFileSync } from 'node:fs';

const HZ = 100;

/** utime + stime of /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat, in seconds (0 when gone). */
function statSeconds(path) {
  try {
    const text = readFileSync(path, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / HZ; // fields 14 and 15 of the whole line
  } catch {
    return 0;
  }
}

export const processSeconds = (pid) => statSeconds(`/proc/${pid}/stat`);

/** The CPU seconds of every thread of a process: [{ tid, name, seconds }]. */
export function threadSeconds(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => {
      let name = '?';
      try {
        name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      } catch {
        // the thread ended meanwhile
      }
      return { tid: Number(tid), name, seconds: statSeconds(`/proc/${pid}/task/${tid}/stat`) };
    });
  } catch {
    return [];
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineSeconds() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0); // user … steal (guest is inside user)
  const idle = values[3] + values[4]; // idle + iowait
  return { busy: (total - idle) / HZ, total: total / HZ };
}

/**
 * A meter over an interval: `const m = cpuMeter({ app: pid }, () => backendPids())`, then
 * `m.read()` gives, as a share of ONE core over the interval, each named process, its busiest
 * thread (and which), the sum of the PIDs `extra()` lists (e.g. PostgreSQL backends: a backend
 * that started meanwhile counts from zero), this process (the load generator), the machine (share
 * of all cores) and `others`: what the machine did besides all of those (in cores).
 * `extra` may return a promise.
 */
export async function cpuMeter(named, extra = async () => []) {
  const wallStart = performance.now();
  const snapshot = async () => ({
    named: Object.fromEntries(Object.entries(named).map(([label, pid]) => [label, { total: processSeconds(pid), threads: threadSeconds(pid) }])),
    extra: new Map((await extra()).map((pid) => [pid, processSeconds(pid)])),
    self: process.cpuUsage(),
    machine: machineSeconds(),
  });
  const before = await snapshot();
  return {
    async read() {
      const after = await snapshot();
      const wall = (performance.now() - wallStart) / 1000;
      const share = (seconds) => seconds / wall;
      const result = { wallSeconds: wall };
      for (const [label, now] of Object.entries(after.named)) {
        const was = before.named[label];
        const threads = now.threads.map((t) => {
          const old = was.threads.find((w) => w.tid === t.tid);
          return { ...t, share: share(t.seconds - (old?.seconds ?? 0)) };
        }).sort((a, b) => b.share - a.share);
        result[label] = { share: share(now.total - was.total), busiest: threads[0] ?? null, threads };
      }
      let extraSeconds = 0;
      for (const [pid, seconds] of after.extra) extraSeconds += seconds - (before.extra.get(pid) ?? 0);
      result.extra = { share: share(extraSeconds), processes: after.extra.size };
      const self = process.cpuUsage(before.self);
      result.generator = { share: share((self.user + self.system) / 1e6) };
      const cores = Math.max(1, (after.machine.total - before.machine.total) / wall);
      result.machine = { share: (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total || 1), cores };
      // Everything else the machine did meanwhile (other processes; the kernel's own work too), in cores.
      const ours = Object.keys(after.named).reduce((total, label) => total + result[label].share, 0) + result.extra.share + result.generator.share;
      result.others = { share: Math.max(0, result.machine.share * cores - ours) };
      return result;
    },
  };
}
