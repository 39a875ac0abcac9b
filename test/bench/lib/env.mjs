// What every benchmark on the seeded data set shares: the environment, the data size, the fixed
// ids the seed uses and the API's secret. The size key is stored in the seeded database
// (bench_meta) so that BENCH_DB only reuses a database seeded with the same figures.
import { createHash } from 'node:crypto';

export const env = process.env;
export const int = (name, fallback) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

export const ADMIN_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MEMBERS = int('BENCH_MEMBERS', 1000); // contestants per round of the attempts bench (part of the size key)
export const USERS = int('BENCH_USERS', 200_000);
export const UNITS = int('BENCH_UNITS', 5_000);
export const QUESTIONS = int('BENCH_QUESTIONS', 5_000);
export const ATTEMPTS = int('BENCH_ATTEMPTS', 1_000_000);
export const KEEP_DB = env.KEEP_DB === '1';
export const REUSE_DB = env.BENCH_DB ?? null;
export const PROFILE = env.BENCH_PROFILE === '1';
export const API_FLAGS = (env.BENCH_API_FLAGS ?? '').split(' ').filter(Boolean);

export const PAPER = 20; // questions per attempt
export const TIME_LIMIT = 1200;
export const MAX_ATTEMPTS = 100;
export const PARENT_UNITS = 50; // the federation (1) and 49 provincial unions; the rest are grassroots units under them
export const PAPERS = 64; // distinct papers reused by the stored attempts
export const PASSWORD = 'Bench-Password-2025';
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
export const STRIDE = Math.floor(QUESTIONS / PAPER); // 20 distinct questions per paper: q = 1 + (offset + i * STRIDE) % QUESTIONS

/** The deterministic ids the seed uses, as SQL's bench_uuid() computes them (md5, shaped as a v4 uuid). */
export function benchUuid(key) {
  const h = createHash('md5').update(key).digest('hex');
  const s = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
export const ROUND_ID = benchUuid('round:1');
export const unitOf = (n) => `bench_uuid('unit:' || (${PARENT_UNITS + 1} + (${n}) % ${UNITS - PARENT_UNITS}))`;

export const sizeKey = () => JSON.stringify({ USERS, UNITS, QUESTIONS, ATTEMPTS, MEMBERS });
