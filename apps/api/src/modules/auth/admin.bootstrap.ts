import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { UsersService } from '../users/users.service.js';
import { PasswordHasher } from './password-hasher.js';

/** ADMIN_EMAIL / ADMIN_PASSWORD: make sure this admin exists at every boot. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Admin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const outcome = await this.users.ensureAdmin(adminEmail, () => this.hasher.hash(adminPassword));
    if (outcome !== 'unchanged') this.logger.log(`admin ${adminEmail} ${outcome}`);
  }
}
