import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthGuard } from './common/auth/auth.guard.js';
import { Clock, SystemClock } from './common/clock.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { createValidationPipe } from './common/errors/validation.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.schema.js';
import type { DatabaseTarget } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { ResultsModule } from './modules/results/results.module.js';
import { CertificatesModule } from './modules/certificates/certificates.module.js';
import { AttemptsModule } from './modules/attempts/attempts.module.js';
import { AuditLogModule } from './modules/audit/audit-log.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ContestsModule } from './modules/contests/contests.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { EssaysModule } from './modules/essays/essays.module.js';
import { LeaderboardsModule } from './modules/leaderboards/leaderboards.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { QuestionBankModule } from './modules/question-bank/question-bank.module.js';
import { ShareModule } from './modules/share/share.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Module({})
class ClockModule {}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        { module: ClockModule, global: true, providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] },
        DatabaseModule.forRoot(database),
        RedisModule,
        RateLimitModule,
        HealthModule,
        UnitsModule,
        UsersModule,
        AuthModule,
        ContestsModule,
        AttemptsModule,
        LeaderboardsModule,
        EssaysModule,
        AnalyticsModule,
        ResultsModule,
        CertificatesModule,
        QuestionBankModule,
        ShareModule,
        AuditLogModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
