/**
 * Keeps the running backend and swaps it when the user changes provider or leaves the demo (the demo →
 * the real account after the first sign-in, or back) without a restart. Everything above it — shell, preview, bridge handlers —
 * holds one stable `core` that forwards to the current backend's core and carries its listeners over
 * on every swap. Must not import electron.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import type { ProviderId } from '../../shared/domain';
import { type Result, err, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { SwitchboardCore, SwitchboardCoreEvents } from '../core/switchboard-core';
import { createEmitter, type Listener } from '../foundation/typed-emitter';
import { ProviderError } from '../provider-api/provider-error';
import { type Backend, type BackendOptions, startBackend } from './backend';
import { chooseProvider, type DemoSimulator } from './provider-registry';

export interface BackendHost {
  /** Stable across swaps: listeners registered here follow the current backend. */
  readonly core: SwitchboardCore;
  readonly demo: boolean;
  readonly provider: ProviderId;
  readonly simulator: DemoSimulator | undefined;
  simulateIncomingCall(kind: DemoCallKind): Promise<Result<null>>;
  /** Starts the backend for these settings if it is another provider or mode than the running one. */
  switchTo(settings: Settings): Promise<Result<null>>;
  /** Told after every swap (the demo flag may have changed). */
  onSwitched(listener: () => void): () => void;
  close(): Promise<void>;
}

const CORE_EVENTS: (keyof SwitchboardCoreEvents)[] = ['calls', 'conferences', 'history', 'status', 'commandFailed', 'diff'];

/** How a backend is started; tests pass one that keeps a handle on what it built. */
export type BackendFactory = (options: BackendOptions) => Promise<Backend>;

export async function startBackendHost(options: BackendOptions, start: BackendFactory = startBackend): Promise<BackendHost> {
  let current: Backend = await start(options);
  const relay = createEmitter<SwitchboardCoreEvents>();
  const switched = createEmitter<{ switched: null }>();
  let detach: (() => void)[] = [];
  let swapping: Promise<Result<null>> | null = null;

  function attach(backend: Backend): void {
    for (const off of detach) off();
    detach = CORE_EVENTS.map((event) => backend.core.on(event, (payload) => relay.emit(event, payload as never)));
  }
  attach(current);

  const core: SwitchboardCore = {
    start: () => current.core.start(),
    stop: () => current.core.stop(),
    calls: () => current.core.calls(),
    conferences: () => current.core.conferences(),
    status: () => current.core.status(),
    command: (command) => current.core.command(command),
    conferenceCommand: (command) => current.core.conferenceCommand(command),
    history: (type) => current.core.history(type),
    answerEndpoints: () => current.core.answerEndpoints(),
    recordings: (callId) => current.core.recordings(callId),
    requestTranscription: (recordingId) => current.core.requestTranscription(recordingId),
    timeline: (callId) => current.core.timeline(callId),
    reconcile: () => current.core.reconcile(),
    resume: () => current.core.resume(),
    setOnline: (online) => current.core.setOnline(online),
    signOut: (message) => current.core.signOut(message),
    signIn: () => current.core.signIn(),
    on: <K extends keyof SwitchboardCoreEvents>(event: K, listener: Listener<SwitchboardCoreEvents[K]>) => relay.on(event, listener),
  };

  async function swap(settings: Settings): Promise<Result<null>> {
    const wanted = chooseProvider(settings, options.env ?? {});
    if (!wanted.ok) return wanted;
    if (wanted.value.provider === current.provider && wanted.value.demo === current.demo) return ok(null);
    let next: Backend;
    try {
      next = await start({ ...options, settings });
    } catch (error) {
      return err('PROVIDER', error instanceof ProviderError ? error.toAppError().message : 'The provider could not be started.');
    }
    const old = current;
    current = next;
    attach(next);
    await old.close();
    // Everything shown so far belonged to the old provider: show the new one's state at once.
    relay.emit('calls', next.core.calls());
    relay.emit('conferences', next.core.conferences());
    relay.emit('status', next.core.status());
    // The old provider's history (and its missed-call badge) goes at once; the new one's follows its read.
    relay.emit('history', []);
    void next.core.history().then((history) => {
      if (current === next && history.ok && history.value.length > 0) relay.emit('history', history.value);
    });
    switched.emit('switched', null);
    return ok(null);
  }

  return {
    core,
    get demo() {
      return current.demo;
    },
    get provider() {
      return current.provider;
    },
    get simulator() {
      return current.simulator;
    },
    simulateIncomingCall: (kind) => current.simulateIncomingCall(kind),
    switchTo(settings) {
      // One swap at a time; a second request waits for the first and then decides afresh.
      const run = (swapping ?? Promise.resolve(ok(null))).then(() => swap(settings));
      swapping = run.finally(() => {
        if (swapping === run) swapping = null;
      });
      return run;
    },
    onSwitched: (listener) => switched.on('switched', () => listener()),
    async close() {
      for (const off of detach) off();
      await current.close();
    },
  };
}
