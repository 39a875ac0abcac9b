import { Redis } from 'ioredis';

/**
 * The Redis the tests use: TEST_REDIS_URL, else the server at 127.0.0.1:6379 when it answers.
 * Without one, Redis suites are skipped and say so; `.ci/run` sets CI_REQUIRE_SERVICES=1 so that
 * a missing Redis fails instead.
 */
export async function findTestRedis(): Promise<string | null> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch {
    if (process.env.CI_REQUIRE_SERVICES === '1') throw new Error(`CI_REQUIRE_SERVICES=1 but Redis does not answer at ${url}`);
    process.stdout.write(`Redis suites skipped: no Redis answers at ${url} (set TEST_REDIS_URL)\n`);
    return null;
  } finally {
    client.disconnect();
  }
}
