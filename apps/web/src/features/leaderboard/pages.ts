// The router's on-demand entry (app/router.tsx): index.ts is imported by pages in the first chunk.
export { ContestBoardPage } from './components/contest-board-page';
export { DisplayPage } from './components/display-page';
