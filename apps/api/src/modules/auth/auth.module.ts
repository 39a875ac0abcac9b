import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { UsersModule } from '../users/users.module.js';
import { AdminBootstrap } from './admin.bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JWT_SECRET } from '../../config/config.module.js';
import { LocalStrategy } from './local.strategy.js';
import { PasswordHasher } from './password-hasher.js';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [JWT_SECRET, APP_CONFIG],
      useFactory: (secret: string, config: AppConfig) => ({
        secret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordHasher,
    LocalStrategy,
    AdminBootstrap,
  ],
  exports: [PasswordHasher, UsersModule],
})
export class AuthModule {}
