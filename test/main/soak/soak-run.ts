/**
 * The soak: many simulated call lifecycles through the core and the renderer state, as the app runs
 * them — a pushed provider (the test double) rings a call; the renderer's own command path
 * (renderer/send-command.ts) answers, holds, resumes and hangs up through a Bridge that goes through
 * main's boundary (runtime/command-invocation.ts) and bridge handlers to the core; the provider
 * confirms each command with a push, which the core forwards to the renderer's signals; the ended call
 * lands in history. Every so often two calls are merged into a conference and released. Time is the
 * hand-driven timers'. Measures the heap (after GC), the live listeners (every typed emitter, plus the
 * windows' push subscriptions) and the live timers before and after. Used by test/main/soak/soak.test.ts
 * and bench/soak.ts.
 */
import { connect, calls as shownCalls, callsInFlight, conferences as shownConferences } from '../../../src/renderer/state';
import { sendCommand } from '../../../src/renderer/send-command';
import { sendConferenceCommand } from '../../../src/renderer/send-conference-command';
import { createSwitchboardCore, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import { liveListenerCount } from '../../../src/main/foundation/typed-emitter';
import { forwardCoreEvents, type CommandHandlers } from '../../../src/main/runtime/bridge-handlers';
import { invokeCommand } from '../../../src/main/runtime/command-invocation';
import { createMemorySettings } from '../../../src/main/runtime/memory-settings';
import type { AccountState } from '../../../src/shared/account';
import { type Bridge, CHANNELS, type PushChannel, type WindowName } from '../../../src/shared/contract';
import type { Call, Conference, HistoryEntry } from '../../../src/shared/domain';
import { ok } from '../../../src/shared/result';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { settledHeapBytes } from '../../support/heap';
import { testBridgeHandlers } from '../../support/test-bridge-handlers';
import { ManualTimers, ProviderDouble, actionsFor, makeCall } from '../core/provider-double';
import { FakePushChannel } from '../core/push-double';

export interface SoakFigures {
  feed: SoakFeed;
  lifecycles: number;
  /** How many of them were merged into a conference and released. */
  conferences: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** Typed-emitter listeners plus the windows' push subscriptions. */
  listenersBefore: number;
  listenersAfter: number;
  timersBefore: number;
  timersAfter: number;
  /** Commands a window sent that did not succeed (each one a bug in the soak or the core). */
  failedCommands: number;
  /** Commands the core reported as never confirmed (their pending mark timed out). */
  unconfirmedCommands: number;
  /** Calls and conferences the renderer still shows at the end (none should be left). */
  callsShownAfter: number;
  conferencesShownAfter: number;
  elapsedMs: number;
}

/** How the provider's changes reach the core: a push channel (RingCentral) or reads on a timer (Webex, Bandwidth). */
export type SoakFeed = 'pushed' | 'polled';

export interface SoakOptions {
  lifecycles: number;
  /** Default pushed. */
  feed?: SoakFeed;
  /** Lifecycles run before the heap is first measured, so caches, JIT and pools are warm. */
  warmUp?: number;
  /** Every n-th lifecycle is two calls merged into a conference. */
  conferenceEvery?: number;
}

/** The windows' side of the push channels, counted like the preload's ipcRenderer listeners would be. */
class PushHub {
  private readonly listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();

  subscribe(channel: PushChannel, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    const entry = (payload: unknown) => listener(payload);
    set.add(entry);
    return () => set.delete(entry);
  }

  send(channel: PushChannel, payload: unknown): void {
    // IPC hands the window a copy, never main's objects.
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener(structuredClone(payload));
  }

  count(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

/** A window's Bridge built from the contract table like the preload's, each invoke through main's boundary. */
function bridgeOver(handlers: CommandHandlers, hub: PushHub, window: WindowName): Bridge {
  const functions: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CHANNELS)) {
    const { channel } = spec;
    if (spec.kind === 'push') functions[name] = (listener: (payload: unknown) => void) => hub.subscribe(channel as PushChannel, listener);
    else functions[name] = (argument?: unknown) => invokeCommand(handlers, spec.channel, argument, window);
  }
  return functions as Bridge;
}

const ACCOUNT: AccountState = {
  provider: 'ringcentral',
  signInKinds: ['pastedToken'],
  signedIn: true,
  method: 'pastedToken',
  clientId: '',
  clientSecretSaved: false,
  redirectUri: '',
  persistent: false,
  signingIn: false,
};

const HISTORY_KEPT = 20;

/** The provider double as a pushed provider whose commands change its calls and report them by push. */
function scriptedProvider(channel: FakePushChannel | undefined) {
  const provider = new ProviderDouble('ringcentral');
  if (channel) provider.push = channel;
  const report = (call: Call) => {
    provider.callList = provider.callList.map((c) => (c.id === call.id ? call : c));
    channel?.callUpdated(call);
  };
  const remove = (callId: string) => {
    const gone = provider.callList.find((c) => c.id === callId);
    provider.callList = provider.callList.filter((c) => c.id !== callId);
    channel?.callRemoved(callId);
    if (gone) {
      const entry: HistoryEntry = {
        type: 'received',
        callId,
        name: gone.remote.name,
        number: gone.remote.number,
        privacy: false,
        time: gone.createdAt,
      };
      provider.historyEntries = [entry, ...provider.historyEntries].slice(0, HISTORY_KEPT);
    }
  };
  const inState = (call: Call, state: Call['state'], mergeable: boolean): Call => ({
    ...call,
    state,
    actions: mergeable && (state === 'connected' || state === 'held') ? [...actionsFor(state), 'merge'] : actionsFor(state),
  });
  provider.behaviour = (command) => {
    const call = 'callId' in command ? provider.callList.find((c) => c.id === command.callId) : undefined;
    if (!call) return {};
    const mergeable = call.sessionId.startsWith('conference-');
    if (command.type === 'answer')
      report(inState({ ...call, answeredAt: new Date(Date.parse(call.createdAt) + 3_000).toISOString() }, 'connected', mergeable));
    else if (command.type === 'hold') report(inState(call, 'held', mergeable));
    else if (command.type === 'resume') report(inState(call, 'connected', mergeable));
    else if (command.type === 'hangup') remove(call.id);
    return {};
  };
  provider.conferenceBehaviour = (command) => {
    if (command.type === 'merge') {
      const ids = command.callIds ?? [];
      const conference: Conference = {
        id: `conf-${ids.join('+')}`,
        state: 'connected',
        muted: false,
        createdAt: new Date(0).toISOString(),
        participants: ids.map((callId) => ({ callId, muted: false, deafened: false, actions: ['mute', 'deafen'] })),
        actions: ['mute', 'hold', 'leaveConference', 'releaseConference'],
      };
      for (const id of ids) {
        const call = provider.callList.find((c) => c.id === id);
        if (call) report({ ...call, actions: actionsFor('connected') });
      }
      provider.conferences = [...provider.conferences, conference];
      channel?.send({ kind: 'conferencesChanged', conferences: provider.conferences });
    } else if (command.type === 'release') {
      const conference = provider.conferences.find((c) => c.id === command.conferenceId);
      provider.conferences = provider.conferences.filter((c) => c.id !== command.conferenceId);
      channel?.send({ kind: 'conferencesChanged', conferences: provider.conferences });
      for (const p of conference?.participants ?? []) remove(p.callId);
    }
  };
  return provider;
}

interface Harness {
  core: SwitchboardCore;
  provider: ProviderDouble;
  /** The push channel; none when the feed polls. */
  channel: FakePushChannel | undefined;
  timers: ManualTimers;
  /** The panel's bridge (calls, and the renderer state follows it) and the conference window's. */
  bridge: Bridge;
  conferenceBridge: Bridge;
  hub: PushHub;
  close(): void;
}

const INTERVALS = { fastMs: 1_000, normalMs: 2_000, idleMs: 2_000 };

async function startHarness(feed: SoakFeed): Promise<Harness> {
  const channel = feed === 'pushed' ? new FakePushChannel() : undefined;
  const provider = scriptedProvider(channel);
  const timers = new ManualTimers();
  const core = createSwitchboardCore({ provider, timers, intervals: INTERVALS, pendingTimeoutMs: 8_000, historyRefreshDelayMs: 2_000 });
  const settings = createMemorySettings(DEFAULT_SETTINGS);
  const handlers = testBridgeHandlers({
    backend: { core, simulateIncomingCall: async () => ok(null) },
    account: {
      state: () => ACCOUNT,
      signIn: async () => ok(null),
      cancelSignIn: () => ok(null),
      pasteToken: async () => ok(null),
      setClientSecret: async () => ok(null),
      signInWithCredentials: async () => ok(null),
      signOut: async () => ok(null),
    },
    settings,
    appState: () => ({ demo: false, provider: 'ringcentral', providers: [], version: '0.0.0', platform: 'linux', shortcutFailures: [] }),
  });
  const hub = new PushHub();
  const stopForwarding = forwardCoreEvents(core, (ch, payload) => hub.send(ch, payload));
  await core.start();
  channel?.connect();
  const bridge = bridgeOver(handlers, hub, 'panel');
  const conferenceBridge = bridgeOver(handlers, hub, 'conference');
  const disconnect = connect(bridge);
  await disconnect.ready;
  await timers.advance(0);
  return {
    core,
    provider,
    channel,
    timers,
    bridge,
    conferenceBridge,
    hub,
    close() {
      disconnect();
      stopForwarding();
      core.stop();
    },
  };
}

/** A ringing call appears: pushed at once, or on the next read of a polled feed. */
async function ring(h: Harness, call: Call): Promise<void> {
  h.provider.callList = [...h.provider.callList, call];
  if (h.channel) h.channel.callUpdated(call);
  else await h.timers.advance(INTERVALS.idleMs);
}

/** What a command changed reaches the core: pushed already, or on the fast read a pending command brings. */
async function confirmed(h: Harness): Promise<void> {
  if (!h.channel) await h.timers.advance(INTERVALS.fastMs);
}

/** One call: it rings, the user answers, holds, resumes and hangs up; history follows. */
async function callLifecycle(h: Harness, n: number): Promise<number> {
  const id = `call-${n}`;
  const call = makeCall({
    id,
    provider: 'ringcentral',
    state: 'alerting',
    actions: actionsFor('alerting'),
    remote: { name: `Caller ${n}`, number: `+1555${String(n % 10_000_000).padStart(7, '0')}`, privacy: false },
    createdAt: new Date(h.timers.now()).toISOString(),
  });
  await ring(h, call);
  let failed = 0;
  for (const type of ['answer', 'hold', 'resume', 'hangup'] as const) {
    if (!(await sendCommand(h.bridge, { type, callId: id })).ok) failed += 1;
    await confirmed(h);
  }
  // The history re-read after a call ends.
  await h.timers.advance(2_000);
  return failed;
}

/** Two calls answered, merged into a conference, then the conference released. */
async function conferenceLifecycle(h: Harness, n: number): Promise<number> {
  const ids = [`call-${n}-a`, `call-${n}-b`];
  let failed = 0;
  for (const id of ids) {
    const call = makeCall({
      id,
      provider: 'ringcentral',
      sessionId: `conference-${id}`,
      state: 'alerting',
      actions: actionsFor('alerting'),
    });
    await ring(h, call);
    if (!(await sendCommand(h.bridge, { type: 'answer', callId: id })).ok) failed += 1;
    await confirmed(h);
  }
  if (!(await sendConferenceCommand(h.conferenceBridge, { type: 'merge', callIds: ids })).ok) failed += 1;
  await confirmed(h);
  const conferenceId = h.core.conferences()[0]?.id ?? 'none';
  if (!(await sendConferenceCommand(h.conferenceBridge, { type: 'release', conferenceId })).ok) failed += 1;
  await confirmed(h);
  await h.timers.advance(2_000);
  return failed;
}

/** The test double's own records grow with every command: forgotten, so only the app's memory is measured. */
function forgetDoubleRecords(provider: ProviderDouble): void {
  provider.executed.length = 0;
  provider.executedConference.length = 0;
  provider.historyCalls.length = 0;
}

async function runLifecycles(
  h: Harness,
  from: number,
  count: number,
  conferenceEvery: number,
): Promise<{ failed: number; conferences: number }> {
  let failed = 0;
  let conferences = 0;
  for (let n = from; n < from + count; n += 1) {
    if (n % conferenceEvery === conferenceEvery - 1) {
      failed += await conferenceLifecycle(h, n);
      conferences += 1;
    } else {
      failed += await callLifecycle(h, n);
    }
    if (n % 100 === 0) forgetDoubleRecords(h.provider);
  }
  forgetDoubleRecords(h.provider);
  return { failed, conferences };
}

export async function runSoak({ lifecycles, feed = 'pushed', warmUp = 2_000, conferenceEvery = 20 }: SoakOptions): Promise<SoakFigures> {
  const h = await startHarness(feed);
  try {
    await runLifecycles(h, 0, warmUp, conferenceEvery);
    const heapBeforeBytes = await settledHeapBytes();
    const listenersBefore = liveListenerCount() + h.hub.count();
    const timersBefore = h.timers.pending().length;
    let unconfirmed = 0;
    const stopCounting = h.core.on('commandFailed', () => (unconfirmed += 1));
    const started = performance.now();
    const { failed, conferences } = await runLifecycles(h, warmUp, lifecycles, conferenceEvery);
    const elapsedMs = performance.now() - started;
    stopCounting();
    const heapAfterBytes = await settledHeapBytes();
    return {
      feed,
      lifecycles,
      conferences,
      heapBeforeBytes,
      heapAfterBytes,
      listenersBefore,
      listenersAfter: liveListenerCount() + h.hub.count(),
      timersBefore,
      timersAfter: h.timers.pending().length,
      failedCommands: failed,
      unconfirmedCommands: unconfirmed,
      callsShownAfter: shownCalls.value.length + callsInFlight.value.size,
      conferencesShownAfter: shownConferences.value.length,
      elapsedMs,
    };
  } finally {
    h.close();
  }
}
