/**
 * What the client's `react` import resolves to (vite.config.ts aliases): Preact's React layer,
 * 4 KB of script where React's DOM renderer is 55 KB, the difference between a phone on slow 3G
 * answering in 3 s or 4 (README "First load"). The app and its libraries still compile against
 * React's types and API; only the runtime is Preact. Plain JavaScript: preact/compat's own types
 * (`export =`) cannot be re-exported, and nothing compiles against this file's.
 */
export * from 'preact/compat';
export { default } from 'preact/compat';

/**
 * React Router imports `useOptimistic` for its data router's `RouterProvider`, which this app does
 * not use (main.tsx renders a `BrowserRouter`); preact/compat has none. The stand-in shows the
 * current state, which is what React shows when no optimistic update is pending.
 */
export function useOptimistic(passthrough) {
  return [passthrough, () => undefined];
}
