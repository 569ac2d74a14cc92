/**
 * The renderer's state: signals fed only by the Bridge (initial reads plus push events) and by the
 * answers to commands the user sent through it. Views read these signals; nothing here touches the DOM.
 * One window runs one `connect()` at a time; `connect()` resets everything so a fresh bridge starts clean.
 */
import { batch, computed, signal } from '@preact/signals';
import type { AccountState } from '../shared/account';
import type { AppState, Bridge, DialRequest, Notice } from '../shared/contract';
import type { Call, Conference, HistoryEntry, Party, Status } from '../shared/domain';
import type { ProviderCapability, ProviderInfo } from '../shared/providers';
import type { Settings } from '../shared/settings';

export interface ShownNotice {
  id: number;
  kind: Notice['kind'];
  message: string;
  callId?: string;
}

export const calls = signal<Call[]>([]);
/** Every conference now (none, one or several at once), each with its id. */
export const conferences = signal<Conference[]>([]);
/** Conferences (by id) with a command for the conference as a whole (host mute, hold, release …) on its way to main. */
export const conferencesInFlight = signal<ReadonlySet<string>>(new Set());
/** How many conference-wide commands travel per conference: one answering must not clear the others' busy state. */
const conferenceCommandsInFlight = new Map<string, number>();
export const status = signal<Status | null>(null);
export const history = signal<HistoryEntry[]>([]);
/** Why the history could not be read, shown in place of the list. */
export const historyError = signal<string | null>(null);
export const settings = signal<Settings | null>(null);
export const appState = signal<AppState | null>(null);
/** The provider account as main keeps it (how I am signed in, a sign-in under way, its last problem). */
export const account = signal<AccountState | null>(null);
export const notices = signal<ShownNotice[]>([]);
/** A number from a link or the selection waiting for the user to confirm it in the dialer. */
export const dialRequest = signal<DialRequest | null>(null);
/** Where the last call I parked waits, from the park command's outcome; Retrieve offers it. */
export const lastParkedAt = signal<Party | null>(null);
/** Calls with a command on its way to main: their controls stay disabled until it answers. */
export const callsInFlight = signal<ReadonlySet<string>>(new Set());

/** The provider running now, as main describes it: the status names it, the app state (read first) as the fallback. */
export const currentProvider = computed<ProviderInfo | undefined>(() => {
  const id = status.value?.provider ?? appState.value?.provider;
  return id ? appState.value?.providers.find((p) => p.id === id) : undefined;
});

/**
 * What the current provider can do. Views hide what it cannot (Pick up, History, Lines …) rather than
 * offer a button main would refuse; until the provider is known nothing optional is offered.
 */
export const capabilities = computed<ReadonlySet<ProviderCapability>>(() => new Set(currentProvider.value?.capabilities ?? []));

export function hasCapability(capability: ProviderCapability): boolean {
  return capabilities.value.has(capability);
}

/** At most this many notices stay on screen; older ones make room. */
const MAX_NOTICES = 4;
let nextNoticeId = 1;

export function addNotice(kind: Notice['kind'], message: string, callId?: string): void {
  // Main may report the same failure the command already returned: show it once.
  if (notices.value.some((n) => n.kind === kind && n.message === message)) return;
  const notice: ShownNotice = { id: nextNoticeId++, kind, message, ...(callId ? { callId } : {}) };
  notices.value = [...notices.value, notice].slice(-MAX_NOTICES);
}

export function dismissNotice(id: number): void {
  notices.value = notices.value.filter((n) => n.id !== id);
}

/** How many commands travel per call: the call is busy until the LAST of overlapping commands answers. */
const commandsInFlight = new Map<string, number>();

/** One more (or one fewer) command travelling for `id`; `busy` shows the ids with any left. */
function countInFlight(counts: Map<string, number>, busy: { value: ReadonlySet<string> }, id: string, inFlight: boolean): void {
  const count = (counts.get(id) ?? 0) + (inFlight ? 1 : -1);
  if (count > 0) counts.set(id, count);
  else counts.delete(id);
  busy.value = new Set(counts.keys());
}

export function markInFlight(callId: string, inFlight: boolean): void {
  countInFlight(commandsInFlight, callsInFlight, callId, inFlight);
}

/** A command for that conference as a whole is (or is no longer) on its way to main. */
export function markConferenceInFlight(conferenceId: string, inFlight: boolean): void {
  countInFlight(conferenceCommandsInFlight, conferencesInFlight, conferenceId, inFlight);
}

export interface ConnectOptions {
  /** Read the call history (the popup does not show it). Default true. */
  history?: boolean;
  /** Read and follow the account (only settings show it). Default true. */
  account?: boolean;
}

/** Disposes the subscriptions; `ready` settles once every initial read has answered (or failed). */
export type Connection = (() => void) & { ready: Promise<void> };

function reset(): void {
  batch(() => {
    calls.value = [];
    conferences.value = [];
    conferencesInFlight.value = new Set();
    status.value = null;
    history.value = [];
    historyError.value = null;
    settings.value = null;
    appState.value = null;
    account.value = null;
    notices.value = [];
    dialRequest.value = null;
    lastParkedAt.value = null;
    callsInFlight.value = new Set();
  });
  commandsInFlight.clear();
  conferenceCommandsInFlight.clear();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loads the initial values from the bridge and keeps the signals current from its push events. */
export function connect(bridge: Bridge, options: ConnectOptions = {}): Connection {
  reset();
  let live = true;
  // A push that arrives before the initial read answers is newer: the read must not overwrite it.
  const pushed = new Set<string>();
  const onPush =
    <T>(key: string, apply: (value: T) => void) =>
    (value: T) => {
      if (!live) return;
      pushed.add(key);
      apply(value);
    };

  const unsubscribes = [
    bridge.onCallsChanged(onPush('calls', (v: Call[]) => (calls.value = v))),
    bridge.onConferencesChanged(onPush('conferences', (v: Conference[]) => (conferences.value = v))),
    bridge.onStatusChanged(onPush('status', (v: Status) => (status.value = v))),
    bridge.onSettingsChanged(onPush('settings', (v: Settings) => (settings.value = v))),
    bridge.onAppChanged(onPush('app', (v: AppState) => (appState.value = v))),
    bridge.onDialRequested(onPush('dial', (v: DialRequest) => (dialRequest.value = v))),
    bridge.onNotice(onPush('notice', (v: Notice) => addNotice(v.kind, v.message, v.callId))),
  ];
  if (options.account !== false) {
    unsubscribes.push(bridge.onAccountChanged(onPush('account', (v: AccountState) => (account.value = v))));
  }
  if (options.history !== false) {
    unsubscribes.push(
      bridge.onHistoryChanged(
        onPush('history', (v: HistoryEntry[]) =>
          batch(() => {
            history.value = v;
            historyError.value = null;
          }),
        ),
      ),
    );
  }

  const load = async <T>(key: string, what: string, read: () => Promise<T>, apply: (value: T) => void) => {
    try {
      const value = await read();
      if (live && !pushed.has(key)) apply(value);
    } catch (error) {
      if (live) addNotice('error', `Could not read ${what}: ${describe(error)}`);
    }
  };

  const reads = [
    load(
      'calls',
      'your calls',
      () => bridge.listCalls(),
      (v) => (calls.value = v),
    ),
    load(
      'conferences',
      'the conferences',
      () => bridge.conferences(),
      (v) => (conferences.value = v),
    ),
    load(
      'status',
      'the connection status',
      () => bridge.status(),
      (v) => (status.value = v),
    ),
    load(
      'settings',
      'your settings',
      () => bridge.settings(),
      (v) => (settings.value = v),
    ),
    load(
      'app',
      'the app state',
      () => bridge.appState(),
      (v) => (appState.value = v),
    ),
  ];
  if (options.account !== false) {
    reads.push(
      load(
        'account',
        'your account',
        () => bridge.account(),
        (v) => (account.value = v),
      ),
    );
  }
  if (options.history !== false) {
    reads.push(
      load(
        'history',
        'the call history',
        () => bridge.history({}),
        (result) => {
          if (result.ok) history.value = result.value;
          else historyError.value = result.error.message;
        },
      ),
    );
  }

  const dispose = () => {
    live = false;
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
  return Object.assign(dispose, { ready: Promise.all(reads).then(() => undefined) });
}
