import type { SubmitResponse } from '@hoi-thi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { ClientErrorCodes, isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-message';
import { useAuth } from '../../auth';
import { roundQueryKey } from '../../rounds';
import { attemptsApi } from '../api/attempts-api';
import { finishedCodes, predictionKey } from '../hooks/answer-queue';
import { forgetAttempt, readCurrentIndex, writeCurrentIndex } from '../hooks/attempt-storage';
import { attemptQueryKey, useAttempt, type TimedAttempt } from '../hooks/use-attempt';
import { useAnswerQueue } from '../hooks/use-answer-queue';
import { useSecondsLeft } from '../hooks/use-countdown';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Countdown } from './countdown';
import { PredictionStep, parsePrediction } from './prediction-step';
import { QuestionMap, type MapItem } from './question-map';
import { QuestionView } from './question-view';
import { SaveStatus } from './save-status';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Submit was asked for while some answers could not reach the server. */
class UnsentAnswersError extends Error {
  override readonly name = 'UnsentAnswersError';
}

/** How long a submit waits for queued answers before it gives up (by hand) or submits anyway (time up). */
const drainTimeoutMs = { manual: 10_000, auto: 4_000 };
const autoSubmitRetryMs = 3_000;

const isRetryable = (error: unknown) =>
  error instanceof UnsentAnswersError || (isApiError(error) && (error.code === ClientErrorCodes.NETWORK || error.status >= 500 || error.status === 429));

const inTextField = (target: EventTarget) =>
  target instanceof HTMLElement && target.matches('input:not([type="radio"]):not([type="checkbox"]), textarea, select');

function AttemptTaker({ timed }: { timed: TimedAttempt }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { attempt, offsetMs } = timed;
  const attemptId = attempt.id;
  const { questions } = attempt;
  const hasPrediction = attempt.predictionQuestion !== null;
  const steps = questions.length + (hasPrediction ? 1 : 0);

  const goToResult = useCallback(() => {
    forgetAttempt(attemptId);
    void queryClient.invalidateQueries({ queryKey: roundQueryKey(attempt.roundId) });
    void queryClient.invalidateQueries({ queryKey: ['leaderboard', attempt.roundId] });
    void queryClient.invalidateQueries({ queryKey: attemptQueryKey(attemptId) });
    void navigate(`/attempts/${attemptId}/result`, { replace: true });
  }, [attemptId, attempt.roundId, navigate, queryClient]);

  const { queue, snapshot } = useAnswerQueue(attemptId, goToResult);

  const [index, setIndex] = useState(() => readCurrentIndex(attemptId, steps));
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    writeCurrentIndex(attemptId, index);
    // Screen readers and keyboards land on the new question; not on the first render.
    if (moved.current) headingRef.current?.focus();
  }, [attemptId, index]);

  const go = (next: number) => {
    moved.current = true;
    setIndex(Math.max(0, Math.min(steps - 1, next)));
  };

  const chosenFor = (questionId: string): string[] => {
    const local = snapshot.values.get(questionId);
    if (local?.kind === 'answer') return local.optionIds;
    return attempt.answers[questionId]?.optionIds ?? [];
  };

  const localPrediction = snapshot.values.get(predictionKey);
  const [predictionText, setPredictionText] = useState(() => {
    const value = localPrediction?.kind === 'prediction' ? localPrediction.prediction : attempt.prediction;
    return value === null ? '' : String(value);
  });
  const prediction = parsePrediction(predictionText) ?? undefined;

  const seconds = useSecondsLeft(attempt.deadline, offsetMs);
  const timeUp = seconds <= 0;
  const withHours = Date.parse(attempt.deadline) - Date.parse(attempt.startedAt) >= 3_600_000;

  const submit = useMutation({
    mutationFn: async ({ auto, prediction: value }: { auto: boolean; prediction: number | undefined }): Promise<SubmitResponse> => {
      const sent = await queue.drain(auto ? drainTimeoutMs.auto : drainTimeoutMs.manual);
      // At time up the server takes what it has; by hand, the member decides once the network is back.
      if (!sent && !auto) throw new UnsentAnswersError();
      return attemptsApi.submit(attemptId, value);
    },
    onSuccess: (result) => {
      queue.clear();
      queryClient.setQueryData<TimedAttempt>(attemptQueryKey(attemptId), (old) =>
        old ? { ...old, attempt: { ...old.attempt, ...result } } : old,
      );
      goToResult();
    },
    onError: (error) => {
      if (isApiError(error) && finishedCodes.includes(error.code)) goToResult();
    },
  });

  // Time up: submit once, and keep trying while the network is down (the server's grace is short,
  // but an expired attempt is still graded from what was saved).
  const { mutate: submitNow, isPending: submitting, isSuccess: submitted, isError: submitFailed, error: submitFailure } = submit;
  const [autoTries, setAutoTries] = useState(0);
  useEffect(() => {
    if (!timeUp || submitting || submitted) return;
    if (autoTries > 0 && !(submitFailed && isRetryable(submitFailure))) return;
    const timer = setTimeout(
      () => {
        setConfirming(false);
        setAutoTries((tries) => tries + 1);
        submitNow({ auto: true, prediction });
      },
      autoTries === 0 ? 0 : autoSubmitRetryMs,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [timeUp, autoTries, submitting, submitted, submitFailed, submitFailure, submitNow, prediction]);

  const locked = timeUp || submitting || submitted;

  const onPredictionChange = (text: string) => {
    setPredictionText(text);
    const value = parsePrediction(text);
    if (value !== null) queue.choose({ kind: 'prediction', prediction: value });
  };

  const items: MapItem[] = questions.map((question, at) => ({
    key: question.id,
    label: String(at + 1),
    kind: 'question',
    number: at + 1,
    answered: chosenFor(question.id).length > 0,
    state: snapshot.states.get(question.id),
  }));
  if (hasPrediction) {
    items.push({
      key: predictionKey,
      label: t('attempt.map.predictionShort'),
      kind: 'prediction',
      number: questions.length + 1,
      answered: prediction !== undefined,
      state: snapshot.states.get(predictionKey),
    });
  }
  const answeredCount = items.filter((item) => item.kind === 'question' && item.answered).length;
  const unanswered = questions.length - answeredCount;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (confirming || inTextField(event.target) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      go(index + (event.key === 'ArrowRight' ? 1 : -1));
    }
  };

  const question = questions[index];
  const progress = question ? t('attempt.progress', { n: index + 1, total: questions.length }) : t('attempt.prediction.short');
  const isLast = index === steps - 1;

  const submitError = submit.isError && !(isApiError(submit.error) && finishedCodes.includes(submit.error.code)) ? submit.error : null;

  return (
    <div className="attempt" onKeyDown={onKeyDown}>
      <h1 className="visually-hidden">{t('attempt.title')}</h1>
      <div className="attempt-bar">
        <p className="attempt-bar__progress">{progress}</p>
        <Countdown seconds={seconds} withHours={withHours} />
        <button
          type="button"
          className="button button--primary attempt-bar__submit"
          onClick={() => {
            setConfirming(true);
          }}
          disabled={locked}
        >
          {t('attempt.submit.open')}
        </button>
      </div>

      {!snapshot.online && (
        <p className="notice notice--warning" role="status">
          {t('attempt.offline', { n: snapshot.pendingCount })}
        </p>
      )}
      {timeUp && !submit.isError && (
        <p className="notice notice--warning" role="alert">
          {t('attempt.timeUp')}
        </p>
      )}
      {submit.isPending && !timeUp && (
        <p className="notice" role="status">
          {t('attempt.submit.submitting')}
        </p>
      )}
      {submitError && (
        <ErrorNotice
          title={t('attempt.submit.failed')}
          message={submitError instanceof UnsentAnswersError ? t('attempt.submit.unsent', { n: snapshot.pendingCount }) : errorMessage(submitError)}
        />
      )}

      <div className="attempt__layout">
        <div className="attempt__main">
          {question ? (
            <QuestionView
              key={question.id}
              headingRef={headingRef}
              question={question}
              number={index + 1}
              total={questions.length}
              chosen={chosenFor(question.id)}
              onChoose={(optionIds) => {
                queue.choose({ kind: 'answer', questionId: question.id, optionIds });
              }}
              disabled={locked}
              status={
                <SaveStatus answered={chosenFor(question.id).length > 0} state={snapshot.states.get(question.id)} online={snapshot.online} />
              }
            />
          ) : (
            <PredictionStep
              headingRef={headingRef}
              question={attempt.predictionQuestion ?? ''}
              value={predictionText}
              onChange={onPredictionChange}
              disabled={locked}
              status={<SaveStatus answered={prediction !== undefined} state={snapshot.states.get(predictionKey)} online={snapshot.online} />}
            />
          )}

          <div className="attempt-nav">
            <button type="button" className="button button--secondary" onClick={() => go(index - 1)} disabled={index === 0}>
              {t('attempt.previous')}
            </button>
            {isLast ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setConfirming(true);
                }}
                disabled={locked}
              >
                {t('attempt.submit.open')}
              </button>
            ) : (
              <button type="button" className="button button--primary" onClick={() => go(index + 1)}>
                {t('attempt.next')}
              </button>
            )}
          </div>
          <p className="attempt__keys field__hint">{t('attempt.keyboardHint')}</p>
        </div>

        <QuestionMap items={items} current={index} onSelect={go} />
      </div>

      {confirming && (
        <ConfirmDialog
          title={t('attempt.submit.confirmTitle')}
          confirmLabel={t('attempt.submit.confirm')}
          cancelLabel={t('attempt.submit.cancel')}
          busy={submit.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            submit.mutate(
              { auto: false, prediction },
              {
                onSettled: () => {
                  setConfirming(false);
                },
              },
            );
          }}
        >
          <p>{t('attempt.submit.answered', { answered: answeredCount, total: questions.length })}</p>
          {unanswered > 0 && <p className="dialog__warning">{t('attempt.submit.unanswered', { n: unanswered })}</p>}
          {hasPrediction && prediction === undefined && <p className="dialog__warning">{t('attempt.submit.noPrediction')}</p>}
          {snapshot.pendingCount > 0 && <p>{t('attempt.submit.pending', { n: snapshot.pendingCount })}</p>}
          <p>{t('attempt.submit.final')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Taking a quiz: one question per screen, the map, the countdown, answers saved as they are chosen. */
export function AttemptPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('attempt.title'));
  const { id = '' } = useParams();
  const location = useLocation();
  const { status } = useAuth();
  const errorMessage = useErrorMessage();
  const attempt = useAttempt(id, status !== 'anonymous');

  if (status === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (attempt.isPending) {
    return (
      <p role="status" className="notice">
        {t('attempt.loading')}
      </p>
    );
  }
  if (attempt.isError) {
    return (
      <ErrorNotice
        title={t('attempt.loadFailed')}
        message={errorMessage(attempt.error)}
        onRetry={() => void attempt.refetch()}
        retrying={attempt.isFetching}
      />
    );
  }
  if (attempt.data.attempt.status !== 'active') return <Navigate to={`/attempts/${id}/result`} replace />;
  return <AttemptTaker key={id} timed={attempt.data} />;
}
