// Used by embedded.e2e-spec.ts: writes to an embedded data folder as the app would, says when the
// row is committed, and keeps working until the test kills it with SIGKILL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.argv[2];
writeFileSync(join(dataDir, 'pglite.pid'), String(process.pid));
const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
await db.query(`INSERT INTO units (name, member_count) VALUES ('CĐCS ghi trước khi dừng', 7)`);
process.stdout.write('committed\n');
setInterval(() => void db.query('SELECT 1'), 50);
