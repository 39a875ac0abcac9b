export { RoundOpsPage } from './components/round-ops-page';
