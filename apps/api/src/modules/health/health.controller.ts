import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { HealthResponse } from '@hoi-thi/contracts';
import { Public } from '../../common/auth/decorators.js';
import { REDIS } from '../../common/redis/redis.module.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { HealthRepository } from './health.repository.js';

const TIMEOUT_MS = 2000;
/** Load balancers poll often: one probe of the database and Redis per second serves them all. */
const PROBE_TTL_MS = 1000;

type Status = 'up' | 'down';

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: HealthRepository,
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private probe: { at: number; result: Promise<{ database: Status; redis?: Status }> } | null = null;

  private probeOnce(): Promise<{ database: Status; redis?: Status }> {
    const now = Date.now();
    if (this.probe && now - this.probe.at < PROBE_TTL_MS) return this.probe.result;
    const result = (async () => {
      const database = await withTimeout(this.database.ping()).then(() => 'up' as const, () => 'down' as const);
      const redis = this.redis ? await withTimeout(this.redis.ping()).then(() => 'up' as const, () => 'down' as const) : undefined;
      return { database, redis };
    })();
    this.probe = { at: now, result };
    return result;
  }

  /** 200 when the database (and Redis, when configured) answered within the last second; 503 otherwise. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const { database, redis } = await this.probeOnce();
    const healthy = database === 'up' && redis !== 'down';
    void reply.status(healthy ? 200 : 503);
    return {
      status: healthy ? 'ok' : 'degraded',
      database: { status: database, mode: this.config.databaseUrl ? 'postgres' : 'embedded' },
      ...(redis ? { redis: { status: redis } } : {}),
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
