import net from 'node:net';

// A keep-alive HTTP/1.1 client on a raw socket: one request in flight per connection, like
// autocannon without pipelining. Cheap enough that the load generator is not what is measured.

export class HttpConnection {
  constructor(port) {
    this.port = port;
    this.socket = null;
    this.buffer = Buffer.alloc(0);
    this.pending = null;
  }

  async connect() {
    this.socket = await new Promise((resolve, reject) => {
      const socket = net.connect({ port: this.port, host: '127.0.0.1', noDelay: true }, () => resolve(socket));
      socket.once('error', reject);
    });
    this.buffer = Buffer.alloc(0);
    const socket = this.socket;
    socket.on('data', (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.fail(new Error('connection closed'));
    });
  }

  /** `headers`: extra header lines, e.g. 'x-forwarded-for: 10.0.0.1\r\n'. Resolves { status, body, head } (head: the raw header block). */
  async request(method, path, token, body, headers = '') {
    if (!this.socket) await this.connect();
    const payload = body === undefined ? '' : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n${headers}`;
    if (token) head += `authorization: Bearer ${token}\r\n`;
    if (body !== undefined) head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(`${head}\r\n${payload}`);
    });
  }

  parse() {
    if (!this.pending) return;
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body = '';
    let consumed = headerEnd + 4;
    if (length) {
      consumed += Number(length[1]);
      if (this.buffer.length < consumed) return;
      body = this.buffer.toString('utf8', headerEnd + 4, consumed);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts = [];
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', consumed);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.toString('latin1', consumed, lineEnd), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          consumed = lineEnd + 4;
          break;
        }
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        consumed = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    }
    this.buffer = this.buffer.subarray(consumed);
    const { resolve } = this.pending;
    this.pending = null;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    resolve({ status, body, head });
  }

  fail(error) {
    if (!this.pending) return;
    const { reject } = this.pending;
    this.pending = null;
    reject(error);
  }

  close() {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
  }
}

export async function openConnections(port, count) {
  const connections = Array.from({ length: count }, () => new HttpConnection(port));
  await Promise.all(connections.map((c) => c.connect()));
  return connections;
}

export function newStats() {
  return { latencies: [], errors: 0, samples: [], ms: 0 };
}

/** One timed request; a status other than `expected` (or a failed connection) counts as an error. */
export async function timed(stats, connection, expected, method, path, token, body) {
  const started = performance.now();
  let response;
  try {
    response = await connection.request(method, path, token, body);
  } catch (error) {
    response = { status: 0, body: String(error.message) };
  }
  stats.latencies.push(performance.now() - started);
  if (response.status === expected) return response;
  stats.errors += 1;
  if (stats.samples.length < 5) stats.samples.push(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${response.status} ${response.body.slice(0, 200)}`);
  return null;
}

/** Every task once, `connections.length` at a time; the phase's wall time is added to `stats.ms`. */
export async function runTasks(stats, connections, tasks, work) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < tasks.length) await work(connection, tasks[next++]);
    }),
  );
  stats.ms += performance.now() - started;
}

/** Requests back to back on every connection for `ms`. */
export async function runFor(stats, connections, ms, work) {
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    connections.map(async (connection) => {
      while (performance.now() < end) await work(connection);
    }),
  );
  stats.ms += performance.now() - started;
}
