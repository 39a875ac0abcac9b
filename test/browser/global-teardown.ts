import pg from 'pg';

/** Stops the server started by global-setup.ts (by its own child process) and drops its database. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__hoithiBrowserSuite;
  if (!state) return;
  const { server, adminUrl, database } = state;
  if (server && server.exitCode === null) {
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (adminUrl && database) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}
