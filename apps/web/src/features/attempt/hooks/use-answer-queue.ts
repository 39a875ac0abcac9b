import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { attemptsApi } from '../api/attempts-api';
import { AnswerQueue } from './answer-queue';
import { attemptStorageKeys } from './attempt-storage';

/**
 * The attempt's answer queue for as long as the page is open: sends on `online`, keeps retrying
 * with backoff, and asks before the page is left with answers the server does not have.
 */
export function useAnswerQueue(attemptId: string, onFinished: (code: string) => void) {
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  });

  const [queue] = useState(
    () =>
      new AnswerQueue({
        storageKey: attemptStorageKeys(attemptId).pending,
        sender: {
          saveAnswer: (questionId, optionIds) => attemptsApi.saveAnswer(attemptId, questionId, optionIds),
          savePrediction: (prediction) => attemptsApi.savePrediction(attemptId, prediction),
        },
        onFinished: (code) => {
          onFinishedRef.current(code);
        },
      }),
  );
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);

  useEffect(() => {
    const online = () => {
      queue.resume();
    };
    const offline = () => {
      queue.wentOffline();
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (queue.getSnapshot().pendingCount > 0) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('beforeunload', beforeUnload);
    queue.start();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('beforeunload', beforeUnload);
      queue.stop();
    };
  }, [queue]);

  return { queue, snapshot };
}
