import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', 'test/browser/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through AppConfig (config/env.schema.ts).' },
      ],
    },
  },
  {
    // Nest DI and TypeORM need runtime class references in decorated constructors and columns.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Only the config loader, the CLIs, the scripts and the test harness read the environment.
    files: ['apps/api/src/main.ts', 'apps/api/src/**/*-cli.ts', 'test/**/*.{ts,mjs}', 'scripts/**/*.mjs', 'tools/**/*.mjs', 'apps/web/vite.config.ts', '**/*.config.{js,ts}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Database access stays in repositories (docs/architecture.md "Transactions"): services receive and
    // pass an opaque `Tx` (common/database/tx.ts), never TypeORM's manager, data source or repositories.
    // Entity decorators, `In`, `QueryFailedError` and the other typeorm names stay allowed everywhere.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/**/*.sql.ts',
      'apps/api/src/**/*.module.ts',
      'apps/api/src/**/*.entity.ts',
      'apps/api/src/**/*.spec.ts', // fakes of TypeORM objects
      'apps/api/src/**/*-cli.ts', // command lines build their own data source, outside Nest
      'apps/api/src/common/database/**', // the SQL adapter and the Tx handle
      'apps/api/src/database/**', // data source, migrations, schema diff, embedded maintenance
      'apps/api/src/modules/attempts/board-source.ts', // the boards' SQL port: a repository by another name
      'apps/api/src/modules/contests/round-changes.ts', // a TypeORM subscriber, called only by ContestsRepository
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['EntityManager', 'DataSource', 'Repository', 'QueryRunner'],
              message: 'Database access stays in repositories: take a `Tx` (common/database/tx.ts) and pass it to a repository.',
            },
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectDataSource', 'InjectEntityManager', 'InjectRepository'],
              message: 'Database access stays in repositories: inject the repository, not TypeORM.',
            },
          ],
          patterns: [
            {
              group: ['**/common/database/tx.js'],
              importNames: ['managerOf', 'asTx'],
              message: 'Only repositories open or unwrap a `Tx`; a service receives one and passes it on.',
            },
            {
              group: ['**/common/database/sql.js'],
              importNames: ['preparedQuery', 'preparedQueryIn', 'EntityRowMapper'],
              message: 'Statements run in repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no framework, no database, no environment.
    files: ['libs/contest-engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'pg', 'node:*', 'fs', 'ioredis'] }],
    },
  },
);
