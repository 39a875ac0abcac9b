// Hội Thi cluster, locally: Debian's nginx in front of N API processes (`npm run start:cluster`),
// with the same nginx server configuration as docker/ (docker/nginx/http.conf and server.conf).
//
// Programmatic interface (used by the rush benchmark and the fault tests):
//
//   import { startCluster } from './scripts/cluster/cluster.mjs';
//   const cluster = await startCluster({
//     apiProcesses: 2,          // default: API_PROCESSES or the core count
//     port: 0,                  // nginx's port; 0 = a free port; default: PORT or 3000
//     env: { DATABASE_URL, REDIS_URL, JWT_SECRET, ... }, // default: process.env; passed to every API process
//     log: (line) => {},        // the cluster's own lines; default: console.log with a [cluster] prefix
//     logDir: '/tmp/x',         // API and nginx output into files there (api-1.log, nginx.log, access.log);
//                               // default: inherited stdout/stderr, access log in the temp dir
//     accessLog: true,          // nginx's access log (false: off, e.g. for benchmarks)
//     restartDelayMs: 1000,     // a dead API process is started again after this delay (doubled, up to
//                               // 30 s, while a restarted one keeps dying within 30 s of its start)
//     build: true,              // run `npm run build` when apps/api/dist or apps/web/dist is missing
//     onFatal: (reason) => {},  // nginx died: the cluster stopped itself (API processes are restarted instead)
//   });
//   cluster.url                 // 'http://127.0.0.1:PORT' (nginx)
//   cluster.pids                // { nginx, api: [...] }: the current pids (api[i] changes on a restart)
//   cluster.apiPorts            // each API process's own port
//   cluster.kill(i, signal)     // signal API process i (0-based); it is started again after restartDelayMs
//   await cluster.waitReady()   // every API process answers /api/health with 200 (e.g. after a restart)
//   await cluster.stop()        // SIGTERM to everything it started, waits for the exits, removes its temp dir
//   (options.signal: an AbortSignal that stops it, also while it is starting: startCluster then rejects)
//
// Without DATABASE_URL it refuses: the embedded PGlite database lives inside one process.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NGINX_SHARED_DIR = join(ROOT, 'docker', 'nginx');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');
const DEFAULT_NGINX = '/usr/sbin/nginx';
const HEALTH_TIMEOUT_MS = 120_000;

/**
 * This command's environment, read in this one place: it is passed through to the API processes,
 * which validate it themselves (apps/api/src/config); only PORT, API_PROCESSES and NGINX_BIN are the
 * cluster's own.
 */
const inheritedEnv = () => process.env;

/** A refusal the command reports as a message and an exit code, without a stack trace. */
export class ClusterError extends Error {
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

const positiveInt = (value, name) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (name === 'API_PROCESSES' && n < 1) || n > 65535) {
    throw new ClusterError(`${name} must be ${name === 'PORT' ? 'a port number' : 'a whole number ≥ 1'}, got "${String(value)}"`);
  }
  return n;
};

/** A port nothing listens on, chosen by the kernel. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** nginx's string quoting: paths may hold spaces. */
const quote = (value) => `"${String(value).replace(/(["\\$])/g, '\\$1')}"`;

/**
 * The generated nginx.conf: what docker/nginx.conf has, with loopback servers for the upstream and
 * paths under the cluster's temp dir; the http and server parts are the shared files themselves.
 */
/** The open-file limit nginx may raise itself to: docker's 65535, or less where the hard limit is lower. */
function openFileLimit() {
  const hard = Number(spawnSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim());
  return Number.isInteger(hard) && hard > 0 ? Math.min(hard, 65535) : 65535;
}

export function renderNginxConfig({ port, apiPorts, tempDir, accessLog, sharedDir = NGINX_SHARED_DIR }) {
  const servers = apiPorts.map((apiPort) => `        server 127.0.0.1:${apiPort} max_fails=3 fail_timeout=10s;`).join('\n');
  const path = (name) => quote(join(tempDir, name));
  return `# Generated by scripts/cluster/cluster.mjs; the shared parts are included from docker/nginx/.
daemon off;
master_process on;
worker_processes auto;
worker_rlimit_nofile ${openFileLimit()};
pid ${path('nginx.pid')};
error_log stderr notice;

events {
    worker_connections 8192;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path ${path('client_body')};
    proxy_temp_path ${path('proxy')};
    fastcgi_temp_path ${path('fastcgi')};
    uwsgi_temp_path ${path('uwsgi')};
    scgi_temp_path ${path('scgi')};

    # Same parameters as docker/nginx.conf, one loopback port per API process.
    upstream api {
        zone api 64k;
${servers}
        keepalive 64;
    }

    include ${quote(join(sharedDir, 'http.conf'))};
    access_log ${accessLog ? `${quote(accessLog)} hoithi` : 'off'};

    server {
        listen ${port};
        include ${quote(join(sharedDir, 'server.conf'))};
    }
}
`;
}

/** Where nginx is, or a refusal that says how to install it. */
export function findNginx(env = inheritedEnv()) {
  const bin = env.NGINX_BIN || DEFAULT_NGINX;
  if (existsSync(bin)) return bin;
  throw new ClusterError(`nginx not found at ${bin}: install Debian's nginx (apt-get install -y nginx) or set NGINX_BIN`);
}

/** Builds like `npm start` when the API or the client build is missing. */
function buildIfMissing(log) {
  if (existsSync(MAIN) && existsSync(WEB_INDEX)) return;
  log(`no build found (${existsSync(MAIN) ? WEB_INDEX : MAIN}): running npm run build`);
  const env = { ...inheritedEnv() };
  delete env.NODE_ENV; // Jest sets test, which would make Vite build React's development bundle
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new ClusterError('npm run build failed', 1);
}

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

async function healthy(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

const describeExit = (code, signal) => (signal ? `killed by ${signal}` : `exited with code ${String(code)}`);

export async function startCluster(options = {}) {
  const env = { ...(options.env ?? inheritedEnv()) };
  const log = options.log ?? ((line) => console.log(`[cluster] ${line}`));
  const apiProcesses = positiveInt(options.apiProcesses ?? env.API_PROCESSES ?? availableParallelism(), 'API_PROCESSES');
  const requestedPort = positiveInt(options.port ?? env.PORT ?? 3000, 'PORT');
  const restartDelayMs = options.restartDelayMs ?? 1000;
  if (!env.DATABASE_URL) {
    throw new ClusterError(
      'DATABASE_URL is required: the cluster runs several API processes on one PostgreSQL server, and the embedded ' +
        'database (PGlite, used when DATABASE_URL is unset) lives inside a single process. Use `npm start` for that.',
    );
  }
  const nginxBin = findNginx(env);
  if (options.build !== false) buildIfMissing(log);

  const tempDir = mkdtempSync(join(tmpdir(), 'hoithi-cluster-'));
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const apiPorts = [];
  for (let i = 0; i < apiProcesses; i += 1) apiPorts.push(await freePort());
  const accessLog = options.accessLog === false ? null : join(options.logDir ?? tempDir, 'access.log');
  const confPath = join(tempDir, 'nginx.conf');
  writeFileSync(confPath, renderNginxConfig({ port, apiPorts, tempDir, accessLog }));

  const output = (name) => {
    if (!options.logDir) return { stdio: ['ignore', 'inherit', 'inherit'], attach: () => undefined };
    const file = createWriteStream(join(options.logDir, name), { flags: 'a' });
    return {
      stdio: ['ignore', 'pipe', 'pipe'],
      attach: (child) => {
        child.stdout.pipe(file, { end: false });
        child.stderr.pipe(file, { end: false });
        child.once('exit', () => setTimeout(() => file.end(), 100));
      },
    };
  };

  let stopping = false;
  const slots = apiPorts.map((apiPort, index) => ({ index, port: apiPort, child: null, exited: null, restartTimer: null, startedAt: 0, delayMs: restartDelayMs, restarted: false }));
  const healthUrl = (slot) => `http://127.0.0.1:${slot.port}/api/health`;

  // Extra node flags for the API processes only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to
  // profile them under a benchmark (node refuses --cpu-prof in NODE_OPTIONS).
  const apiNodeArgs = (env.CLUSTER_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const spawnApi = (slot) => {
    if (stopping) throw new ClusterError('stopped while starting', 1);
    const { stdio, attach } = output(`api-${slot.index + 1}.log`);
    // nginx overwrites X-Forwarded-For with the client's address, so the API may believe it.
    const child = spawn(process.execPath, [...apiNodeArgs, MAIN], { cwd: ROOT, env: { TRUST_PROXY: 'true', ...env, PORT: String(slot.port), HOST: '127.0.0.1' }, stdio });
    attach(child);
    slot.child = child;
    slot.startedAt = Date.now();
    slot.exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
    void slot.exited.then(({ code, signal }) => {
      if (stopping || slot.child !== child) return;
      // A process that dies again soon after its start (e.g. no database while it boots) is restarted
      // less and less often, up to every 30 s; one that ran a while, after restartDelayMs again.
      const diedSoon = slot.restarted && Date.now() - slot.startedAt < 30_000;
      slot.delayMs = diedSoon ? Math.min(slot.delayMs * 2, 30_000) : restartDelayMs;
      slot.restarted = true;
      log(`api #${slot.index + 1} (pid ${child.pid}, port ${slot.port}) ${describeExit(code, signal)}; nginx routes around it; restarting in ${slot.delayMs} ms`);
      slot.restartTimer = setTimeout(() => {
        slot.restartTimer = null;
        if (stopping) return;
        const next = spawnApi(slot);
        const restartedAt = Date.now();
        log(`api #${slot.index + 1} restarted: pid ${next.pid}, port ${slot.port}`);
        void waitHealthy(slot, next).then(
          (ok) => ok && log(`api #${slot.index + 1} (pid ${next.pid}) healthy again after ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`),
          () => undefined,
        );
      }, slot.delayMs);
    });
    return child;
  };

  /** True when this child answers 200 on /api/health; false if it exited (or another replaced it) first. */
  const waitHealthy = async (slot, child, timeoutMs = HEALTH_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    while (!stopping && slot.child === child && child.exitCode === null && child.signalCode === null) {
      if (await healthy(healthUrl(slot))) return true;
      if (Date.now() > deadline) throw new ClusterError(`api #${slot.index + 1} (port ${slot.port}) not healthy within ${timeoutMs} ms`, 1);
      await sleep(200);
    }
    return false;
  };

  let nginx = null;
  let nginxExited = null;
  const running = () => [...slots.map((slot) => slot.child), nginx].filter((child) => child && child.exitCode === null && child.signalCode === null);
  // Last resort if this process exits without stop() (an uncaught error): no orphans.
  const killNginxGroup = () => {
    try {
      if (nginx) process.kill(-nginx.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  };
  const killAll = () => {
    running().forEach((child) => child.kill('SIGKILL'));
    killNginxGroup();
  };
  process.once('exit', killAll);
  let stopped = null;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      for (const slot of slots) if (slot.restartTimer) clearTimeout(slot.restartTimer);
      const exits = [...slots.map((slot) => slot.child && slot.exited), nginx && nginxExited].filter(Boolean);
      for (const child of running()) child.kill('SIGTERM');
      const killer = setTimeout(killAll, 10_000);
      await Promise.all(exits);
      clearTimeout(killer);
      killNginxGroup();
      process.removeListener('exit', killAll);
      rmSync(tempDir, { recursive: true, force: true });
      log('stopped');
    })());
  options.signal?.addEventListener('abort', () => void stop(), { once: true });

  try {
    // The first process alone: it runs the migrations (under an advisory lock anyway) and the one-time
    // boot work that is not guarded against a concurrent boot (demo data on an empty database, the
    // ADMIN_EMAIL account); then the others together.
    const bootOne = async (slot) => {
      const child = spawnApi(slot);
      const startedAt = Date.now();
      log(`api #${slot.index + 1}: pid ${child.pid}, port ${slot.port}`);
      if (!(await waitHealthy(slot, child))) {
        const { code, signal } = await slot.exited;
        throw new ClusterError(`api #${slot.index + 1} ${describeExit(code, signal)} before it was healthy`, 1);
      }
      log(`api #${slot.index + 1} (pid ${child.pid}) healthy after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    };
    await bootOne(slots[0]);
    await Promise.all(slots.slice(1).map(bootOne));

    if (stopping) throw new ClusterError('stopped while starting', 1);
    const { stdio, attach } = output('nginx.log');
    // Its own process group: nginx's workers outlive a master killed with SIGKILL, and the group
    // lets us end them too.
    nginx = spawn(nginxBin, ['-p', tempDir, '-c', confPath], { cwd: tempDir, stdio, detached: true });
    attach(nginx);
    nginxExited = new Promise((resolveExit) => nginx.once('exit', (code, signal) => resolveExit({ code, signal })));
    void nginxExited.then(({ code, signal }) => {
      if (stopping) return;
      // Without nginx nothing reaches the API processes: stop them too, and say so.
      const reason = `nginx (pid ${nginx.pid}) ${describeExit(code, signal)}: stopping the cluster`;
      log(reason);
      void stop().then(() => options.onFatal?.(reason));
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    while (!(await healthy(`${url}/api/health`))) {
      if (stopping) throw new ClusterError('stopped while starting', 1);
      if (nginx.exitCode !== null || nginx.signalCode !== null) throw new ClusterError(`nginx ${describeExit(nginx.exitCode, nginx.signalCode)}; config ${confPath}`, 1);
      if (Date.now() > deadline) throw new ClusterError(`nginx does not answer on ${url} within 10 s`, 1);
      await sleep(100);
    }

    const cluster = {
      url,
      port,
      apiPorts: [...apiPorts],
      tempDir,
      get pids() {
        return { nginx: nginx.pid, api: slots.map((slot) => slot.child.pid) };
      },
      kill(index, signal = 'SIGKILL') {
        const slot = slots[index];
        if (!slot) throw new RangeError(`no API process #${index + 1}`);
        slot.child.kill(signal);
        return slot.child.pid;
      },
      async waitReady(timeoutMs = HEALTH_TIMEOUT_MS) {
        const deadline = Date.now() + timeoutMs;
        for (const slot of slots) {
          while (!stopping && !(await healthy(healthUrl(slot)))) {
            if (Date.now() > deadline) throw new ClusterError(`api #${slot.index + 1} not healthy within ${timeoutMs} ms`, 1);
            await sleep(200);
          }
        }
      },
      stop,
    };
    log(`ready: ${url} (nginx pid ${nginx.pid}; api pids ${cluster.pids.api.join(', ')} on ports ${apiPorts.join(', ')})`);
    return cluster;
  } catch (error) {
    await stop();
    throw error;
  }
}

async function main() {
  const abort = new AbortController();
  let cluster = null;
  const onSignal = (signal) => {
    if (abort.signal.aborted) return;
    console.log(`[cluster] ${signal}: stopping nginx and the API processes`);
    abort.abort();
    // Started: stop it. Still starting: startCluster stops what it started and rejects (below).
    if (cluster) void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A wrapper (npm, a shell) that dies without passing its signal on would leave us, nginx and the
  // API processes behind: when our parent changes, stop as on SIGTERM.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && onSignal('parent exited'), 1000).unref();
  try {
    cluster = await startCluster({ signal: abort.signal, onFatal: () => process.exit(1) });
  } catch (error) {
    if (abort.signal.aborted) process.exit(0);
    if (error instanceof ClusterError) {
      console.error(`[cluster] ${error.message}`);
      process.exit(error.exitCode);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
