/**
 * The layering of docs/architecture.md, checked by `npm run lint` (dependency-cruiser):
 * - the engine is pure (it imports nothing outside itself: no Node, no packages, no app);
 * - the contracts are types shared by API and client, and import nothing;
 * - `common` serves the modules and imports none of them;
 * - a module reaches another only through its public surface: its Nest module, services, entities
 *   (types), mappers, error catalog (`<module>.errors.ts`: to throw the owner's code) and the ports it
 *   declares (listed below), never its repositories, controllers, DTOs or helpers;
 * - a client feature uses another feature only through that feature's index; the app shell through
 *   the index or the feature's pages.ts (the pages its router loads on demand);
 * - the client never imports the API.
 * Violations that predate a rule are listed in .dependency-cruiser-known-violations.json (the
 * baseline shrinks; regenerate it only to remove entries: see docs/architecture.md).
 */
const PORTS = ['[^/]+\\.sql\\.ts$', 'attempts/analytics-source\\.ts$', 'auth/password-hasher\\.ts$', 'attempts/board-source\\.ts$', 'attempts/attempt-events\\.ts$', 'attempts/regrade-steps\\.ts$', 'contests/contest-access\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'libs/contest-engine holds pure rules the client runs too: no I/O, no framework, no app code.',
      from: { path: '^libs/contest-engine/src/' },
      to: { pathNot: '^libs/contest-engine/src/' },
    },
    {
      name: 'contracts-import-nothing',
      severity: 'error',
      from: { path: '^libs/contracts/src/' },
      to: { pathNot: '^libs/contracts/src/' },
    },
    {
      name: 'common-imports-no-module',
      severity: 'error',
      comment: 'apps/api/src/common serves every module; a module depending on it is fine, the reverse is a cycle in the design.',
      from: { path: '^apps/api/src/common/' },
      to: { path: '^apps/api/src/modules/' },
    },
    {
      name: 'module-public-surface',
      severity: 'error',
      comment: "Another module's tables and internals are reached only through its module, services, entities, mappers, error catalog or declared ports.",
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/[^/]+/',
        pathNot: ['^apps/api/src/modules/$1/', '\\.(module|service|entity|mapper|errors)\\.ts$', ...PORTS],
      },
    },
    {
      name: 'web-feature-internals',
      severity: 'error',
      comment: "A client feature uses another only through the other's index.ts, never its pages.ts: those pages would then be loaded with the importing feature's code.",
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/[^/]+/', pathNot: ['^apps/web/src/features/$1/', '^apps/web/src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'web-app-feature-entries',
      severity: 'error',
      comment:
        "The app shell (router, layouts) uses a feature through its index.ts, or its pages.ts: the pages the router loads on demand, kept out of the index so that they stay out of the first chunk.",
      from: { path: '^apps/web/src/', pathNot: '^apps/web/src/features/' },
      to: { path: '^apps/web/src/features/[^/]+/', pathNot: '^apps/web/src/features/[^/]+/(index|pages)\\.tsx?$' },
    },
    {
      name: 'web-not-api',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec|\\.test)\\.tsx?$|/dist/|apps/web/src/test/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
