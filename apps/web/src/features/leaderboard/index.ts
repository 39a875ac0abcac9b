export { DisplayPage } from './components/display-page';
export { useMyRank } from './hooks/use-my-rank';
