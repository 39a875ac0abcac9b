import { isApiError } from '../../../lib/api-client';
import { safeStorage } from '../../../lib/storage';

/** One write the attempt needs the server to have: an answer, or the prediction. */
export type PendingWrite =
  | { kind: 'answer'; questionId: string; optionIds: string[] }
  | { kind: 'prediction'; prediction: number };

/** `saving`: on its way; `unsaved`: waiting to be sent (offline, or the last try failed); `rejected`: refused (400). */
export type WriteState = 'saving' | 'unsaved' | 'rejected';

export const predictionKey = 'prediction';

export const keyOf = (write: PendingWrite): string => (write.kind === 'answer' ? write.questionId : predictionKey);

export interface QueueSender {
  saveAnswer(questionId: string, optionIds: string[]): Promise<unknown>;
  savePrediction(prediction: number): Promise<unknown>;
}

export interface AnswerQueueOptions {
  storageKey: string;
  sender: QueueSender;
  /** The server says the attempt is over (409 `ATTEMPT.EXPIRED` / `ATTEMPT.FINISHED`). */
  onFinished?: (code: string) => void;
  isOnline?: () => boolean;
  /** First retry delay; each failure doubles it, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface QueueSnapshot {
  /** The latest value chosen here, sent or not; the server's copy fills in the rest. */
  values: ReadonlyMap<string, PendingWrite>;
  states: ReadonlyMap<string, WriteState>;
  /** Writes the server does not have yet. */
  pendingCount: number;
  online: boolean;
  finished: boolean;
}

export const finishedCodes: readonly string[] = ['ATTEMPT.EXPIRED', 'ATTEMPT.FINISHED'];

interface Entry {
  write: PendingWrite;
  seq: number;
}

function isPendingWrite(value: unknown): value is PendingWrite {
  if (typeof value !== 'object' || value === null) return false;
  const write = value as Record<string, unknown>;
  if (write.kind === 'answer') {
    return typeof write.questionId === 'string' && Array.isArray(write.optionIds) && write.optionIds.every((id) => typeof id === 'string');
  }
  return write.kind === 'prediction' && typeof write.prediction === 'number' && Number.isInteger(write.prediction) && write.prediction >= 0;
}

/**
 * The answers of one attempt on their way to the server. Only the latest choice per question is
 * kept, and a question has at most one request in flight: a later choice waits for the earlier
 * request to finish and is sent after it, so a slow or retried earlier write can never land last.
 * What is not yet sent is kept in localStorage (per attempt) and survives a reload. Failed sends are
 * retried with exponential backoff, and at once when the browser comes back online.
 */
export class AnswerQueue {
  private readonly pending = new Map<string, Entry>();
  private readonly inFlight = new Map<string, number>();
  private readonly saved = new Map<string, PendingWrite>();
  private readonly rejected = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<Omit<AnswerQueueOptions, 'onFinished'>> & Pick<AnswerQueueOptions, 'onFinished'>;
  private seq = 0;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private finished = false;
  private active = true;
  private snapshot: QueueSnapshot;

  constructor(options: AnswerQueueOptions) {
    this.options = {
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
      baseDelayMs: 1_000,
      maxDelayMs: 30_000,
      random: Math.random,
      ...options,
    };
    for (const write of this.load()) this.pending.set(keyOf(write), { write, seq: ++this.seq });
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): QueueSnapshot => this.snapshot;

  /** Records a choice (replacing any unsent one for the same question) and sends it. */
  choose(write: PendingWrite): void {
    if (this.finished) return;
    const key = keyOf(write);
    this.pending.set(key, { write, seq: ++this.seq });
    this.rejected.delete(key);
    this.persist();
    this.changed();
    this.flush();
  }

  /** Sends every unsent write that has no request in flight. */
  flush(): void {
    if (!this.active || this.finished) return;
    this.clearRetry();
    if (!this.options.isOnline()) {
      this.changed();
      return;
    }
    for (const [key, entry] of this.pending) {
      if (!this.inFlight.has(key)) void this.send(key, entry);
    }
  }

  /** The browser is back online: forget the backoff and send now. */
  resume(): void {
    this.failures = 0;
    this.flush();
  }

  /** The browser went offline: say so; nothing is sent until `resume`. */
  wentOffline(): void {
    this.changed();
  }

  /** Starts (again) after `stop`: sends what was left from before. */
  start(): void {
    this.active = true;
    this.flush();
  }

  /** Stops retrying (the page is gone); what is unsent stays stored for the next visit. */
  stop(): void {
    this.active = false;
    this.clearRetry();
  }

  /**
   * Tries to get every write to the server now. Resolves true once nothing is left, false as soon
   * as it is clear that something cannot be sent now (offline, a failed request) or after the timeout.
   */
  drain(timeoutMs: number): Promise<boolean> {
    this.failures = 0;
    this.flush();
    return new Promise((resolve) => {
      const finish = (result: boolean) => {
        unsubscribe();
        clearTimeout(timer);
        resolve(result);
      };
      const check = () => {
        if (this.pending.size === 0) finish(true);
        else if (this.finished || !this.options.isOnline() || (this.inFlight.size === 0 && this.failures > 0)) finish(false);
      };
      const unsubscribe = this.subscribe(check);
      const timer = setTimeout(() => {
        finish(false);
      }, timeoutMs);
      check();
    });
  }

  /** Forgets everything stored for the attempt (it was submitted). */
  clear(): void {
    this.finished = true;
    this.pending.clear();
    this.clearRetry();
    safeStorage.remove(this.options.storageKey);
    this.changed();
  }

  private async send(key: string, entry: Entry): Promise<void> {
    this.inFlight.set(key, entry.seq);
    this.changed();
    try {
      const { write } = entry;
      if (write.kind === 'answer') await this.options.sender.saveAnswer(write.questionId, write.optionIds);
      else await this.options.sender.savePrediction(write.prediction);
    } catch (error) {
      this.inFlight.delete(key);
      this.failed(key, entry, error);
      return;
    }
    this.inFlight.delete(key);
    this.failures = 0;
    this.saved.set(key, entry.write);
    // A newer choice made while this one was on its way stays queued, and goes next.
    if (this.pending.get(key)?.seq === entry.seq) {
      this.pending.delete(key);
      this.persist();
    }
    this.changed();
    if (this.pending.has(key)) this.flush();
  }

  private failed(key: string, entry: Entry, error: unknown): void {
    if (isApiError(error) && finishedCodes.includes(error.code)) {
      this.finished = true;
      this.clearRetry();
      this.changed();
      this.options.onFinished?.(error.code);
      return;
    }
    if (isApiError(error) && error.status === 400) {
      // Sending it again cannot help; a newer choice for the question is still sent.
      if (this.pending.get(key)?.seq === entry.seq) {
        this.pending.delete(key);
        this.rejected.add(key);
        this.persist();
      }
      this.changed();
      if (this.pending.has(key)) this.flush();
      return;
    }
    // Offline, a timeout, 5xx, 429: try again later.
    this.failures += 1;
    this.scheduleRetry();
    this.changed();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || !this.active || this.finished) return;
    const { baseDelayMs, maxDelayMs, random } = this.options;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (this.failures - 1));
    // Some jitter, so a room of phones that lost the same Wi-Fi do not all retry at once.
    const jittered = Math.round(delay * (0.8 + 0.4 * random()));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, jittered);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private load(): PendingWrite[] {
    const raw = safeStorage.get(this.options.storageKey);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? parsed.filter(isPendingWrite) : [];
    } catch {
      return [];
    }
  }

  private persist(): void {
    if (this.pending.size === 0) safeStorage.remove(this.options.storageKey);
    else safeStorage.set(this.options.storageKey, JSON.stringify([...this.pending.values()].map((entry) => entry.write)));
  }

  private buildSnapshot(): QueueSnapshot {
    const values = new Map<string, PendingWrite>(this.saved);
    for (const [key, entry] of this.pending) values.set(key, entry.write);
    const states = new Map<string, WriteState>();
    for (const key of this.rejected) states.set(key, 'rejected');
    for (const key of this.pending.keys()) states.set(key, 'unsaved');
    for (const key of this.inFlight.keys()) states.set(key, 'saving');
    return { values, states, pendingCount: this.pending.size, online: this.options.isOnline(), finished: this.finished };
  }

  private changed(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }
}
