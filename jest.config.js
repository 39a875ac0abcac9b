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

export default {
  // One PGlite boot takes seconds; e2e files boot whole apps. Speed goals live in the benchmark.
  testTimeout: 120000,
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
    // Real Chromium against the built app: only with `npm run test:browser`, never in `npm test`.
    ...(process.env.HOITHI_BROWSER_TESTS === '1'
      ? [
          {
            ...common,
            displayName: 'browser',
            testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
            globalSetup: '<rootDir>/test/browser/global-setup.ts',
            globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
          },
        ]
      : []),
  ],
};
