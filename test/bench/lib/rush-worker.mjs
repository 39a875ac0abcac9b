// One load-generator thread of the rush benchmark (rush.bench.mjs starts BENCH_RUSH_WORKERS of
// them, each with its share of the contestants). Open loop (lib/open-loop.mjs): every action is
// due at a time of the plan and its latency counts from then. A contestant arrives (its first due
// time; arrivals thicken towards the end of the ramp, the deadline), logs in when it is one of the
// few without a token, then: start → saves 2–6 s apart → prediction → submit → its rank (/me) →
// 2–6 s later the next attempt, until the step ends; one in ten also watches the board (the top 50
// polled every 5 s, or the live stream). Saves are due 2–6 s after the previous save was DUE (a
// member answers on while a save is out); what needs an answer first (the paper after a start, the
// result after a submit, a login) is due that long after the answer came. The first attempt of each contestant has 1–20 saves left,
// as if it arrived anywhere in its attempt, so a short step has the mix of a long one. At the end,
// attempts still running are submitted (not timed), so the next step starts clean.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PASSWORD } from './env.mjs';
import { HttpConnection } from './http.mjs';
import { ConnectionPool, runSchedule } from './open-loop.mjs';
import { tokenSigner } from './tokens.mjs';
import { mulberry32 } from './util.mjs';

const { port, roundId, contestants, sampleToken, plan, connections, seed, paper } = workerData;
const KINDS = ['login', 'start', 'save', 'prediction', 'submit', 'me', 'top50', 'stream', 'resume'];

const random = mulberry32(seed);
const between = (low, high) => low + random() * (high - low);
const toLocal = (epoch) => epoch - performance.timeOrigin; // plan times are epoch ms (shared by the threads)
const t0 = toLocal(plan.t0);
const endAt = t0 + plan.rampMs + plan.holdMs;
const sign = tokenSigner(sampleToken);
const parse = (body) => {
  try {
    return JSON.parse(body);
  } catch {
    return {};
  }
};

const stats = Object.fromEntries(KINDS.map((kind) => [kind, { latencies: [], errors: 0, samples: [] }]));
const counts = { acknowledged: 0, waited: 0, loginRefused: 0, streamEvents: 0, lostAttempts: 0 };
const record = (kind, response, expected) => {
  const s = stats[kind];
  s.latencies.push(response.latency);
  if (expected.includes(response.status)) return true;
  s.errors += 1;
  if (s.samples.length < 5) s.samples.push(`${kind} → ${response.status} ${String(response.body).replace(/\s+/g, ' ').slice(0, 200)}`);
  return false;
};
const retryAfterMs = (head) => 1000 * Number(/\r\nretry-after:\s*(\d+)/i.exec(head ?? '')?.[1] ?? 1);

// --- contestants (actors of the schedule) and pollers (one more actor per polling watcher)
const actors = [];
for (const c of contestants) {
  c.token = c.login ? null : sign(c);
  c.state = c.login ? 'login' : 'start';
  c.attempt = null;
  c.savesLeft = 0;
  // An attempt may still be active: left by an earlier step whose clean-up failed, or after a
  // submit that got no answer. Then a start answered 409 ACTIVE_EXISTS resumes it (not an error).
  c.uncertain = true;
  actors.push(c);
  if (c.watch === 'poll') actors.push({ poller: true, arrival: c.arrival + 500 });
}

const question = (c) => c.attempt.questions[(paper - c.savesLeft) % c.attempt.questions.length];

async function act(c, due, send) {
  if (c.poller) {
    const response = await send('GET', `/api/rounds/${roundId}/leaderboard?limit=50`, null);
    record('top50', response, [200]);
    return due + between(4000, 6000);
  }
  switch (c.state) {
    case 'login': {
      const response = await send('POST', '/api/auth/login', null, { email: c.email, password: PASSWORD });
      if (response.status === 429) {
        // The password hashing gate is full: come back when it says (not an error: the contract).
        counts.loginRefused += 1;
        stats.login.latencies.push(response.latency);
        return performance.now() + retryAfterMs(response.head);
      }
      if (record('login', response, [200])) c.token = parse(response.body).accessToken;
      if (!c.token) c.token = sign(c); // go on with a minted token: one failure is enough to report
      c.state = 'start';
      return performance.now() + between(500, 1500);
    }
    case 'start': {
      const response = await send('POST', `/api/rounds/${roundId}/attempts`, c.token);
      if (response.status === 202) {
        // Admission control: wait in the queue (START_ADMISSION_PER_SECOND > 0).
        counts.waited += 1;
        stats.start.latencies.push(response.latency);
        const wait = Number(parse(response.body).retryAfterMs);
        return performance.now() + (Number.isFinite(wait) && wait > 0 ? wait : 1000);
      }
      const body = response.status === 201 || response.status === 409 ? parse(response.body) : {};
      if (response.status === 409 && body.code === 'ATTEMPT.ACTIVE_EXISTS' && body.attemptId) {
        // The last submit went unanswered: resume the attempt that is still running.
        record('start', response, c.uncertain ? [409] : [201]);
        c.uncertain = false;
        const resumed = await send('GET', `/api/attempts/${body.attemptId}`, c.token);
        if (!record('resume', resumed, [200])) return performance.now() + between(2000, 6000);
        c.attempt = paperOf(parse(resumed.body));
        c.savesLeft = paper;
        c.state = 'save';
        return performance.now() + between(2000, 6000);
      }
      if (!record('start', response, [201])) return performance.now() + between(2000, 6000);
      c.uncertain = false;
      c.attempt = paperOf(body);
      c.savesLeft = c.firstSaves ?? paper;
      c.firstSaves = null;
      c.state = 'save';
      return performance.now() + between(2000, 6000);
    }
    case 'save': {
      const q = question(c);
      const response = await send('PUT', `/api/attempts/${c.attempt.id}/answers/${q.id}`, c.token, { optionIds: [q.options[Math.floor(random() * q.options.length)]] });
      if (record('save', response, [200])) counts.acknowledged += 1;
      c.savesLeft -= 1;
      if (c.savesLeft <= 0) c.state = 'prediction';
      return due + between(2000, 6000);
    }
    case 'prediction': {
      const response = await send('PUT', `/api/attempts/${c.attempt.id}/prediction`, c.token, { prediction: Math.floor(random() * 5000) });
      record('prediction', response, [200]);
      c.state = 'submit';
      return due + between(1000, 3000);
    }
    case 'submit': {
      const response = await send('POST', `/api/attempts/${c.attempt.id}/submit`, c.token, { prediction: Math.floor(random() * 5000) });
      if (!record('submit', response, [200])) c.uncertain = true;
      c.attempt = null;
      c.state = 'me';
      return performance.now() + between(500, 1500);
    }
    case 'me': {
      const response = await send('GET', `/api/rounds/${roundId}/leaderboard/me`, c.token);
      record('me', response, [200]);
      c.state = 'start';
      return performance.now() + between(2000, 6000);
    }
    default:
      throw new Error(`unknown state ${c.state}`);
  }
}

function paperOf(attempt) {
  return { id: attempt.id, questions: (attempt.questions ?? []).map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })) };
}

// --- live streams: a socket each, opened at arrival, read until the step ends
const streams = [];
function openStream(c, due) {
  const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
  const entry = { socket, gotFirst: false, status: 0, done: false };
  streams.push(entry);
  let head = '';
  socket.setEncoding('latin1');
  socket.on('connect', () => {
    // A distinct client address per watcher (counted only when the API trusts the proxy).
    socket.write(`GET /api/rounds/${roundId}/leaderboard/stream HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\naccept: text/event-stream\r\n` +
      `x-forwarded-for: 10.${(c.n >> 16) & 255}.${(c.n >> 8) & 255}.${c.n & 255}\r\n\r\n`);
  });
  socket.on('data', (chunk) => {
    if (!entry.status) {
      head += chunk;
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      entry.status = Number(head.slice(9, 12));
      if (entry.status !== 200) {
        record('stream', { status: entry.status, body: head.slice(end + 4), latency: performance.now() - due }, [200]);
        entry.done = true;
        socket.destroy();
        return;
      }
      chunk = head.slice(end + 4);
    }
    const events = chunk.split('\ndata:').length - 1 + (chunk.startsWith('data:') ? 1 : 0);
    if (events && !entry.gotFirst) {
      entry.gotFirst = true;
      record('stream', { status: 200, latency: performance.now() - due }, [200]);
    }
    counts.streamEvents += events;
  });
  socket.on('error', (error) => {
    if (!entry.done && !entry.gotFirst) record('stream', { status: 0, body: error.message, latency: performance.now() - due }, [200]);
    entry.done = true;
  });
  socket.on('close', () => {
    if (!entry.done && !entry.gotFirst && performance.now() < endAt) {
      record('stream', { status: 0, body: 'closed before the first event', latency: performance.now() - due }, [200]);
    }
    entry.done = true;
  });
}
const streamTimers = contestants.filter((c) => c.watch === 'stream').map((c) => {
  const due = t0 + c.arrival + 500;
  return setTimeout(() => openStream(c, due), Math.max(0, due - performance.now()));
});

// --- the step
const pool = new ConnectionPool(port, connections);
const schedule = await runSchedule({
  actors,
  pool,
  endAt,
  first: (a) => t0 + a.arrival,
  act,
});
streamTimers.forEach(clearTimeout);
for (const s of streams) {
  if (!s.gotFirst && !s.done) record('stream', { status: 0, body: 'no event before the step ended', latency: endAt - t0 }, [200]);
  s.done = true;
  s.socket.destroy();
}
parentPort.postMessage({ type: 'load-done' });

// --- clean-up (not timed): submit what is still running, 16 connections back to back
const running = contestants.filter((c) => c.attempt);
const cleanup = Array.from({ length: Math.min(16, running.length) }, () => new HttpConnection(port));
let next = 0;
await Promise.all(cleanup.map(async (connection) => {
  while (next < running.length) {
    const c = running[next++];
    try {
      const response = await connection.request('POST', `/api/attempts/${c.attempt.id}/submit`, c.token, { prediction: 1 });
      if (response.status !== 200) counts.lostAttempts += 1;
    } catch {
      counts.lostAttempts += 1;
    }
  }
}));
cleanup.forEach((c) => c.close());
const poolSize = pool.size;
pool.close();

const out = {};
const transfer = [];
for (const kind of KINDS) {
  const latencies = Float64Array.from(stats[kind].latencies);
  transfer.push(latencies.buffer);
  out[kind] = { latencies, errors: stats[kind].errors, samples: stats[kind].samples };
}
parentPort.postMessage({
  type: 'result',
  stats: out,
  counts: { ...counts, cleanedUp: running.length },
  loop: { late: schedule.late, stallMs: schedule.stallMs, unfinished: schedule.unfinished, connections: poolSize },
}, transfer);
