export { RoundPage } from './components/round-page';
export { memberState, roundQueryKey, useRound, useStartAttempt } from './hooks/use-round';
export { useTimeLimitText } from './components/round-rules';
export { StartAttemptButton } from './components/start-attempt-button';
