/**
 * The core as the shell and the browser preview use it: one provider, its calls (and conferences) kept
 * fresh by the feed supervisor (pushed or polled), call and conference commands carried by their dispatchers, history cached, event health and account in `status()`,
 * and typed events for everything that changes. Knows only the Provider interface: must not import
 * electron or anything provider-specific.
 */
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../shared/contract';
import type {
  Account,
  Action,
  AnswerEndpoint,
  Call,
  CallTimelineEvent,
  Conference,
  HistoryEntry,
  HistoryType,
  Recording,
  Status,
} from '../../shared/domain';
import { type AppError, type Result, err, ok } from '../../shared/result';
import type { Provider } from '../provider-api/provider';
import { createCallStore, type CallDiff } from './call-store';
import { createCommandDispatcher } from './command-dispatcher';
import { createConferenceDispatcher } from './conference-dispatcher';
import { actionLabel } from '../../shared/action-labels';
import { providerDisplayName } from './command-wording';
import { deepEqual } from '../foundation/deep-equal';
import { appErrorOf } from './error-values';
import { createEventHealth } from './event-health';
import type { FeedIntervals } from './feed-intervals';
import { createFeedSupervisor } from './feed-supervisor';
import { createHistoryCache } from './history-cache';
import { realTimers, type TimerHandle, type Timers } from '../foundation/timers';
import { createEmitter, type Listener, type Unsubscribe } from '../foundation/typed-emitter';

/**
 * A command that the provider accepted but never carried out (its pending mark timed out). `callId`
 * names the call (or conference participant) it was for; a command for the conference itself has none.
 */
export interface CommandFailedNotice {
  callId?: string;
  /** The conference a conference command was for. */
  conferenceId?: string;
  action: Action;
  error: AppError;
}

export interface SwitchboardCoreEvents {
  calls: Call[];
  /** Every conference in progress, the whole list, whenever any of them changed. */
  conferences: Conference[];
  history: HistoryEntry[];
  status: Status;
  commandFailed: CommandFailedNotice;
  diff: CallDiff;
}

export interface SwitchboardCoreOptions {
  provider: Provider;
  /** Polling, safety-read and push-retry intervals; the caller applies SWITCHBOARD_POLL_MS here. */
  intervals?: Partial<FeedIntervals>;
  /** How long a sent command may wait for a snapshot confirming it (default 8 s). */
  pendingTimeoutMs?: number;
  /** The same for mute transfer, which waits for the destination to answer (default 60 s). */
  slowPendingTimeoutMs?: number;
  /** Wait after a call ends before re-reading history, so the provider has recorded it (default 2 s). */
  historyRefreshDelayMs?: number;
  /** The provider's name in messages (default from its id: "Webex"). */
  providerName?: string;
  /** The provider is its built-in simulator: the status says so (the UI shows "demo"). */
  demo?: boolean;
  timers?: Timers;
}

export interface SwitchboardCore {
  /** Starts the feed (push or polling) and loads the account; resolves after the first read of the call list. */
  start(): Promise<void>;
  stop(): void;
  calls(): Call[];
  conferences(): Conference[];
  status(): Status;
  /** A call command as the boundary parsed and normalised it (runtime/command-invocation.ts). */
  command(command: CallCommand): Promise<Result<CommandOutcome>>;
  /** A conference command, parsed at the boundary like `command`, with the same guarantees. */
  conferenceCommand(command: ConferenceCommand): Promise<Result<null>>;
  history(type?: HistoryType): Promise<Result<HistoryEntry[]>>;
  answerEndpoints(): Promise<Result<AnswerEndpoint[]>>;
  /** A call's recordings (with transcriptions); NOT_ALLOWED where the provider keeps none. */
  recordings(callId: string): Promise<Result<Recording[]>>;
  requestTranscription(recordingId: string): Promise<Result<null>>;
  /** A call's event timeline; NOT_ALLOWED where the provider keeps none. */
  timeline(callId: string): Promise<Result<CallTimelineEvent[]>>;
  /** A full read now (re-auth, the user asks); resolves when the calls are up to date. */
  reconcile(): Promise<Result<null>>;
  /**
   * The machine woke from sleep or changed network: push is opened afresh, the calls are read at once
   * (resolves when they are up to date) and the history is re-read, since calls may have come and gone.
   */
  resume(): Promise<Result<null>>;
  setOnline(online: boolean): void;
  /** Signed out (by the user or the provider): forget calls, conferences, history and account; stop reading. */
  signOut(message: string): void;
  /** Signed in (again): read everything afresh and resume the feed. */
  signIn(): Promise<Result<null>>;
  on<K extends keyof SwitchboardCoreEvents>(event: K, listener: Listener<SwitchboardCoreEvents[K]>): Unsubscribe;
}

export function createSwitchboardCore(options: SwitchboardCoreOptions): SwitchboardCore {
  const { provider } = options;
  const timers = options.timers ?? realTimers;
  const providerName = options.providerName ?? providerDisplayName(provider.id);
  const historyDelayMs = options.historyRefreshDelayMs ?? 2_000;
  const emitter = createEmitter<SwitchboardCoreEvents>();

  const store = createCallStore({ pendingTimeoutMs: options.pendingTimeoutMs, slowPendingTimeoutMs: options.slowPendingTimeoutMs, timers });
  const health = createEventHealth({ providerName });
  const feed = createFeedSupervisor({
    provider,
    store,
    health,
    providerName,
    intervals: options.intervals,
    timers,
    // Calls that rang and ended while the feed could not see them belong in the history all the same.
    onGap: () => {
      if (running) historySoon();
    },
    // The status carries the account (its lines fill the dialer's Line choice): show it as it is now.
    onAccountChanged: () => {
      if (running) void loadAccount();
    },
  });
  const dispatcher = createCommandDispatcher({ provider, store, poller: feed, providerName });
  const conferenceDispatcher = createConferenceDispatcher({ provider, store, poller: feed, providerName });
  const history = createHistoryCache({ provider, providerName });

  let account: Account | undefined;
  let accountLoading: Promise<void> | null = null;
  let lastHistory: HistoryEntry[] | undefined;
  let historyTimer: TimerHandle | null = null;
  let running = false;

  /** A provider read as a Result: a refusal or failure becomes the error the user reads. */
  async function readOrError<T>(read: () => Promise<T>): Promise<Result<T>> {
    try {
      return ok(await read());
    } catch (error) {
      return { ok: false, error: appErrorOf(error, providerName) };
    }
  }

  function status(): Status {
    const h = health.current();
    const s: Status = { health: h.health, provider: provider.id, demo: options.demo ?? false };
    if (account) s.account = account;
    if (h.detail) s.detail = h.detail;
    if (h.lastSyncAt) s.lastSyncAt = h.lastSyncAt;
    return s;
  }

  /** Who is signed in; a failure is not fatal (the panel just shows no name) and is tried again later. */
  function loadAccount(): Promise<void> {
    if (accountLoading) return accountLoading;
    accountLoading = (async () => {
      try {
        const next = await provider.account();
        if (!deepEqual(next, account)) {
          account = next;
          emitter.emit('status', status());
        }
      } catch {
        // Status simply carries no account until a later reconcile or sign-in succeeds.
      } finally {
        accountLoading = null;
      }
    })();
    return accountLoading;
  }

  async function refreshHistory(): Promise<void> {
    const result = await history.refresh();
    if (!result.ok || deepEqual(result.value, lastHistory)) return;
    lastHistory = result.value;
    emitter.emit('history', result.value);
  }

  function historySoon(): void {
    if (historyTimer !== null) timers.clearTimeout(historyTimer);
    historyTimer = timers.setTimeout(() => {
      historyTimer = null;
      void refreshHistory();
    }, historyDelayMs);
  }

  store.on('diff', (diff) => {
    emitter.emit('diff', diff);
    emitter.emit('calls', diff.calls);
    if (diff.removed.length > 0 && running) historySoon();
  });
  store.on('conferences', (conferences) => emitter.emit('conferences', conferences));
  store.on('pendingExpired', ({ callId, action }) => {
    const error: AppError = {
      code: 'TIMEOUT',
      message: `${actionLabel(action)} was not confirmed by ${providerName} — the call is shown as it really is.`,
      retryable: true,
    };
    // Re-read first, so that by the time the user reads the notice the call shows its real state.
    void feed.reconcile().then(() => emitter.emit('commandFailed', { callId, action, error }));
  });

  store.on('conferencePendingExpired', ({ conferenceId, action, callId }) => {
    const error: AppError = {
      code: 'TIMEOUT',
      message: `${actionLabel(action)} was not confirmed by ${providerName} — the conference is shown as it really is.`,
      retryable: true,
    };
    void feed
      .reconcile()
      .then(() => emitter.emit('commandFailed', { ...(callId === undefined ? {} : { callId }), conferenceId, action, error }));
  });

  let previousHealth = health.current().health;
  health.on((state) => {
    const cameBack = previousHealth === 'signedOut' && state.health !== 'signedOut';
    previousHealth = state.health;
    emitter.emit('status', status());
    // A new sign-in may be another person: ask again who it is.
    if (cameBack) void loadAccount();
  });

  return {
    async start() {
      if (running) return;
      running = true;
      await Promise.all([feed.start(), loadAccount()]);
    },
    stop() {
      running = false;
      feed.stop();
      store.dispose();
      if (historyTimer !== null) timers.clearTimeout(historyTimer);
      historyTimer = null;
    },
    calls: () => store.calls(),
    conferences: () => store.conferences(),
    status,
    command: (command) => dispatcher.dispatch(command),
    conferenceCommand: (command) => conferenceDispatcher.dispatch(command),
    async history(type) {
      const result = await history.get(type);
      if (result.ok && type === undefined) lastHistory = result.value;
      return result;
    },
    recordings(callId) {
      const { recordings } = provider;
      if (!recordings) return Promise.resolve(err('NOT_ALLOWED', `${providerName} keeps no recordings that Switchboard can show.`));
      return readOrError(() => recordings.call(provider, callId));
    },
    requestTranscription(recordingId) {
      const { requestTranscription } = provider;
      if (!requestTranscription) return Promise.resolve(err('NOT_ALLOWED', `${providerName} does not transcribe recordings.`));
      return readOrError(async () => {
        await requestTranscription.call(provider, recordingId);
        return null;
      });
    },
    timeline(callId) {
      const { timeline } = provider;
      if (!timeline) return Promise.resolve(err('NOT_ALLOWED', `${providerName} keeps no call events that Switchboard can show.`));
      return readOrError(() => timeline.call(provider, callId));
    },
    answerEndpoints: () => readOrError(() => provider.answerEndpoints()),
    async reconcile() {
      const result = await feed.reconcile();
      if (result.ok && !account) await loadAccount();
      return result;
    },
    async resume() {
      const result = await feed.resume();
      if (result.ok && !account) await loadAccount();
      return result;
    },
    setOnline: (online) => feed.setOnline(online),
    signOut(message) {
      feed.stop();
      store.reset();
      history.clear();
      if (historyTimer !== null) timers.clearTimeout(historyTimer);
      historyTimer = null;
      if (lastHistory?.length) emitter.emit('history', []);
      lastHistory = undefined;
      account = undefined;
      health.set('signedOut', message);
    },
    async signIn() {
      running = true;
      const result = await feed.start();
      if (result.ok) await loadAccount();
      return result;
    },
    on: (event, listener) => emitter.on(event, listener),
  };
}
