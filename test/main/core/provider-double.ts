// Test doubles for the core's tests: a Provider whose calls the test controls (and whose reads and
// commands it can hold, fail or count), a call factory, and timers the test advances by hand.
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../src/shared/contract';
import type { Account, AnswerEndpoint, Call, Conference, HistoryEntry, HistoryType, ProviderId } from '../../../src/shared/domain';
import type { CallSnapshot, Provider, PushChannel } from '../../../src/main/provider-api/provider';
import { ProviderError } from '../../../src/main/provider-api/provider-error';
import type { SwitchboardCoreOptions } from '../../../src/main/core/switchboard-core';
import { HandTimers } from '../../support/hand-timers';

export function makeCall(overrides: Partial<Call> & { id: string }): Call {
  return {
    provider: 'webex',
    sessionId: `session-${overrides.id}`,
    direction: 'incoming',
    state: 'connected',
    remote: { name: 'Ada Lovelace', number: '+15550100', privacy: false },
    createdAt: '2026-01-01T10:00:00.000Z',
    redirections: [],
    muted: false,
    muteCapable: true,
    actions: actionsFor(overrides.state ?? 'connected'),
    ...overrides,
  };
}

/** Roughly what a provider offers per state, enough for the dispatcher's checks. */
export function actionsFor(state: Call['state']): Call['actions'] {
  switch (state) {
    case 'alerting':
      return ['answer', 'decline', 'divert', 'toVoicemail'];
    case 'connecting':
      return ['hangup'];
    case 'connected':
      return ['hangup', 'hold', 'mute', 'transfer', 'muteTransfer', 'park', 'dtmf', 'startRecording', 'attendedTransfer'];
    case 'held':
      return ['hangup', 'resume', 'transfer', 'park', 'attendedTransfer'];
    case 'remoteHeld':
      return ['hangup', 'hold'];
    case 'unknown':
      return ['hangup'];
    case 'disconnected':
      return [];
  }
}

export const providerFailure = (
  code: ProviderError['code'],
  message: string,
  extra: { retryAfter?: number; trackingId?: string } = {},
): ProviderError =>
  new ProviderError({ code, message, retryable: ['TIMEOUT', 'NETWORK', 'UNAVAILABLE', 'RATE_LIMITED'].includes(code), ...extra });

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Resolves when the signal aborts (never without one). */
function abortOf(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    else signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** What the provider does with a command: resolve an outcome (maybe changing its calls) or throw. */
export type ExecuteBehaviour = (command: CallCommand, provider: ProviderDouble) => CommandOutcome | Promise<CommandOutcome>;
/** The same for a conference command (maybe changing its conferences). */
export type ConferenceBehaviour = (command: ConferenceCommand, provider: ProviderDouble) => void | Promise<void>;

export class ProviderDouble implements Provider {
  readonly id: ProviderId;
  /** Set (before the core is built) to make this a pushed provider; unset, it is polled. */
  push?: PushChannel;
  callList: Call[] = [];
  conferences: Conference[] = [];
  snapshotCount = 0;
  maxConcurrentSnapshots = 0;
  readonly executed: CallCommand[] = [];
  /** Errors the next snapshots throw, in order. */
  readonly snapshotFailures: unknown[] = [];
  /** When set, snapshots wait for it to open (to hold a read in flight). */
  snapshotGate: Gate | null = null;
  behaviour: ExecuteBehaviour = () => ({});
  readonly executedConference: ConferenceCommand[] = [];
  conferenceBehaviour: ConferenceBehaviour = () => undefined;
  historyEntries: HistoryEntry[] = [];
  historyCalls: (HistoryType | undefined)[] = [];
  accountValue: Account | Error = { provider: 'webex', displayName: 'Grace Hopper', email: 'grace@example.com' };
  endpoints: AnswerEndpoint[] | Error = [{ id: 'ep-1', name: 'Desk phone', type: 'DEVICE', preferred: true }];
  private concurrent = 0;

  constructor(id: ProviderId = 'webex') {
    this.id = id;
  }

  setCalls(...calls: Call[]): void {
    this.callList = calls;
  }

  holdSnapshots(): () => void {
    const g = gate();
    this.snapshotGate = g;
    return () => {
      if (this.snapshotGate === g) this.snapshotGate = null;
      g.open();
    };
  }

  /** What the provider asks the user to fix, carried on every snapshot while set. */
  advisory: string | undefined;
  /** The next snapshot says the account changed (then the flag clears). */
  accountChangedNext = false;

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    this.snapshotCount += 1;
    this.concurrent += 1;
    this.maxConcurrentSnapshots = Math.max(this.maxConcurrentSnapshots, this.concurrent);
    try {
      const g = this.snapshotGate;
      // A held read ends when it is aborted, as a real request does.
      if (g) await Promise.race([g.promise, abortOf(signal)]);
      if (signal?.aborted) throw new ProviderError({ code: 'NETWORK', message: 'The request was cancelled.' });
      const failure = this.snapshotFailures.shift();
      if (failure !== undefined) throw failure;
      const accountChanged = this.accountChangedNext;
      this.accountChangedNext = false;
      return {
        calls: structuredClone(this.callList),
        conferences: structuredClone(this.conferences),
        ...(this.advisory ? { advisory: this.advisory } : {}),
        ...(accountChanged ? { accountChanged } : {}),
      };
    } finally {
      this.concurrent -= 1;
    }
  }

  async execute(command: CallCommand): Promise<CommandOutcome> {
    this.executed.push(command);
    return this.behaviour(command, this);
  }

  async executeConference(command: ConferenceCommand): Promise<void> {
    this.executedConference.push(command);
    await this.conferenceBehaviour(command, this);
  }

  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    this.historyCalls.push(type);
    return structuredClone(type ? this.historyEntries.filter((e) => e.type === type) : this.historyEntries);
  }

  async account(): Promise<Account> {
    if (this.accountValue instanceof Error) throw this.accountValue;
    return this.accountValue;
  }

  async answerEndpoints(): Promise<AnswerEndpoint[]> {
    if (this.endpoints instanceof Error) throw this.endpoints;
    return this.endpoints;
  }
}

/** The pace the core's tests run it at: short polls, an 8 s wait for a command's effect, history re-read 2 s after a call. */
export const TEST_CORE_TIMING = {
  intervals: { fastMs: 1_000, normalMs: 2_000, idleMs: 2_000, maxBackoffMs: 60_000 },
  pendingTimeoutMs: 8_000,
  historyRefreshDelayMs: 2_000,
} satisfies Partial<SwitchboardCoreOptions>;

/**
 * The hand-driven timers (test/support/hand-timers.ts) the core tests use: `advance(ms)` lets promises
 * settle before each timer that falls due and after the last, since the core reacts to a timer in
 * promise chains.
 */
export class ManualTimers extends HandTimers {
  constructor() {
    super(1_700_000_000_000);
  }

  override advance(ms: number): Promise<void> {
    return this.advanceSettling(ms, settle);
  }
}

/** Lets every promise chain that is ready run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
