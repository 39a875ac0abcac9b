import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { UsersService } from '../users/users.service.js';
import { PasswordHasher } from './password-hasher.js';

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD: make sure this admin exists at every boot. Registration is open, so
 * an account already holding that address may be an attacker's: it is promoted only when its
 * password is ADMIN_PASSWORD itself (whoever set it knows the operators' secret); otherwise the boot
 * logs a refusal and goes on.
 */
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
    const outcome = await this.ensure(adminEmail, adminPassword);
    if (outcome === 'refused') {
      this.logger.error(
        `ADMIN_EMAIL ${adminEmail} belongs to an account that was not created with ADMIN_PASSWORD: it is NOT made an admin. ` +
          'Choose another ADMIN_EMAIL, or have an admin grant the role in the client.',
      );
    } else if (outcome !== 'unchanged') this.logger.log(`admin ${adminEmail} ${outcome}`);
  }

  async ensure(email: string, password: string): Promise<'created' | 'promoted' | 'unchanged' | 'refused'> {
    return this.users.ensureAdmin(email, {
      hash: () => this.hasher.hash(password),
      provesOwnership: (passwordHash) => this.hasher.verify(passwordHash, password),
    });
  }
}
