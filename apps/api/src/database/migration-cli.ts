/**
 * `npm run migration:run` applies pending migrations; `npm run migration:generate -- <Name>` writes
 * `src/database/migrations/<timestamp>-<Name>.ts` with the SQL that brings the schema in line with
 * the entities (then add it to migrations/index.ts). Works on a PostgreSQL server (DATABASE_URL) or
 * on the embedded database in DATA_DIR.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/env.schema.js';
import { ALL_ENTITIES } from './all-entities.js';
import { dataSourceOptions } from './data-source-options.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';
import { pendingSchemaChanges } from './schema-diff.js';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'run' && command !== 'generate') {
    console.error('usage: migration-cli run | generate <Name>');
    process.exit(2);
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    console.error('generate needs a PascalCase name, e.g. npm run migration:generate -- AddRounds');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const embedded = config.databaseUrl ? null : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource(
    dataSourceOptions({ url: config.databaseUrl ?? embedded!.url, embedded: embedded !== null }, ALL_ENTITIES),
  );
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, { lock: embedded === null });
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    if (command === 'generate') {
      const { up, down } = await pendingSchemaChanges(dataSource);
      if (up.length === 0) {
        console.log('the schema matches the entities: nothing to generate');
        return;
      }
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/database/migrations');
      const file = join(sourceDir, `${timestamp}-${name}.ts`);
      writeFileSync(file, renderMigration(className, up, down));
      console.log(`wrote ${file}; add ${className} to migrations/index.ts`);
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

function renderMigration(className: string, up: string[], down: string[]): string {
  const literal = (q: string) => '`' + q.replace(/[\\`]|\$\{/g, (c) => `\\${c}`) + '`';
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${literal(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
