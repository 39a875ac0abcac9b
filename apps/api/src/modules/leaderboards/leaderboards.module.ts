import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LEADERBOARDS_ENTITIES } from './leaderboards.entities.js';
import type { Redis } from 'ioredis';
import { REDIS } from '../../common/redis/redis.module.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { AttemptsModule } from '../attempts/attempts.module.js';
import { BoardSource } from '../attempts/board-source.js';
import { ContestsModule } from '../contests/contests.module.js';
import { UnitsModule } from '../units/units.module.js';
import { UsersModule } from '../users/users.module.js';
import { ResultsDigestModule } from '../results/results-digest.module.js';
import { LeaderboardLive } from './leaderboard-live.service.js';
import { LeaderboardStore } from './leaderboard-store.js';
import { ContestLeaderboardController, RoundLeaderboardController } from './leaderboards.controller.js';
import { LeaderboardsRepository } from './leaderboards.repository.js';
import { LeaderboardsService } from './leaderboards.service.js';
import { MeController } from './me.controller.js';
import { PostgresLeaderboardStore } from './postgres-leaderboard.store.js';
import { RedisLeaderboardStore } from './redis-leaderboard.store.js';

@Module({
  imports: [TypeOrmModule.forFeature(LEADERBOARDS_ENTITIES), AttemptsModule, ContestsModule, ResultsDigestModule, UnitsModule, UsersModule],
  controllers: [RoundLeaderboardController, ContestLeaderboardController, MeController],
  providers: [
    {
      provide: LeaderboardStore,
      inject: [REDIS, BoardSource, APP_CONFIG],
      // Redis sorted sets when REDIS_URL is set; otherwise the PostgreSQL replica.
      useFactory: (redis: Redis | null, source: BoardSource, config: AppConfig) =>
        redis ? new RedisLeaderboardStore(redis, source, config.leaderboardReconcileMs) : new PostgresLeaderboardStore(source),
    },
    LeaderboardsRepository,
    LeaderboardsService,
    LeaderboardLive,
  ],
  exports: [LeaderboardsService],
})
export class LeaderboardsModule {}
