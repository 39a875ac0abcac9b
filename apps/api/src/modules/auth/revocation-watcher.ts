import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { TokenRevocations, type TokenStanding } from '../../common/auth/token-revocations.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { UsersService } from '../users/users.service.js';
import { SessionsRepository } from './sessions.repository.js';

/** Re-read this much before the last poll: a change whose transaction committed late is not missed. */
const OVERLAP_MS = 10_000;

interface Standing {
  version: number;
  active: boolean;
  mustChangePassword: boolean;
  seenAt: number;
}

/**
 * What every replica knows of revocations, read from the database every REVOCATION_POLL_MS (2 s;
 * API.md promises 5 s): accounts whose roles, password or active flag changed, and sessions ended.
 * Only changes younger than an access token's lifetime (plus a minute) are kept: an older token has
 * expired anyway, and no new token is issued to a disabled account. So the state stays small, a
 * request costs two map lookups, and the database sees two indexed reads per replica per poll
 * whatever the traffic. Polling works the same on the embedded database and on a server, with or
 * without Redis. A replica that changes something polls at once, so its own requests see it.
 */
@Injectable()
export class RevocationWatcher extends TokenRevocations implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RevocationWatcher.name);
  private readonly accounts = new Map<string, Standing>();
  private readonly sessions = new Map<string, number>();
  private readonly keepMs: number;
  private cursor: Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly sessionRows: SessionsRepository,
  ) {
    super();
    this.keepMs = (config.jwtExpiresInSeconds + 60) * 1000;
    this.cursor = new Date(Date.now() - this.keepMs);
    // A failed read is retried by the timer; the change itself is committed either way.
    users.onAuthStateChange(() => this.poll().catch((error: unknown) => this.logger.warn(`revocations not read: ${String(error)}`)));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.poll().catch((error: unknown) => this.logger.warn(`revocations not read at boot: ${String(error)}`));
    this.timer = setInterval(() => {
      this.poll().catch((error: unknown) => this.logger.warn(`revocations not read: ${String(error)}`));
    }, this.config.revocationPollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  standing(user: AuthUser): TokenStanding {
    const account = this.accounts.get(user.id);
    if (account) {
      if (!account.active) return 'disabled';
      if ((user.tokenVersion ?? 0) < account.version) return 'revoked';
    }
    if (user.sessionId !== undefined && this.sessions.has(user.sessionId)) return 'revoked';
    return 'ok';
  }

  mustChangePassword(user: AuthUser): boolean {
    return this.accounts.get(user.id)?.mustChangePassword ?? user.mustChangePassword === true;
  }

  /**
   * Reads the changes since the last poll. Calls while one runs share the next one (which starts
   * after it), so a caller that just committed a change always gets a poll that sees it.
   */
  poll(): Promise<void> {
    if (!this.running) {
      this.running = this.readChanges().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.catch(() => undefined).then(() => {
      this.queued = null;
      return this.poll();
    });
    return this.queued;
  }

  private async readChanges(): Promise<void> {
    const since = new Date(this.cursor.getTime() - OVERLAP_MS);
    const [{ now, changes }, revoked] = await Promise.all([this.users.authChangesSince(since), this.sessionRows.revokedSince(since)]);
    const at = Date.now();
    for (const change of changes) {
      this.accounts.set(change.id, { version: change.tokenVersion, active: change.active, mustChangePassword: change.mustChangePassword, seenAt: at });
    }
    for (const id of revoked) if (!this.sessions.has(id)) this.sessions.set(id, at);
    this.cursor = now;
    for (const [id, standing] of this.accounts) if (at - standing.seenAt > this.keepMs) this.accounts.delete(id);
    for (const [id, seenAt] of this.sessions) if (at - seenAt > this.keepMs) this.sessions.delete(id);
  }
}
