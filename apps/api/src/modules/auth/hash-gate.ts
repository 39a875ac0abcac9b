import { RateLimitedError } from '../../common/errors/domain-error.js';

/**
 * At most `concurrency` password hashes at once, `queueLimit` more waiting, the rest refused at once
 * (429, retry in a second). argon2 runs in libuv's thread pool, one core per hash: without a cap a
 * flood of logins (bad ones included: an unknown email is hashed too) takes every core and the
 * quiz's saves wait behind it. With the default (cores − 1) one core stays for the event loop.
 */
export class HashGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new RateLimitedError(1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line (the count stays), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Hashes running and waiting (for tests and logs). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
