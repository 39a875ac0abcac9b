import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './env.schema.js';

describe('environment validation', () => {
  it('needs nothing in embedded mode and applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      redisUrl: null,
      demoData: true,
      attemptGraceSeconds: 5,
      attemptSweepSeconds: 30,
      registerRateLimit: 300,
      registerRequirePhone: false,
      loginFailureLimit: 10,
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('turns demo data off by default on a PostgreSQL server', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: 'x'.repeat(32) });
    expect(config.demoData).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u@localhost/db');
  });

  it('leaves start admission off by default; its burst defaults to one second of the rate', () => {
    expect(loadConfig({})).toMatchObject({ startAdmissionPerSecond: 0, startAdmissionRedisKey: 'hoithi:admission' });
    expect(loadConfig({ START_ADMISSION_PER_SECOND: '150' })).toMatchObject({ startAdmissionPerSecond: 150, startAdmissionBurst: 150 });
    expect(loadConfig({ START_ADMISSION_PER_SECOND: '150', START_ADMISSION_BURST: '20' }).startAdmissionBurst).toBe(20);
  });

  it('requires a phone at registration only when REGISTER_REQUIRE_PHONE says so', () => {
    expect(loadConfig({ REGISTER_REQUIRE_PHONE: 'true' }).registerRequirePhone).toBe(true);
    expect(loadConfig({ REGISTER_REQUIRE_PHONE: 'off' }).registerRequirePhone).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' , JWT_SECRET: 'x'.repeat(32) }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://u@localhost/db' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ ATTEMPT_GRACE_SECONDS: '-1' }, 'ATTEMPT_GRACE_SECONDS'],
    [{ REGISTER_RATE_LIMIT: '0' }, 'REGISTER_RATE_LIMIT'],
    [{ REGISTER_REQUIRE_PHONE: 'sometimes' }, 'REGISTER_REQUIRE_PHONE'],
    [{ LOGIN_FAILURE_LIMIT: '1.5' }, 'LOGIN_FAILURE_LIMIT'],
    [{ ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long enough' }, 'ADMIN_EMAIL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ START_ADMISSION_PER_SECOND: '-5' }, 'START_ADMISSION_PER_SECOND'],
    [{ START_ADMISSION_PER_SECOND: '2.5' }, 'START_ADMISSION_PER_SECOND'],
    [{ START_ADMISSION_BURST: '0' }, 'START_ADMISSION_BURST'],
    [{ HOST: 'api.example.org' }, 'HOST'],
    [{ HOST: '127.0.0.1; rm -rf' }, 'HOST'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('listens on every interface unless HOST names one', () => {
    expect(loadConfig({}).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });
});
