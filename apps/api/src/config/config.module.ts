import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './env.schema.js';
import { resolveJwtSecret } from './jwt-secret.js';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** The validated configuration, available everywhere by injection. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JWT_SECRET, useFactory: () => resolveJwtSecret(config) },
      ],
      exports: [APP_CONFIG, JWT_SECRET],
    };
  }
}
