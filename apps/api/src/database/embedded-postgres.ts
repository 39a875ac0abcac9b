import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded database: PGlite (PostgreSQL in WebAssembly) kept in `DATA_DIR/pgdata`, served on a
 * loopback port through pglite-socket so the app talks to it with the ordinary `pg` driver, the same
 * code path as a PostgreSQL server.
 *
 * PGlite is ONE PostgreSQL session that outlives every socket connection to it. So:
 * - the app's pool holds one connection (`max: 1`): two would interleave in one session;
 * - each new connection first resets the session (`resetSession`, as pgbouncer's
 *   `server_reset_query`): a server gives every connection a fresh session, and named statements
 *   prepared by a connection that is gone would otherwise make the next one fail with
 *   "prepared statement … already exists";
 * - a connection that drops inside a transaction is rolled back by pglite-socket before anything
 *   else runs;
 * - the socket server accepts a few connections, not one: the pool may open the next connection
 *   before the server has processed the close of the previous one, and must not be refused then.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    mkdirSync(dataDir, { recursive: true });
    const lockFile = join(dataDir, 'pglite.pid');
    claimLock(lockFile);
    try {
      const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata'), extensions: { pg_trgm, unaccent } });
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: HANDOVER_CONNECTIONS });
      await server.start();
      const port = Number(server.getServerConn().split(':').pop());
      return new EmbeddedPostgres(db, server, lockFile, `postgres://postgres@127.0.0.1:${port}/postgres`);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** The pool's `onConnect`: a connection starts from a fresh session, whatever the last one left. */
  static async resetSession(client: { query(sql: string): Promise<unknown> }): Promise<void> {
    await client.query('DISCARD ALL');
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    rmSync(this.lockFile, { force: true });
  }
}

/** The app uses one connection at a time; the spare ones cover a close and a reconnect that cross. */
const HANDOVER_CONNECTIONS = 4;

/** Two processes on one PGlite folder would corrupt it: refuse while another live process holds it. */
function claimLock(lockFile: string): void {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The embedded database in ${lockFile.replace(/\/pglite\.pid$/, '')} is in use by process ${pid}`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
