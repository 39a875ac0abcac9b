export { rankWithinLevel, unitLevels, type UnitLevel } from './components/unit-levels';
export { useUnitBoard } from './hooks/use-contest-boards';
export { useMyRank } from './hooks/use-my-rank';
