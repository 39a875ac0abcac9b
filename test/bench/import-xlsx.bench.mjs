// Benchmark: import a 5,000-question xlsx through the real HTTP API (built app, PostgreSQL server).
// Goal from issue 3: under 10 s on this machine. Run with `npm run bench` (builds first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeTemplateXlsx } from '../../apps/api/dist/modules/question-bank/export/xlsx.writer.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function questions(n, salt) {
  return Array.from({ length: n }, (_, i) => ({
    type: i % 10 === 0 ? 'multiple' : 'single',
    text: `Câu hỏi thử số ${i + 1} (${salt}) về Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân?`,
    options: [
      { text: `Phương án đúng ${i}`, correct: true },
      { text: `Phương án sai thứ nhất ${i}`, correct: i % 10 === 0 },
      { text: `Phương án sai thứ hai ${i}`, correct: false },
      { text: `Phương án sai thứ ba ${i}`, correct: false },
    ],
    difficulty: ['easy', 'medium', 'hard'][i % 3],
    points: 1,
    explanation: `Giải thích cho câu ${i + 1}.`,
  }));
}

async function waitForHealth(base) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not come up');
}

const database = `hoithi_bench_${Date.now()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'hoithi-bench-'));
const port = 39500 + Math.floor(Math.random() * 400);
const base = `http://127.0.0.1:${port}`;
await admin(`CREATE DATABASE ${database}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url.toString(),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench-password',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  await waitForHealth(base);
  const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench-password' }) })).json();
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const timings = [];
  for (let run = 1; run <= RUNS; run++) {
    const topic = await (await fetch(`${base}/api/topics`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Bench ${run}` }) })).json();
    const file = await writeTemplateXlsx(questions(QUESTIONS, run));
    const form = new FormData();
    form.set('format', 'xlsx');
    form.set('topicId', topic.id);
    form.set('file', new Blob([file]), 'bench.xlsx');
    const started = performance.now();
    const response = await fetch(`${base}/api/questions/import`, { method: 'POST', headers: auth, body: form });
    const elapsed = performance.now() - started;
    const body = await response.json();
    if (response.status !== 201 || body.created !== QUESTIONS) throw new Error(`import failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    timings.push(elapsed);
    console.log(`run ${run}: ${QUESTIONS} questions, ${(file.length / 1024).toFixed(0)} KiB xlsx, imported in ${(elapsed / 1000).toFixed(2)} s`);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  console.log(`xlsx import of ${QUESTIONS} questions: median ${(median / 1000).toFixed(2)} s, max ${(timings.at(-1) / 1000).toFixed(2)} s (goal < 10 s)`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
}
