import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { HashGate } from './hash-gate.js';

/**
 * argon2id at OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane (Password Storage Cheat Sheet).
 * The library's defaults (64 MiB, 3 passes, 4 lanes) cost several times the CPU per login; on a
 * 2-core server during a deadline rush, logins queued behind each other for over a second.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Used at register, login, password change and reset; every hash goes through the gate (429 beyond it). */
@Injectable()
export class PasswordHasher {
  // Verifying against this keeps an unknown email as slow as a wrong password.
  private readonly dummyHash = argon2.hash('not-a-real-password-0000', PASSWORD_HASH_OPTIONS);
  private readonly gate: HashGate;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.gate = new HashGate(config.passwordHashConcurrency, config.passwordHashQueue);
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const stored = hash ?? (await this.dummyHash);
    return this.gate.run(async () => {
      try {
        return await argon2.verify(stored, password);
      } catch {
        return false;
      }
    });
  }

  /** Whether a stored hash was made with other parameters (an older setting): it is replaced at the next login. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
    } catch {
      return false;
    }
  }
}
