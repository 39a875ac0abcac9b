// Seeds the embedded database of a DATA_DIR before the app starts (the app's process owns the folder
// while it runs): `node test/bench/lib/embedded-seed.mjs <dataDir> <members>` with the password hash
// in BENCH_PASSWORD_HASH. A one-off PGlite, opened exactly as the app opens it (EmbeddedPostgres,
// served on loopback), takes the same SQL as the PostgreSQL server; the migrations ran before
// (migration-cli on the same DATA_DIR). Prints the seed steps as one JSON line.
import pg from 'pg';
import { EmbeddedPostgres } from '../../../apps/api/dist/database/embedded-postgres.js';
import { seedSmall } from './small-seed.mjs';

const [dataDir, members] = process.argv.slice(2);
const embedded = await EmbeddedPostgres.start(dataDir);
try {
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  try {
    const steps = await seedSmall((sql, params) => client.query(sql, params), { members: Number(members), passwordHash: process.env.BENCH_PASSWORD_HASH });
    await client.query('CHECKPOINT');
    console.log(JSON.stringify({ steps }));
  } finally {
    await client.end();
  }
} finally {
  await embedded.stop();
}
