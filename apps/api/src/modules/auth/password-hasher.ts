import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes). Only used at register and login. */
@Injectable()
export class PasswordHasher {
  // Verifying against this keeps an unknown email as slow as a wrong password.
  private readonly dummyHash = argon2.hash('not-a-real-password-0000', { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
