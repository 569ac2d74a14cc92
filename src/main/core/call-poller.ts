/**
 * Keeps the call store fresh by reading the provider's full call list, adaptively: fast while a call
 * rings or connects or a command waits for confirmation, normal while calls are up, slow when idle.
 * Failures back off exponentially; a rejected token stops polling (signed out) until a reconcile
 * succeeds; offline pauses it. Never two reads at once: concurrent reconcile requests share one read.
 * Knows the Provider interface, the store and event health only; must not import electron.
 */
import type { AppError, Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { Provider } from '../provider-api/provider';
import { ProviderError } from '../provider-api/provider-error';
import type { CallStore } from './call-store';
import { appErrorOf } from './error-values';
import type { EventHealthTracker } from './event-health';
import { realTimers, type TimerHandle, type Timers } from '../foundation/timers';

export interface PollIntervals {
  /** While a call is alerting/connecting or a command is pending (default 1 s). */
  fastMs: number;
  /** While any call is up (default 2 s). */
  normalMs: number;
  /**
   * With no calls (default 2 s). Webex has no push a desktop can receive, so this is also how late a new
   * call can be noticed: it must stay short for the popup to feel instant (30 requests a minute).
   */
  idleMs: number;
  /** Ceiling of the exponential backoff after failures (default 60 s). */
  maxBackoffMs: number;
}

export const DEFAULT_POLL_INTERVALS: PollIntervals = { fastMs: 1_000, normalMs: 2_000, idleMs: 2_000, maxBackoffMs: 60_000 };

export interface CallPollerOptions {
  provider: Pick<Provider, 'snapshot'>;
  store: CallStore;
  health: EventHealthTracker;
  providerName: string;
  intervals?: Partial<PollIntervals>;
  timers?: Timers;
}

export interface CallPoller {
  /** Starts polling with an immediate read; resolves with that read's outcome. */
  start(): Promise<Result<null>>;
  stop(): void;
  /** An immediate full read; resolves once the store reflects it. Concurrent calls share one read. */
  reconcile(): Promise<Result<null>>;
  /** A command was just sent: make the next read come soon. */
  hurry(): void;
  /** Offline pauses polling; back online reads at once. */
  setOnline(online: boolean): void;
  /** The delay of the next scheduled read, or null when none is scheduled. */
  nextDelayMs(): number | null;
}

/** Consecutive network failures after which the list is called offline rather than degraded. */
const OFFLINE_AFTER_FAILURES = 2;

export function createCallPoller(options: CallPollerOptions): CallPoller {
  const { provider, store, health, providerName } = options;
  const timers = options.timers ?? realTimers;
  const intervals: PollIntervals = { ...DEFAULT_POLL_INTERVALS, ...options.intervals };

  let started = false;
  let online = true;
  let signedOut = false;
  let failures = 0;
  let lastFailure: ProviderError | undefined;
  let hurried = false;
  /** Bumped by stop/offline so that a read already under way is neither applied nor followed up. */
  let generation = 0;

  let timer: TimerHandle | null = null;
  let timerDelay: number | null = null;
  let timerDueAt = 0;
  let inflight: Promise<Result<null>> | null = null;
  let abortInflight: AbortController | null = null;
  /** A read requested by reconcile() that has not started yet: everyone asking now shares it. */
  let queued: Promise<Result<null>> | null = null;

  const offlineError = (): Result<null> => err('NETWORK', 'No network connection: the call list will refresh when it is back.', { retryable: true });

  function polling(): boolean {
    return started && online && !signedOut;
  }

  function clearTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    timerDelay = null;
  }

  function adaptiveInterval(): number {
    const calls = store.calls();
    if (store.hasPending() || calls.some((c) => c.state === 'alerting' || c.state === 'connecting')) return intervals.fastMs;
    return calls.length > 0 ? intervals.normalMs : intervals.idleMs;
  }

  function backoffDelay(): number {
    const base = adaptiveInterval() * 2 ** failures;
    const asked = (lastFailure?.retryAfter ?? 0) * 1000;
    return Math.min(Math.max(base, asked), Math.max(intervals.maxBackoffMs, asked));
  }

  function setTimer(delay: number): void {
    clearTimer();
    timerDelay = delay;
    timerDueAt = timers.now() + delay;
    timer = timers.setTimeout(() => {
      timer = null;
      timerDelay = null;
      if (polling() && !inflight && !queued) void read();
    }, delay);
  }

  function schedule(): void {
    if (!polling() || inflight || queued) return;
    let delay = failures > 0 ? backoffDelay() : adaptiveInterval();
    if (hurried && lastFailure?.code !== 'RATE_LIMITED') delay = Math.min(delay, intervals.fastMs);
    hurried = false;
    setTimer(delay);
  }

  function noteFailure(error: unknown): AppError {
    const appError = appErrorOf(error, providerName);
    if (appError.code === 'AUTH') {
      signedOut = true;
      clearTimer();
      health.set('signedOut', appError.message);
      return appError;
    }
    failures += 1;
    lastFailure = error instanceof ProviderError ? error : undefined;
    const seconds = Math.max(1, Math.round(backoffDelay() / 1000));
    const detail = `${appError.message.replace(/\.$/, '')}. Trying again in ${seconds} s.`;
    const offline = appError.code === 'NETWORK' && failures >= OFFLINE_AFTER_FAILURES;
    health.set(offline ? 'offline' : 'degraded', detail);
    return appError;
  }

  async function readOnce(gen: number, signal: AbortSignal): Promise<Result<null>> {
    try {
      const snapshot = await provider.snapshot(signal);
      if (gen !== generation) return online ? err('NETWORK', 'The read of the call list was cancelled.') : offlineError();
      store.applySnapshot(snapshot);
      failures = 0;
      lastFailure = undefined;
      signedOut = false;
      health.synced(new Date(timers.now()));
      return ok(null);
    } catch (error) {
      if (gen !== generation) return online ? err('NETWORK', 'The read of the call list was cancelled.') : offlineError();
      return { ok: false, error: noteFailure(error) };
    }
  }

  function read(): Promise<Result<null>> {
    clearTimer();
    const gen = generation;
    const controller = new AbortController();
    abortInflight = controller;
    const promise: Promise<Result<null>> = readOnce(gen, controller.signal).then((result) => {
      if (inflight === promise) {
        inflight = null;
        abortInflight = null;
      }
      if (gen === generation) schedule();
      return result;
    });
    inflight = promise;
    return promise;
  }

  function cancelInflight(): void {
    generation += 1;
    abortInflight?.abort();
    abortInflight = null;
    inflight = null;
    clearTimer();
  }

  function reconcile(): Promise<Result<null>> {
    if (!online) return Promise.resolve(offlineError());
    if (queued) return queued;
    // A read already under way may have started before whatever prompted this request: wait for it,
    // then read afresh. Requests made meanwhile join this one.
    const before: Promise<unknown> = inflight ?? Promise.resolve();
    const next: Promise<Result<null>> = before.then(() => {
      if (queued === next) queued = null;
      return online ? read() : offlineError();
    });
    queued = next;
    return next;
  }

  return {
    start() {
      started = true;
      return reconcile();
    },
    stop() {
      started = false;
      queued = null;
      cancelInflight();
    },
    reconcile,
    hurry() {
      if (!polling()) return;
      if (inflight || queued) {
        hurried = true;
        return;
      }
      if (failures > 0 && lastFailure?.code === 'RATE_LIMITED') return;
      if (timer !== null && timerDueAt <= timers.now() + intervals.fastMs) return;
      setTimer(intervals.fastMs);
    },
    setOnline(next) {
      if (!next) {
        if (!online) return;
        online = false;
        cancelInflight();
        health.set('offline');
        return;
      }
      online = true;
      void reconcile();
    },
    nextDelayMs: () => timerDelay,
  };
}
