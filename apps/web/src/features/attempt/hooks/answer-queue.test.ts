import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCodes } from '../../../lib/api-client';
import { AnswerQueue, type QueueSender } from './answer-queue';

const storageKey = 'hoi-thi.attempt.a1.pending';

interface Deferred {
  questionId: string;
  optionIds: string[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A sender whose requests stay open until the test settles them, in any order. */
function controllableSender() {
  const calls: Deferred[] = [];
  const sender: QueueSender = {
    saveAnswer: (questionId, optionIds) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ questionId, optionIds, resolve, reject });
      }),
    savePrediction: () => Promise.resolve(),
  };
  return { sender, calls };
}

const networkError = () => new ApiError(0, ClientErrorCodes.NETWORK, '');
const stored = () => JSON.parse(window.localStorage.getItem(storageKey) ?? '[]') as unknown[];

describe('answer queue', () => {
  let online = true;
  beforeEach(() => {
    online = true;
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const makeQueue = (sender: QueueSender, onFinished = vi.fn()) =>
    new AnswerQueue({ storageKey, sender, onFinished, isOnline: () => online, random: () => 0.5 });

  it('sends a later choice only after the earlier request is done, so the later one lands last', async () => {
    const { sender, calls } = controllableSender();
    const queue = makeQueue(sender);

    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['b'] });
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['c'] });

    expect(calls.map((call) => call.optionIds)).toEqual([['a']]);
    expect(queue.getSnapshot().states.get('q1')).toBe('saving');
    expect(queue.getSnapshot().values.get('q1')).toEqual({ kind: 'answer', questionId: 'q1', optionIds: ['c'] });

    calls[0]?.resolve();
    await vi.runAllTimersAsync();
    // The choices in between are skipped: only the latest is sent next.
    expect(calls.map((call) => call.optionIds)).toEqual([['a'], ['c']]);
    calls[1]?.resolve();
    await vi.runAllTimersAsync();

    expect(queue.getSnapshot().states.has('q1')).toBe(false);
    expect(queue.getSnapshot().pendingCount).toBe(0);
    expect(window.localStorage.getItem(storageKey)).toBeNull();
  });

  it('retries a failed save with the latest choice, never the one that failed', async () => {
    const { sender, calls } = controllableSender();
    const queue = makeQueue(sender);

    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['b'] });
    calls[0]?.reject(networkError());
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getSnapshot().states.get('q1')).toBe('unsaved');

    await vi.advanceTimersByTimeAsync(1_000); // first backoff step
    expect(calls.map((call) => call.optionIds)).toEqual([['a'], ['b']]);
    calls[1]?.resolve();
    await vi.runAllTimersAsync();
    expect(queue.getSnapshot().pendingCount).toBe(0);
  });

  it('backs off exponentially while the server cannot be reached', async () => {
    const { sender, calls } = controllableSender();
    const queue = makeQueue(sender);
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });

    for (const [failures, wait] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
    ] as const) {
      calls.at(-1)?.reject(networkError());
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(calls).toHaveLength(failures);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(failures + 1);
    }
  });

  it('keeps unsent answers in localStorage and sends them after a reload', async () => {
    online = false;
    const first = controllableSender();
    const before = makeQueue(first.sender);
    before.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });
    before.choose({ kind: 'answer', questionId: 'q2', optionIds: ['x', 'y'] });
    before.choose({ kind: 'answer', questionId: 'q1', optionIds: ['b'] });
    before.choose({ kind: 'prediction', prediction: 250 });
    before.stop();

    expect(first.calls).toHaveLength(0);
    expect(stored()).toEqual([
      { kind: 'answer', questionId: 'q1', optionIds: ['b'] },
      { kind: 'answer', questionId: 'q2', optionIds: ['x', 'y'] },
      { kind: 'prediction', prediction: 250 },
    ]);

    online = true;
    const second = controllableSender();
    const predictions: number[] = [];
    second.sender.savePrediction = (value) => {
      predictions.push(value);
      return Promise.resolve();
    };
    const after = makeQueue(second.sender);
    expect(after.getSnapshot().pendingCount).toBe(3);
    after.start();

    expect(second.calls.map((call) => [call.questionId, call.optionIds])).toEqual([
      ['q1', ['b']],
      ['q2', ['x', 'y']],
    ]);
    expect(predictions).toEqual([250]);
    second.calls.forEach((call) => {
      call.resolve();
    });
    await vi.runAllTimersAsync();
    expect(after.getSnapshot().pendingCount).toBe(0);
    expect(window.localStorage.getItem(storageKey)).toBeNull();
  });

  it('waits while offline and sends everything as soon as the browser is back online', async () => {
    online = false;
    const { sender, calls } = controllableSender();
    const queue = makeQueue(sender);
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });
    queue.choose({ kind: 'answer', questionId: 'q2', optionIds: ['b'] });
    await vi.advanceTimersByTimeAsync(60_000);

    expect(calls).toHaveLength(0);
    expect(queue.getSnapshot()).toMatchObject({ online: false, pendingCount: 2 });
    expect(queue.getSnapshot().states.get('q1')).toBe('unsaved');

    online = true;
    queue.resume();

    expect(calls.map((call) => call.questionId)).toEqual(['q1', 'q2']);
  });

  it('ignores a stored queue it cannot read', () => {
    window.localStorage.setItem(storageKey, '{not json');
    expect(makeQueue(controllableSender().sender).getSnapshot().pendingCount).toBe(0);
    window.localStorage.setItem(storageKey, JSON.stringify([{ kind: 'answer', questionId: 5 }, { kind: 'prediction', prediction: -1 }]));
    expect(makeQueue(controllableSender().sender).getSnapshot().pendingCount).toBe(0);
  });

  it('stops and reports when the server says the attempt is over', async () => {
    const { sender, calls } = controllableSender();
    const onFinished = vi.fn();
    const queue = makeQueue(sender, onFinished);
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });

    calls[0]?.reject(new ApiError(409, 'ATTEMPT.EXPIRED', 'Hết giờ'));
    await vi.runAllTimersAsync();

    expect(onFinished).toHaveBeenCalledWith('ATTEMPT.EXPIRED');
    queue.choose({ kind: 'answer', questionId: 'q2', optionIds: ['b'] });
    expect(calls).toHaveLength(1);
  });

  it('drops a write the server refuses (400) instead of sending it forever', async () => {
    const { sender, calls } = controllableSender();
    const queue = makeQueue(sender);
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['zzz'] });
    calls[0]?.reject(new ApiError(400, 'ATTEMPT.OPTION_NOT_IN_QUESTION', ''));
    await vi.runAllTimersAsync();

    expect(calls).toHaveLength(1);
    expect(queue.getSnapshot().states.get('q1')).toBe('rejected');
    expect(queue.getSnapshot().pendingCount).toBe(0);
  });

  it('drains: true once all is saved, false when the network is down', async () => {
    const { sender, calls } = controllableSender();
    const queue = makeQueue(sender);
    queue.choose({ kind: 'answer', questionId: 'q1', optionIds: ['a'] });

    const drained = queue.drain(5_000);
    calls[0]?.resolve();
    await expect(drained).resolves.toBe(true);

    queue.choose({ kind: 'answer', questionId: 'q2', optionIds: ['b'] });
    const failed = queue.drain(5_000);
    calls[1]?.reject(networkError());
    await expect(failed).resolves.toBe(false);

    online = false;
    await expect(queue.drain(5_000)).resolves.toBe(false);
  });
});
