import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../clock.js';
import { REDIS } from '../redis/redis.module.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

@Global()
@Module({
  providers: [
    {
      provide: RateLimiter,
      inject: [REDIS, Clock],
      useFactory: (redis: Redis | null, clock: Clock) => (redis ? new RedisRateLimiter(redis) : new MemoryRateLimiter(clock)),
    },
  ],
  exports: [RateLimiter],
})
export class RateLimitModule {}
