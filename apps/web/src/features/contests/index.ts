export { HomePage } from './components/home-page';
export { useContest } from './hooks/use-contest';
