import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { AttemptsService } from './attempts.service.js';

/**
 * Closes attempts nobody submitted: every ATTEMPT_SWEEP_SECONDS it finalizes active attempts past
 * deadline + grace (reads finalize them too; this catches the ones nobody reads). Safe on every
 * replica at once: each attempt is finalized under its participant's lock, once.
 */
@Injectable()
export class AttemptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly attempts: AttemptsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.attemptSweepSeconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.attemptSweepSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.attempts
      .sweep()
      .then((closed) => {
        if (closed) this.logger.log(`Expired ${closed} attempt(s)`);
      })
      .catch((error: Error) => this.logger.error(`Sweep failed: ${error.message}`))
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }
}
