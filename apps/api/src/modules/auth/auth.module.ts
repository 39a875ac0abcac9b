import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTH_ENTITIES } from './auth.entities.js';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TokenRevocations } from '../../common/auth/token-revocations.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountsController } from './accounts.controller.js';
import { AdminBootstrap } from './admin.bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JWT_SECRET } from '../../config/config.module.js';
import { LocalStrategy } from './local.strategy.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshCookie } from './refresh-cookie.js';
import { RevocationWatcher } from './revocation-watcher.js';
import { SessionsRepository } from './sessions.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(AUTH_ENTITIES),
    PassportModule,
    UsersModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [JWT_SECRET, APP_CONFIG],
      useFactory: (secret: string, config: AppConfig) => ({
        secret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [
    AuthService,
    PasswordHasher,
    RefreshCookie,
    LocalStrategy,
    AdminBootstrap,
    SessionsRepository,
    RevocationWatcher,
    // The global AuthGuard reads revocations through this port.
    { provide: TokenRevocations, useExisting: RevocationWatcher },
  ],
  exports: [PasswordHasher, UsersModule, TokenRevocations, RevocationWatcher],
})
export class AuthModule {}
