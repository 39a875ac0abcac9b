export { ContestBoardPage } from './components/contest-board-page';
export { DisplayPage } from './components/display-page';
export { rankWithinLevel, unitLevels, type UnitLevel } from './components/unit-levels';
export { useUnitBoard } from './hooks/use-contest-boards';
export { useMyRank } from './hooks/use-my-rank';
