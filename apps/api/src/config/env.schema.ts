/**
 * The environment, validated once at boot (API.md "Configuration"). Nothing else reads process.env:
 * everything injects the typed `AppConfig` through the `APP_CONFIG` token.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export const APP_CONFIG = Symbol('APP_CONFIG');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  /** The address the API listens on: all interfaces by default; 127.0.0.1 behind a local proxy (the cluster). */
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  /** How long an idle connection stays in the pool before it is closed. */
  databaseIdleTimeoutMs: number;
  /** Server only: the API's connections cancel a statement after this long, and a wait for a lock (0 = never). */
  databaseStatementTimeoutMs: number;
  databaseLockTimeoutMs: number;
  /** Embedded only: minutes between VACUUM (ANALYZE) passes (PGlite runs no autovacuum); 0 = never. */
  embeddedVacuumMinutes: number;
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  jwtSecret: string | null;
  /** Access token lifetime (short: a revoked session's tokens stop at the latest then, and every replica also polls revocations). */
  jwtExpiresInSeconds: number;
  /** A refresh token (a signed-in device) lives this many days without use; each refresh starts it again. */
  refreshTokenDays: number;
  /** How often every replica reads revocations (role changes, resets, deactivations, logouts): API.md promises 5 s. */
  revocationPollMs: number;
  attemptGraceSeconds: number;
  /** How often the sweeper finalizes attempts whose time ran out; 0 = never (tests call it). */
  attemptSweepSeconds: number;
  /** With Redis: how often each replica writes again the board rows changed in PostgreSQL (a lost Redis write heals); 0 = never. */
  leaderboardReconcileMs: number;
  /** How often each replica closes quiz rounds whose close + grace has passed; 0 = never (tests call it). */
  roundAutoCloseSeconds: number;
  /** Members whose attempts a regrade of a live round rewrites per transaction (their rows are locked only that long). */
  regradeBatchUsers: number;
  registerRateLimit: number;
  /** Registration needs a phone number (a Vietnamese mobile, one per account). */
  registerRequirePhone: boolean;
  loginFailureLimit: number;
  /** Failed logins per client address per minute before 429 (high: a whole office shares one address). */
  loginAddressFailureLimit: number;
  /** Password hashes at once (argon2, one core each); the default leaves one core to the event loop. */
  passwordHashConcurrency: number;
  /** Hashes waiting beyond those; more are refused with 429 and Retry-After. */
  passwordHashQueue: number;
  /** New attempts admitted per second across all replicas; above it starts queue (202 waiting); 0 = off. */
  startAdmissionPerSecond: number;
  /** Starts admitted at once after a quiet spell (the token bucket's size). */
  startAdmissionBurst: number;
  /** With Redis: the keys of the shared start queue (deployments sharing one Redis use their own). */
  startAdmissionRedisKey: string;
  logLevel: LogLevel;
  trustProxy: boolean;
  /** Origins allowed to frame the display page (`frame-ancestors`); empty = none. */
  displayFrameAncestors: string[];
  /** Strict-Transport-Security: `auto` on requests that came over TLS (or X-Forwarded-Proto https with TRUST_PROXY), `always`, or `off`. */
  hsts: 'auto' | 'always' | 'off';
  /** The refresh cookie's `Secure` flag; off only for a plain-http install on a LAN (browsers drop Secure cookies there). */
  refreshCookieSecure: boolean;
  /** Open leaderboard streams (SSE) per client address, and in all, per process. */
  streamMaxPerAddress: number;
  streamMaxTotal: number;
  /** The built web client; served at `/` when the folder exists. */
  webDistDir: string | null;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** An IPv4 or IPv6 address or `localhost` (a host name would need DNS at boot). */
function listenHost(env: Env): string {
  const raw = text(env, 'HOST') ?? '0.0.0.0';
  if (!/^(localhost|[0-9.]+|[0-9a-fA-F:]+)$/.test(raw)) throw new ConfigError('HOST', `must be an IP address or localhost, got "${raw}"`);
  return raw;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const lower = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = text(env, name)?.toLowerCase() ?? fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** Origins separated by spaces or commas (`https://example.org`): each goes into a CSP directive as is. */
function origins(env: Env, name: string): string[] {
  const list = (text(env, name) ?? '').split(/[\s,]+/).filter(Boolean);
  for (const origin of list) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(name, `must list origins like https://example.org, got "${origin}"`);
    }
  }
  return list.map((origin) => origin.replace(/\/$/, ''));
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function loadConfig(env: Env, defaults: { webDistDir?: string | null } = {}): AppConfig {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const embedded = databaseUrl === null;

  const jwtSecret = text(env, 'JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (!embedded && jwtSecret === null) {
    throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set (only the embedded mode generates one)');
  }

  const adminEmail = text(env, 'ADMIN_EMAIL');
  const adminPassword = text(env, 'ADMIN_PASSWORD');
  if (adminEmail !== null && !EMAIL.test(adminEmail)) throw new ConfigError('ADMIN_EMAIL', 'is not an email address');
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError(adminEmail === null ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'must be set together with the other');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters long');
  }

  const startAdmissionPerSecond = integer(env, 'START_ADMISSION_PER_SECOND', 0, 0, 1_000_000);
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: listenHost(env),
    databaseUrl,
    dataDir: resolve(text(env, 'DATA_DIR') ?? './data'),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    embeddedVacuumMinutes: integer(env, 'EMBEDDED_VACUUM_MINUTES', 10, 0, 24 * 60),
    databaseStatementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0, 24 * 3600_000),
    databaseLockTimeoutMs: integer(env, 'DATABASE_LOCK_TIMEOUT_MS', 10_000, 0, 24 * 3600_000),
    databaseIdleTimeoutMs: integer(env, 'DATABASE_IDLE_TIMEOUT_MS', embedded ? 10_000 : 30_000, 1, 24 * 3600_000),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    demoData: boolean(env, 'DEMO_DATA', embedded),
    jwtSecret,
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN_SECONDS', 900, 60, 24 * 3600),
    refreshTokenDays: integer(env, 'REFRESH_TOKEN_DAYS', 30, 1, 365),
    revocationPollMs: integer(env, 'REVOCATION_POLL_MS', 2000, 100, 4000),
    attemptGraceSeconds: integer(env, 'ATTEMPT_GRACE_SECONDS', 5, 0, 600),
    attemptSweepSeconds: integer(env, 'ATTEMPT_SWEEP_SECONDS', 30, 0, 3600),
    roundAutoCloseSeconds: integer(env, 'ROUND_AUTO_CLOSE_SECONDS', 15, 0, 3600),
    regradeBatchUsers: integer(env, 'REGRADE_BATCH_USERS', 100, 1, 10_000),
    leaderboardReconcileMs: integer(env, 'LEADERBOARD_RECONCILE_MS', 5000, 0, 3600_000),
    registerRateLimit: integer(env, 'REGISTER_RATE_LIMIT', 300, 1, 1_000_000),
    registerRequirePhone: boolean(env, 'REGISTER_REQUIRE_PHONE', false),
    loginFailureLimit: integer(env, 'LOGIN_FAILURE_LIMIT', 10, 1, 10_000),
    loginAddressFailureLimit: integer(env, 'LOGIN_ADDRESS_FAILURE_LIMIT', 300, 1, 1_000_000),
    passwordHashConcurrency: integer(env, 'PASSWORD_HASH_CONCURRENCY', Math.max(1, availableParallelism() - 1), 1, 256),
    passwordHashQueue: integer(env, 'PASSWORD_HASH_QUEUE', 32, 0, 10_000),
    startAdmissionPerSecond,
    startAdmissionBurst: integer(env, 'START_ADMISSION_BURST', Math.max(1, startAdmissionPerSecond), 1, 1_000_000),
    startAdmissionRedisKey: text(env, 'START_ADMISSION_REDIS_KEY') ?? 'hoithi:admission',
    logLevel,
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    displayFrameAncestors: origins(env, 'DISPLAY_FRAME_ANCESTORS'),
    hsts: oneOf(env, 'HSTS', ['auto', 'always', 'off'] as const, 'auto'),
    refreshCookieSecure: boolean(env, 'REFRESH_COOKIE_SECURE', true),
    streamMaxPerAddress: integer(env, 'STREAM_MAX_PER_ADDRESS', 200, 1, 1_000_000),
    streamMaxTotal: integer(env, 'STREAM_MAX_TOTAL', 20_000, 1, 1_000_000),
    webDistDir: text(env, 'WEB_DIST_DIR') ?? defaults.webDistDir ?? null,
  };
}
