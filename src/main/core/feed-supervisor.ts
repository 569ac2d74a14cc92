/**
 * Keeps the call store fresh from one provider, whichever kind of feed it offers, and says how fresh it
 * is (event health). A provider without push is polled adaptively (feed-intervals.ts). A provider with
 * push (Provider.push) is live: its updates go straight into the store, and a full read reconciles on
 * start, when the channel connects or reconnects, on setOnline(true), on request (re-auth) and on a
 * slow safety timer. On resume from sleep or a network change the channel is opened afresh as well (its
 * socket may have died without a word) and the list read at once. When push fails the feed polls
 * instead, says so in the status line (naming the permission, when the provider refused for a missing
 * one), and opens push again with backoff until it works. For both kinds:
 * failed reads back off exponentially — a connection that could not be made only up to a few seconds, so
 * the list is back soon after the network, a read that timed out up to a quarter minute — a refused
 * token (AUTH) stops everything as signed out until a read succeeds again, and offline pauses
 * everything. Whenever calls may have come and gone unseen (a gap: resume, back online, push lost or
 * recovered, reads working again after failures) it says so through `onGap`. Knows the Provider interface, the store and event health; must not import electron.
 */
import type { AppError, Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { Provider, PushUpdate } from '../provider-api/provider';
import { ProviderError } from '../provider-api/provider-error';
import type { CallStore } from './call-store';
import { appErrorOf } from './error-values';
import type { EventHealthTracker } from './event-health';
import { DEFAULT_FEED_INTERVALS, backoffDelay, describeInterval, pollDelay, type FeedIntervals } from './feed-intervals';
import { openPushLink, type PushLink } from './push-link';
import { createSnapshotReader, type ReadOutcome } from './snapshot-reader';
import { realTimers, type TimerHandle, type Timers } from '../foundation/timers';

export interface FeedSupervisorOptions {
  provider: Pick<Provider, 'snapshot' | 'push'>;
  store: CallStore;
  health: EventHealthTracker;
  providerName: string;
  intervals?: Partial<FeedIntervals>;
  timers?: Timers;
  /**
   * Calls may have rung and ended without the feed seeing them (after sleep, offline, a lost push
   * channel, failed reads): whoever keeps the history re-reads it.
   */
  onGap?: () => void;
  /** A read's provider says the account changed (e.g. a line added or removed): whoever shows it reads it again. */
  onAccountChanged?: () => void;
}

export interface FeedSupervisor {
  /** Opens push (if the provider has it) and reads at once; resolves with that read's outcome. */
  start(): Promise<Result<null>>;
  stop(): void;
  /** An immediate full read; resolves once the store reflects it. Concurrent calls share one read. */
  reconcile(): Promise<Result<null>>;
  /** A command was just sent: while polling, make the next read come soon (push reports the effect itself). */
  hurry(): void;
  /** Offline pauses reads and closes push; back online reopens push and reads at once. */
  setOnline(online: boolean): void;
  /**
   * The machine woke from sleep or moved to another network: the push channel is opened afresh (its
   * socket may be dead without knowing it) and the list read at once; resolves with that read's outcome.
   */
  resume(): Promise<Result<null>>;
  /** The delay of the next scheduled read, or null when none is scheduled. */
  nextDelayMs(): number | null;
}

/** Consecutive network failures after which the list is called offline rather than degraded. */
const OFFLINE_AFTER_FAILURES = 2;

/**
 * absent: the provider has no push, so the feed polls. opening: push is being opened (polling meanwhile).
 * live: push is connected. down: push failed; polling, and opening push again later.
 */
type PushState = 'absent' | 'opening' | 'live' | 'down';

export function createFeedSupervisor(options: FeedSupervisorOptions): FeedSupervisor {
  const { provider, store, health, providerName } = options;
  const timers = options.timers ?? realTimers;
  const intervals: FeedIntervals = { ...DEFAULT_FEED_INTERVALS, ...options.intervals };
  const channel = provider.push;

  let started = false;
  let online = true;
  let signedOut = false;
  let failures = 0;
  let lastFailure: ProviderError | undefined;
  let hurried = false;

  let push: PushState = channel ? 'opening' : 'absent';
  let link: PushLink | null = null;
  let pushFailures = 0;
  let pushRetryTimer: TimerHandle | null = null;
  /** What the status line says while push is down (why, when the user must fix it). */
  let pushDownDetail: string | undefined;

  let readTimer: TimerHandle | null = null;
  let readDelay: number | null = null;
  let readDueAt = 0;

  const reader = createSnapshotReader({
    provider,
    store,
    settle,
    cancelled: () => (online ? err('NETWORK', 'The read of the call list was cancelled.') : offlineError()),
  });

  function gap(): void {
    if (started && !signedOut) options.onGap?.();
  }

  /**
   * The wait before the next read after `failures` failures: a failed connection costs the provider
   * nothing (short), a timed-out read means a poor network or a slow provider (a little longer); only a
   * refusal — a rate limit, a server error — backs off all the way.
   */
  function retryDelay(): number {
    const delay = backoffDelay(pollDelay(store, intervals), failures, intervals.maxBackoffMs, lastFailure);
    if (lastFailure?.code === 'NETWORK') return Math.min(delay, intervals.networkRetryMs);
    if (lastFailure?.code === 'TIMEOUT') return Math.min(delay, intervals.timeoutRetryMs);
    return delay;
  }

  function offlineError(): Result<null> {
    return err('NETWORK', 'No network connection: the call list will refresh when it is back.', { retryable: true });
  }

  function active(): boolean {
    return started && online && !signedOut;
  }

  function fallbackDetail(): string {
    return `Live updates from ${providerName} are unavailable — checking every ${describeInterval(intervals.idleMs)}.`;
  }

  /**
   * Why push is down, as the status line says it: a permission the app lacks comes first, in the
   * provider's own sentence (it names the permission and what to do), since no retry will fix it.
   */
  function pushDownSentence(error: unknown): string {
    if (!(error instanceof ProviderError) || error.missingPermission === undefined) return fallbackDetail();
    return `${appErrorOf(error, providerName).message.replace(/\.$/, '')}. ${fallbackDetail()}`;
  }

  // --- reads -------------------------------------------------------------------------------------

  function clearReadTimer(): void {
    if (readTimer !== null) timers.clearTimeout(readTimer);
    readTimer = null;
    readDelay = null;
  }

  function setReadTimer(delay: number): void {
    clearReadTimer();
    readDelay = delay;
    readDueAt = timers.now() + delay;
    readTimer = timers.setTimeout(() => {
      readTimer = null;
      readDelay = null;
      if (active() && !reader.busy()) void reconcile();
    }, delay);
  }

  /** The next read: backoff after a failure, else the polling pace, or the safety read while live. */
  function schedule(): void {
    if (!active() || reader.busy()) return;
    let delay: number;
    if (failures > 0) delay = retryDelay();
    else delay = push === 'live' ? intervals.safetyReadMs : pollDelay(store, intervals);
    if (hurried && push !== 'live' && lastFailure?.code !== 'RATE_LIMITED') delay = Math.min(delay, intervals.fastMs);
    hurried = false;
    setReadTimer(delay);
  }

  function settle(outcome: ReadOutcome): Result<null> {
    if (outcome.ok) {
      // Reads failed until now: whatever rang and ended meanwhile was not seen.
      if (failures > 0) gap();
      failures = 0;
      lastFailure = undefined;
      if (signedOut) {
        // A read works again (the user signed in anew): resume everything.
        signedOut = false;
        if (started && online) openPush();
      }
      // Push being down is said first; otherwise what the provider asks the user to fix, if anything.
      health.synced(
        new Date(timers.now()),
        push === 'live' ? 'live' : 'polling',
        push === 'down' ? (pushDownDetail ?? fallbackDetail()) : outcome.advisory,
      );
      if (outcome.accountChanged) options.onAccountChanged?.();
      schedule();
      return ok(null);
    }
    const error = noteFailure(outcome.error);
    schedule();
    return { ok: false, error };
  }

  function noteFailure(error: unknown): AppError {
    const appError = appErrorOf(error, providerName);
    if (appError.code === 'AUTH') {
      toSignedOut(appError.message);
      return appError;
    }
    failures += 1;
    lastFailure = error instanceof ProviderError ? error : undefined;
    const seconds = Math.max(1, Math.round(retryDelay() / 1000));
    const detail = `${appError.message.replace(/\.$/, '')}. Trying again in ${seconds} s.`;
    const offline = appError.code === 'NETWORK' && failures >= OFFLINE_AFTER_FAILURES;
    health.set(offline ? 'offline' : 'degraded', detail);
    return appError;
  }

  function toSignedOut(message: string): void {
    signedOut = true;
    clearReadTimer();
    closePush();
    health.set('signedOut', message);
  }

  function reconcile(): Promise<Result<null>> {
    if (!online) return Promise.resolve(offlineError());
    clearReadTimer();
    return reader.reconcile();
  }

  // --- push --------------------------------------------------------------------------------------

  function clearPushRetry(): void {
    if (pushRetryTimer !== null) timers.clearTimeout(pushRetryTimer);
    pushRetryTimer = null;
  }

  /** Closes the channel; the next opening starts afresh (as on start). */
  function closePush(): void {
    clearPushRetry();
    link?.close();
    link = null;
    pushFailures = 0;
    if (channel) push = 'opening';
  }

  function openPush(): void {
    if (!channel || link) return;
    clearPushRetry();
    link = openPushLink(channel, {
      update: pushUpdate,
      connected: pushConnected,
      reconnected: pushReconnected,
      failed: pushFailed,
    });
  }

  function pushUpdate(update: PushUpdate): void {
    store.applyUpdate(update);
    reader.noteUpdate(update);
  }

  function pushConnected(): void {
    push = 'live';
    pushFailures = 0;
    clearPushRetry();
    // Whatever changed before the channel was up was not pushed: read it once.
    void reconcile();
  }

  function pushReconnected(): void {
    gap();
    if (push !== 'live') {
      pushConnected();
      return;
    }
    void reconcile();
  }

  function pushFailed(error: unknown): void {
    link = null;
    const appError = appErrorOf(error, providerName);
    if (appError.code === 'AUTH') {
      toSignedOut(appError.message);
      return;
    }
    const wasLive = push === 'live';
    push = 'down';
    pushFailures += 1;
    pushDownDetail = pushDownSentence(error);
    // A failing read says more than this sentence; the next good read shows it.
    if (failures === 0) health.set('polling', pushDownDetail);
    if (!active()) return;
    const retryIn = backoffDelay(
      intervals.pushRetryMs,
      pushFailures - 1,
      intervals.maxBackoffMs,
      error instanceof ProviderError ? error : undefined,
    );
    pushRetryTimer = timers.setTimeout(() => {
      pushRetryTimer = null;
      if (active() && push === 'down') openPush();
    }, retryIn);
    // Updates may have been lost as it went down: read now, then poll.
    if (wasLive) gap();
    if (wasLive) void reconcile();
    else if (readTimer === null) schedule();
  }

  return {
    start() {
      started = true;
      if (online) openPush();
      return reconcile();
    },
    stop() {
      started = false;
      reader.cancel();
      clearReadTimer();
      closePush();
    },
    reconcile,
    hurry() {
      if (!active() || push === 'live') return;
      if (reader.busy()) {
        hurried = true;
        return;
      }
      if (failures > 0 && lastFailure?.code === 'RATE_LIMITED') return;
      if (readTimer !== null && readDueAt <= timers.now() + intervals.fastMs) return;
      setReadTimer(intervals.fastMs);
    },
    setOnline(next) {
      if (!next) {
        if (!online) return;
        online = false;
        reader.cancel();
        clearReadTimer();
        closePush();
        health.set('offline');
        return;
      }
      const wasOffline = !online;
      online = true;
      // A new network is a good moment to try push again at once.
      if (started && !signedOut) openPush();
      if (wasOffline) gap();
      void reconcile();
    },
    resume() {
      if (!online) return Promise.resolve(offlineError());
      if (started && !signedOut && channel) {
        // A socket from before the sleep or on the old network may be silently dead: start a new one.
        closePush();
        openPush();
      }
      gap();
      // A read under way may hang on a connection that died in the sleep: read afresh now instead.
      clearReadTimer();
      return reader.restart();
    },
    nextDelayMs: () => readDelay,
  };
}
