/**
 * The one interface every backend implements (Webex, RingCentral, Bandwidth). The core talks only to
 * this; wire shapes never leave a provider's folder. Must not import electron or the shell.
 */
import type {
  AnswerEndpoint,
  Account,
  Call,
  CallTimelineEvent,
  Conference,
  HistoryEntry,
  HistoryType,
  ProviderId,
  Recording,
} from '../../shared/domain';
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../shared/contract';

export interface CallSnapshot {
  calls: Call[];
  /** Every conference in progress, each with its own id (none, one, or several at once). */
  conferences: Conference[];
  /**
   * Something the user must fix outside the app for calls to work as they should (e.g. Bandwidth's
   * auto-answer), in words with the fix: the status line says it while snapshots carry it.
   */
  advisory?: string;
  /**
   * The provider has learnt that the account changed since account() last answered (Webex: a line was
   * added to or removed from my devices): the core reads the account again, so the windows show it.
   */
  accountChanged?: boolean;
}

/**
 * One change a push channel reports as it happens. A call update carries the call as it is now (new or
 * changed, never a partial patch); a removal names a call that has ended or left the user; a
 * conference change carries the conference part of a snapshot as it is now (whatever CallSnapshot
 * holds besides `calls`).
 */
export type PushUpdate =
  | { kind: 'callUpdated'; call: Call }
  | { kind: 'callRemoved'; callId: string }
  | ({ kind: 'conferencesChanged' } & Omit<CallSnapshot, 'calls'>);

/** Where a push channel reports to. Calls after the handle was closed are ignored. */
export interface PushSink {
  /** A change, in the order the provider reported it. */
  update(update: PushUpdate): void;
  /** The channel is up: updates flow from now on (the core then reads everything once, for what came before). */
  connected(): void;
  /** The channel dropped and came back by itself: updates may have been missed, so the core reads everything once. */
  reconnected(): void;
  /**
   * Push is down and the channel gives up (a ProviderError says why; AUTH means the token was refused).
   * The core closes the handle, polls meanwhile and opens a new channel later with backoff.
   */
  failed(error: unknown): void;
}

export interface PushHandle {
  /** Stops the channel for good; it must not call the sink afterwards. */
  close(): void;
}

/** A provider's live event source (e.g. a WebSocket subscription). Opening never throws: it reports through the sink. */
export interface PushChannel {
  open(sink: PushSink): PushHandle;
}

export interface Provider {
  readonly id: ProviderId;
  /** Live updates, where the provider offers them to a desktop client; without it the core polls snapshot(). */
  readonly push?: PushChannel;
  /** A full read of the user's active calls (and conferences, where the provider has them). */
  snapshot(signal?: AbortSignal): Promise<CallSnapshot>;
  /** Sends one command, already validated against the contract. Throws a ProviderError on refusal. */
  execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome>;
  /**
   * Sends one conference command, already validated against the contract (a merge names its calls or
   * leaves the choice to the provider; every other command names a conference by its id). Throws a
   * ProviderError on refusal, NOT_FOUND for a conference id it does not know, before sending anything.
   */
  executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void>;
  history(type?: HistoryType): Promise<HistoryEntry[]>;
  account(): Promise<Account>;
  answerEndpoints(): Promise<AnswerEndpoint[]>;
  /** A call's recordings with their transcriptions, where the provider keeps them ('recordings' capability). */
  recordings?(callId: string): Promise<Recording[]>;
  /** Asks for a transcription of a recording; its text arrives on a later `recordings` read. */
  requestTranscription?(recordingId: string): Promise<void>;
  /** A call's events as the provider recorded them ('timeline' capability). */
  timeline?(callId: string): Promise<CallTimelineEvent[]>;
}
