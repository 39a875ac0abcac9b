/**
 * `npm run leaderboard:rebuild [-- <roundId> …]` rebuilds the Redis boards from PostgreSQL (the
 * source of truth): the given rounds, or every round of a published contest not yet closed. Needs
 * REDIS_URL; without Redis the boards live in PostgreSQL and there is nothing to rebuild.
 */
import 'reflect-metadata';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/env.schema.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { EmbeddedPostgres } from '../../database/embedded-postgres.js';
import { BoardSource } from '../attempts/board-source.js';
import { RedisLeaderboardStore } from './redis-leaderboard.store.js';
import { OPEN_QUIZ_ROUND_IDS_SQL } from '../contests/contests.sql.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.redisUrl) {
    console.log('REDIS_URL is not set: the boards are served from PostgreSQL, nothing to rebuild.');
    return;
  }
  const embedded = config.databaseUrl ? null : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource(dataSourceOptions({ url: config.databaseUrl ?? embedded!.url, embedded: embedded !== null }));
  await dataSource.initialize();
  const redis = new Redis(config.redisUrl);
  try {
    const store = new RedisLeaderboardStore(redis, new BoardSource(dataSource));
    let roundIds = process.argv.slice(2);
    if (!roundIds.length) {
      const rows: { id: string }[] = await dataSource.query(
        OPEN_QUIZ_ROUND_IDS_SQL,
      );
      roundIds = rows.map((row) => row.id);
    }
    for (const roundId of roundIds) {
      const started = Date.now();
      const entries = await store.rebuild(roundId);
      console.log(`round ${roundId}: ${entries} entries in ${Date.now() - started} ms`);
    }
    if (!roundIds.length) console.log('no open rounds');
  } finally {
    redis.disconnect();
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
