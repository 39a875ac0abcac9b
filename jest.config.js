// Jest runs in native ESM (NestJS 12 is ESM-only): see ../shared/STACK.md.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@hoi-thi/contest-engine$': '<rootDir>/libs/contest-engine/src/index.ts',
    '^@hoi-thi/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: import.meta.dirname,
};

// regrade-batches holds a row lock from a second connection, which the embedded default's one connection cannot.
const EMBEDDED_EXCLUDED = ['/node_modules/', 'embedded', 'redis', 'leaderboard-store', 'http\\.e2e', 'regrade-batches'];

export default {
  // One PGlite boot takes seconds; e2e files boot whole apps. Speed goals live in the benchmark.
  testTimeout: 120000,
  // Two workers even on two cores: with one, Jest runs every file in its own process, whose heap
  // grew past 4 GB over the whole suite (an out-of-memory abort in CI). A worker whose memory stays
  // above the limit after a file is replaced, so what one file leaves behind cannot add up.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // The same e2e files on the embedded default (PGlite behind pglite-socket, as `npm start` runs):
    // every file but those about the server itself (several replicas on one database, Redis, the
    // server's health report) and the embedded mode's own files, which already run on PGlite.
    {
      ...common,
      displayName: 'e2e-embedded',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: EMBEDDED_EXCLUDED,
      setupFiles: ['<rootDir>/test/support/embedded-mode.ts'],
      globalSetup: '<rootDir>/test/support/embedded-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/embedded-global-teardown.ts',
    },
    // Real Chromium against the built app: only with `npm run test:browser` (the last part of `npm test`).
    // `browser`: every browser spec, server on the local PostgreSQL. `browser-embedded`: the quiz flow
    // and the role journeys against the server started the `npm start` way (PGlite in a temporary
    // DATA_DIR, short pool idle timeout). `hoithiBrowserSuite` tells support/suite-env.ts which suite's
    // server a test file uses.
    ...(process.env.HOITHI_BROWSER_TESTS === '1'
      ? [
          {
            ...common,
            displayName: 'browser',
            testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
            globals: { hoithiBrowserSuite: 'server' },
            setupFiles: ['<rootDir>/test/browser/support/suite-env.ts'],
            globalSetup: '<rootDir>/test/browser/global-setup.ts',
            globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
          },
          {
            ...common,
            displayName: 'browser-embedded',
            testMatch: ['<rootDir>/test/browser/quiz-flow.browser-spec.ts', '<rootDir>/test/browser/journeys.browser-spec.ts'],
            globals: { hoithiBrowserSuite: 'embedded' },
            setupFiles: ['<rootDir>/test/browser/support/suite-env.ts'],
            globalSetup: '<rootDir>/test/browser/global-setup-embedded.ts',
            globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
          },
        ]
      : []),
    // The built server as a real process (kill -9, restart): only with `npm run test:system`, which
    // `npm test` runs on its own (so `npm run test:jest` does not run it twice).
    ...(process.env.HOITHI_SYSTEM_TESTS === '1'
      ? [
          {
            ...common,
            displayName: 'system',
            testMatch: ['<rootDir>/test/system/**/*.system-spec.ts'],
            globalSetup: '<rootDir>/test/system/global-setup.ts',
          },
        ]
      : []),
  ],
};
