export { AttemptPage } from './components/attempt-page';
