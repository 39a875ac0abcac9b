export { AttemptPage } from './components/attempt-page';
export { ResultPage } from './components/result-page';
