import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { isLocalePart, pickLocalePart } from './src/locales/parts.js';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Writes `file.br` and `file.gz` beside every text asset of the build, compressed once at the
 * highest levels (the API serves them to phones on slow networks without compressing per request).
 * node:zlib does it in a dozen lines: no plugin dependency needed.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|txt|webmanifest)$/;
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return {
    name: 'hoi-thi-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(fromHere('dist')).filter((name) => compressible.test(name))) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * `locales/vi.json?part=member` is the member's part of vi.json (src/locales/parts.ts says which
 * sections each part holds), a module of its own: the language files are split here, at build
 * time, so that they stay one file per language for translators and tests.
 */
function localeParts(): Plugin {
  const request = /\/locales\/(vi|en)\.json\?part=(\w+)$/;
  // A virtual id that does not end in .json, or Vite's JSON plugin would parse the module again
  // (the build names the chunk after it below).
  const prefix = '\0hoi-thi-locale-part/';
  return {
    name: 'hoi-thi-locale-parts',
    enforce: 'pre',
    resolveId(source) {
      const [, language, part] = request.exec(source) ?? [];
      if (!language || !part) return null;
      if (!isLocalePart(part)) throw new Error(`${source}: no locale part "${part}" (src/locales/parts.ts)`);
      return `${prefix}${language}/${part}`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      // Vite may add a query (`?import`) to the id in development.
      const [language = '', part = ''] = (id.slice(prefix.length).split('?')[0] ?? '').split('/');
      if (!/^(vi|en)$/.test(language) || !isLocalePart(part)) return null;
      const file = fromHere(`src/locales/${language}.json`);
      this.addWatchFile(file);
      const strings = pickLocalePart(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, part);
      // JSON.parse of a string literal is parsed faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(strings))});`;
    },
  };
}

/**
 * React's API on Preact's runtime, for the app, its libraries (router, query) and the tests alike
 * (src/preact/react.js says why). Testing Library's `act` is Preact's.
 */
const onPreact = [
  { find: /^react$/, replacement: fromHere('src/preact/react.js') },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  // Its ES module build (imports react-dom, aliased above), with the runtime's change events: src/test/testing-library.ts.
  { find: /^@testing-library\/react$/, replacement: fromHere('src/test/testing-library.ts') },
];

export default defineConfig({
  root: fromHere('.'),
  // Preact's preset for JSX and hot reload (prefresh); its own react → preact/compat aliases are off:
  // onPreact above says where React's names go.
  plugins: [preact({ reactAliasesEnabled: false }), localeParts(), precompress()],
  resolve: {
    // The client compiles the shared contracts from source, so it never needs the lib built first.
    alias: [
      { find: /^@hoi-thi\/contracts$/, replacement: fromHere('../../libs/contracts/src/index.ts') },
      ...onPreact,
    ],
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: fromHere('dist'),
    emptyOutDir: true,
    rolldownOptions: {
      // The features' modules only declare (components, hooks, API calls): an index's re-export that
      // a chunk does not use, such as the organizer's certificate panel beside the member's
      // certificate, then stays out of that chunk instead of riding in the member's first one.
      treeshake: { moduleSideEffects: [{ test: /\/src\/features\/.+\.tsx?$/, sideEffects: false }] },
      output: {
        // What the first load runs, in two files: the libraries (vendor-…, which a release of the app
        // alone leaves unchanged, so a returning phone has it cached) and the app's own code. The
        // automatic split made seven files of them, 5 KB (brotli) more in all.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
        // A locale part's chunk is named for its language and part (locale-en-member-…), a feature's
        // on-demand pages for the feature (question-bank-…, not pages-…): the first-load benchmark
        // fails a member's page that fetches a staff chunk by these names.
        chunkFileNames: (chunk) => {
          const [, language, part] = /^\0hoi-thi-locale-part\/(\w+)\/(\w+)/.exec(chunk.facadeModuleId ?? '') ?? [];
          if (language && part) return `assets/locale-${language}-${part}-[hash].js`;
          const [, feature] = /\/src\/features\/([\w-]+)\/pages\.ts$/.exec(chunk.facadeModuleId ?? '') ?? [];
          return feature ? `assets/${feature}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // Libraries that import React are bundled by Vitest too, so that the aliases above apply to them.
    server: { deps: { inline: ['react-router', '@tanstack/react-query'] } },
    setupFiles: ['./src/test/setup.ts', './src/locales/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // CI's machine is slower than a quiet one; a test's own waits, not this, decide what it checks.
    testTimeout: 15_000,
    // Vitest's default leaves a core idle (cores - 1 workers): on CI's two cores that is one at a
    // time, twice as long. Threads start faster than forked processes here.
    pool: 'threads',
    maxWorkers: availableParallelism(),
  },
});
