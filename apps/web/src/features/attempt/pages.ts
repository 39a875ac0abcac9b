// The router's on-demand entry (app/router.tsx); the quiz page, in the first chunk, is in index.ts.
export { ResultPage } from './components/result-page';
