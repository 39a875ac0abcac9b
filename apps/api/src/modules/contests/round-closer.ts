import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { RoundCloseService } from './round-close.service.js';

/**
 * Rounds close by themselves: every ROUND_AUTO_CLOSE_SECONDS each replica closes the quiz rounds
 * whose close + grace has passed (the final board no longer waits for an organizer's click). Safe on
 * every replica at once (RoundCloseService.closeDue); an organizer's close still works, and is the
 * only one for rounds whose prediction value is typed in by hand.
 */
@Injectable()
export class RoundCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoundCloser.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly closing: RoundCloseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.roundAutoCloseSeconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.roundAutoCloseSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass (the timer's, or a test's): the rounds it closed, their streams told. */
  async tick(): Promise<string[]> {
    if (this.running) {
      await this.running;
      return [];
    }
    let closed: string[] = [];
    this.running = this.closing
      .closeDue()
      .then(async (ids) => {
        closed = ids;
        for (const id of ids) await this.closing.announceClosed(id);
        if (ids.length) this.logger.log(`Closed ${ids.length} round(s) at their deadline`);
      })
      .catch((error: Error) => this.logger.error(`Closing due rounds failed: ${error.message}`))
      .finally(() => {
        this.running = null;
      });
    await this.running;
    return closed;
  }
}
