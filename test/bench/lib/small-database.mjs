// A fresh benchmark database with the small data set (lib/small-seed.mjs), as the rush, login-flood
// and synchronized-start benchmarks build it: migrations by the built migration CLI, then the seed.
import argon2 from 'argon2';
import pg from 'pg';
import { env, JWT_SECRET, PASSWORD } from './env.mjs';
import { seedSmall } from './small-seed.mjs';
import { run } from './util.mjs';

/** Runs the API's migrations (apps/api/dist: build first) on the database at `url`. */
export async function migrateDatabase(url) {
  const result = await run(process.execPath, ['apps/api/dist/database/migration-cli.js', 'run'], { env: { ...env, DATABASE_URL: url, JWT_SECRET, LOG_LEVEL: 'warn' } });
  if (result.code !== 0) throw new Error(`migrations failed: ${result.stderr || result.stdout}`);
}

/**
 * Seeds `members` members (one password hash for all, PASSWORD) and the small round; `after(pool)`
 * may add more on the same connection. Returns how long each part took.
 */
export async function seedSmallDatabase(url, members, { after } = {}) {
  const { PASSWORD_HASH_OPTIONS } = await import('../../../apps/api/dist/modules/auth/password-hasher.js');
  const passwordHash = await argon2.hash(PASSWORD, PASSWORD_HASH_OPTIONS);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const steps = await seedSmall((sql, params) => pool.query(sql, params), { members, passwordHash });
    if (after) await after(pool);
    return steps;
  } finally {
    await pool.end();
  }
}
