/**
 * The simulator's OWN RingCentral wire shapes (docs/wire/ringcentral-and-bandwidth.md §A3, §A4) and its
 * public option/scenario types. Never imports the client's providers/ringcentral/wire.ts: the two sides
 * of the wire are written independently so a misreading on one side shows up as a failing test.
 */
import type { Timers } from '../../foundation/timers';

/** The app permissions the simulator checks (permissions.ts, §A5). */
export type SimPermission = 'CallControl' | 'ReadCallLog' | 'ReadAccounts' | 'ReadPresence' | 'WebSocketsSubscriptions';

export type SimStatusCode = 'Setup' | 'Proceeding' | 'Answered' | 'Disconnected' | 'Gone' | 'Parked' | 'Hold' | 'VoiceMail';
export type SimDirection = 'Inbound' | 'Outbound';
export type SimOriginType = 'Call' | 'CallOut' | 'Conference' | 'RingOut';

export interface SimEndpoint {
  phoneNumber?: string;
  name?: string;
  deviceId?: string;
  extensionId?: string;
  extensionNumber?: string;
}

export interface SimPartyStatus {
  code: SimStatusCode;
  reason?: string;
  description?: string;
  peerId?: { sessionId: string; telephonySessionId: string; partyId: string };
  rcc?: boolean;
}

export interface SimRecording {
  id: string;
  active: boolean;
}

export interface SimParty {
  id: string;
  direction: SimDirection;
  accountId?: string;
  extensionId?: string;
  from: SimEndpoint;
  to: SimEndpoint;
  status: SimPartyStatus;
  muted: boolean;
  standAlone: boolean;
  park: { id?: string };
  recordings: SimRecording[];
  queueCall?: boolean;
  conferenceRole?: 'Host' | 'Participant';
  missedCall?: boolean;
  /** Per-party event counter: the `sequence` of the party's next notification. */
  sequence: number;
}

export interface SimSession {
  id: string;
  /** The numeric "sessionId" events carry next to the telephony session id. */
  legacySessionId: string;
  origin: { type: SimOriginType };
  creationTime: string;
  voiceCallToken?: string;
  parties: SimParty[];
}

export interface SimDevice {
  id: string;
  type: 'HardPhone' | 'SoftPhone' | 'OtherPhone' | 'WebPhone' | 'WebRTC';
  name: string;
  status: 'Online' | 'Offline';
}

export interface SimMe {
  accountId: string;
  extensionId: string;
  extensionNumber: string;
  name: string;
  phoneNumber: string;
}

export type ErrorShape = 'modern' | 'legacy';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** One WebSocket frame as the simulator sent or received it: `[meta, body?]`. */
export type SimFrame = [Record<string, unknown>, unknown?];

export interface RateLimitSettings {
  Light: number;
  Medium: number;
  Heavy: number;
  Auth: number;
}

export interface RingCentralSimulatorOptions {
  /** The clock and timers of every delay and timeout (default: real timers). */
  timers?: Timers;
  me?: Partial<SimMe>;
  devices?: SimDevice[];
  /** A bearer token valid from the start (default "rc-sim-access-token"). */
  token?: string;
  errorShape?: ErrorShape;
  /** Requests per minute per group (default 50/40/10/5); a 429 starts a 60 s penalty. */
  rateLimits?: Partial<RateLimitSettings>;
  /** ConnectionDetails values in seconds (defaults 180 / 100 events / 1800 / 86400). */
  recoveryTimeoutSec?: number;
  recoveryBufferSize?: number;
  idleTimeoutSec?: number;
  absoluteTimeoutSec?: number;
  /** Lifetime of a ws token (single use; default 30 s). */
  wsTokenTtlSec?: number;
  /** Access token lifetime for tokens the OAuth endpoint issues (default 3600 s). */
  accessTokenTtlSec?: number;
  /** OAuth client id accepted at /restapi/oauth/* (default "rc-sim-client"). */
  clientId?: string;
  /** Other users of the account (for Listen): none by default. */
  colleagues?: SimColleague[];
  /** Keep every request in `requests` and every command in `journal` (default true); the demo turns it off so memory stays flat. */
  recordRequests?: boolean;
}

/** Another extension of the account, whose calls the user may listen to. */
export interface SimColleague {
  extensionId: string;
  extensionNumber: string;
  name: string;
}

export interface FaultMatch {
  method?: string;
  /** A substring of the path. */
  path?: string;
  /**
   * Which matching request the fault hits, counting from when it was planned (default 1, the first):
   * 2 lets the first through and hits the second, e.g. a merge's second bring-in.
   */
  nth?: number;
}

export interface RingCentralFaults {
  /** The next matching request gets 429; `retryAfterSec` null leaves out Retry-After. */
  rateLimit(match?: FaultMatch, retryAfterSec?: number | null): void;
  /** The next matching request gets this 5xx. */
  serverError(match?: FaultMatch, status?: number): void;
  /** The next matching request is answered only after `ms` of simulator time (it is still applied at once). */
  slow(match: FaultMatch, ms: number): void;
  /**
   * The next matching request gets no answer: its connection is cut, before the request is carried out
   * or (`afterApplying`) once it has been.
   */
  reset(match: FaultMatch, afterApplying: boolean): void;
  /** Every access token issued so far is expired (401 OAU-128). */
  expireTokens(): void;
  /** Drops every open WebSocket without a close handshake (recovery stays possible). */
  dropSockets(): void;
  /** The next recovery attempt gets recoveryState "Failed". */
  refuseNextRecovery(): void;
  /** The app lacks the WebSocketsSubscriptions permission: wstoken answers 403 CMN-401 until cleared. */
  denyWebSockets(denied?: boolean): void;
  /**
   * The app lacks `permission` (until called again with `revoked` false, or cleared): every request that
   * needs it — and, for CallControl, the telephony-sessions subscription — answers 403 CMN-401 with
   * `permissionName` (permissions.ts).
   */
  revokePermission(permission: SimPermission, revoked?: boolean): void;
  clear(): void;
}

export interface RingUserInit {
  from: { phoneNumber: string; name?: string; extensionId?: string };
  /** A call-queue call: `to` is the queue and the party carries queueCall. */
  queue?: { name: string; phoneNumber: string; extensionNumber?: string };
  /** Forwarded to the user by another extension: `to` is that extension. */
  forwardedBy?: { name: string; phoneNumber?: string; extensionId: string; extensionNumber?: string };
  /** Start in Setup (RC-to-RC) instead of Proceeding. */
  setup?: boolean;
}

/** A call of the user's that ended before now, for a call log that does not start empty (the demo's). */
export interface PastCallInit {
  direction: 'Inbound' | 'Outbound';
  /** Inbound: the user took it (else it was missed); outbound: the far end answered. */
  answered: boolean;
  /** The far end. */
  remote: { phoneNumber?: string; extensionNumber?: string; name?: string };
  /** When it started, in simulator time (ms since the epoch). */
  startedAt: number;
  /** How long it lasted, in seconds. */
  durationSec: number;
}

export interface RingCentralScenario {
  /** An inbound call rings the user; returns the telephony session id. */
  ringUser(init: RingUserInit): string;
  /** The far end of an outbound call answers. */
  remoteAnswers(sessionId: string): void;
  /** The far end hangs up (or cancels a ringing call). */
  remoteHangsUp(sessionId: string): void;
  /** The user answers on a desk phone, without the API. */
  answerOnDevice(sessionId: string): void;
  /** Nobody answered: the caller reaches the user's voicemail. */
  toVoicemail(sessionId: string): void;
  /** The far end puts the call on hold / takes it off hold. */
  remoteHolds(sessionId: string): void;
  remoteResumes(sessionId: string): void;
  /** The user's device picked up a call-out: the destination starts ringing (Setup → Proceeding). */
  proceeds(sessionId: string): void;
  /** A colleague (by extension number) is talking with `remote`: the session id (no events: not the user's). */
  colleagueInCall(extensionNumber: string, remote: { phoneNumber: string; name?: string }): string;
  /** A call that ended earlier: one call-log record, as RingCentral would have logged it (no session, no events). */
  pastCall(init: PastCallInit): void;
  reset(): void;
}

/** One state-changing REST request as the simulator received it (journal.ts). */
export interface JournalEntry {
  method: string;
  path: string;
  body: unknown;
  /** What the path names: `hold`, `unhold`, `answer`, `transfer`, `drop`, `bring-in`, `conference`, `call-out`, … */
  operation: string;
  /** The session in the path (for bring-in: the conference), and the party when the path names one. */
  sessionId?: string;
  partyId?: string;
  /** The status answered; undefined when the connection was cut instead (a reset fault). */
  status?: number;
  /** Whether the simulated telephony state carried it out (its route answered 2xx). */
  applied: boolean;
  /** Simulator time. */
  at: number;
}

export interface RingCentralSimulator {
  /** e.g. http://127.0.0.1:PORT (the `server` a client is configured with). */
  readonly baseUrl: string;
  readonly me: SimMe;
  readonly requests: readonly RecordedRequest[];
  /** Every state-changing REST request, in arrival order, with whether it was carried out. */
  readonly journal: readonly JournalEntry[];
  /** Frames the simulator sent on any WebSocket, in order. */
  readonly sentFrames: readonly SimFrame[];
  readonly faults: RingCentralFaults;
  readonly scenario: RingCentralScenario;
  session(id: string): SimSession | undefined;
  sessions(): SimSession[];
  setErrorShape(shape: ErrorShape): void;
  /** Number of open WebSockets. */
  openSockets(): number;
  /** Resolves on the next request matching `match` (already recorded ones do not count; `match.nth` is not read: always the next). */
  nextRequest(match: FaultMatch): Promise<RecordedRequest>;
  close(): Promise<void>;
}
