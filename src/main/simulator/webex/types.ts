/**
 * The public shape of the Webex Calling simulator: options, scenario driver, fault injection and the
 * handle returned by startWebexSimulator(). Other modules (client tests, the demo account, the browser
 * preview) code against these types only. Types only: no behaviour here.
 */
import type { AppliedCommandBase } from '../kit/applied-command';
import type { WebexOAuthControls, WebexOAuthOptions } from '../webex-oauth/index';
import type {
  RedirectReasonWire,
  WireCall,
  WireCallEvent,
  WireCallType,
  WireConference,
  WireConferenceEvent,
  WireHistoryRecord,
  WireParty,
} from './wire';

export type { RecordingStateWire, RedirectReasonWire, RejectActionWire } from './wire';

export type SimCallType = WireCallType;

/** A party as the scenario describes it; privacy hides everything but `privacyEnabled` on the wire. */
export interface SimParty {
  name?: string;
  number?: string;
  personId?: string;
  placeId?: string;
  privacyEnabled?: boolean;
  callType?: SimCallType;
}

export type RecordingMode = 'always' | 'alwaysWithPause' | 'onDemand' | 'never';
export type DestinationBehaviour = 'answer' | 'noAnswer';

export interface SimMe {
  id?: string;
  displayName?: string;
  email?: string;
  number?: string;
  extension?: string;
}

/** A secondary line on the user's desk phone (Webex names it only by id and kind); the id is made up when left out. */
export interface SimLineInit {
  id?: string;
  /** Default VIRTUAL_LINE. */
  memberType?: 'VIRTUAL_LINE' | 'PEOPLE' | 'PLACE';
}

export interface WebexSimulatorOptions {
  /** Bearer token accepted from the start (default 'sim-access-token'). */
  token?: string;
  me?: SimMe;
  /** Secondary lines on the user's desk phone (default none): GET /telephony/calls?lineOwnerId= lists each one's calls. */
  secondaryLines?: SimLineInit[];
  /** Default 'onDemand'. */
  recordingMode?: RecordingMode;
  /** A parked call recalls the parker after this long (default 45000). */
  parkRecallMs?: number;
  /** An outgoing call's far end answers this long after it starts connecting (default 1500; null = only on scenario.remoteAnswers). */
  farEndAnswerMs?: number | null;
  /** Default 0 (any free port). */
  port?: number;
  /** Keep every API request in `requests` and every applied command in `journal` (default true); a long-running demo turns it off so memory stays flat. */
  recordRequests?: boolean;
  /** Also serve Webex OAuth (/v1/authorize, /v1/access_token) for sign-in tests; issued tokens open the API. */
  oauth?: WebexOAuthOptions;
}

export interface RecordedRequest {
  method: string;
  /** The API path after /v1, e.g. '/telephony/calls/hold'. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The status answered; 0 while unanswered or when the connection was dropped or hung. */
  status: number;
}

/** A state-changing request the simulator carried out (simulator/kit/applied-command.ts). */
export interface AppliedCommand extends AppliedCommandBase {
  /** The answer's body, e.g. the new callId of a dial. */
  answer: unknown;
}

export interface RingUserInit {
  from: SimParty;
  /** The secondary line (lineOwnerId) that rings; my own line when left out. */
  line?: string;
  /** Most recent first, as Webex lists them. */
  redirections?: { reason: RedirectReasonWire; by: SimParty }[];
  recall?: { party: SimParty };
  /** The executive this (assistant's) call is associated with: makes push possible. */
  executive?: SimParty;
}

/** What one party of the simulated audio experiences. */
export interface SimMedia {
  sends: boolean;
  receives: boolean;
}

export interface WebexScenario {
  /** An incoming call rings the user: terminator, alerting, muteCapable false. Returns the callId. */
  ringUser(init: RingUserInit): string;
  /** An outgoing (originator, connecting) call is answered by the far end; also completes a pending mute transfer leg. */
  remoteAnswers(callId: string): void;
  /** connected → remoteHeld */
  remoteHolds(callId: string): void;
  /** remoteHeld → connected */
  remoteResumes(callId: string): void;
  /** The call ends (missed when an incoming call was never answered). Also ends a colleague's call. */
  remoteHangsUp(callId: string): void;
  /** An alerting call is taken elsewhere (e.g. by another queue agent): disconnected, completedElsewhere true. */
  answeredElsewhere(callId: string): void;
  /** The user picks up on their desk phone: same effect as POST answer. */
  answerOnDevice(callId: string): void;
  /** A call ringing a colleague (a target for pickup). Returns the colleague call's id. */
  ringColleague(init: { colleague: SimParty; from: SimParty }): string;
  /** A colleague's answered call (a target for barge-in). Returns the colleague call's id. */
  colleagueInCall(init: { colleague: SimParty; remote: SimParty }): string;
  /** How a dialled or mute-transfer destination behaves (default answer). */
  setDestinationBehaviour(number: string, behaviour: DestinationBehaviour): void;
  setRecordingMode(mode: RecordingMode): void;
  setMuteCapable(callId: string, capable: boolean): void;
  parked(): { parkedAgainst: SimParty; remote: SimParty }[];
  /** Every caller waiting in park gives up and hangs up (no recall follows). */
  parkedCallersHangUp(): void;
  /** An administrator puts a secondary line on the desk phone (listed by GET …/people/me/endpoints from now on). Returns its id. */
  addLine(init: SimLineInit): string;
  /** An administrator takes a secondary line back: its calls end for me (not missed), and requests naming it are refused. */
  removeLine(lineOwnerId: string): void;
  /**
   * What the remote party of one of my calls experiences: `sends` (their voice reaches someone) and
   * `receives` (they hear someone). A muted conference participant sends nothing, a deafened one
   * receives nothing. Throws for an unknown call.
   */
  mediaOf(callId: string): SimMedia;
  /** The same for me: in the conference (nothing while it is held) or on my connected call. */
  hostMedia(): SimMedia;
  /** No calls, no parked calls, no colleague calls, no history, no DTMF log, no faults. */
  reset(): void;
}

/** Matches the API path after /v1, e.g. '/telephony/calls/hold'. Without a path or method, any request matches. */
export interface FaultMatch {
  path?: string | RegExp;
  method?: string;
}

export interface WebexFaults {
  /** Every API answer delayed by ms (0 = off). */
  latency(ms: number): void;
  /** Answer with that status and a Webex error body, WITHOUT applying the command. */
  failNext(init: FaultMatch & { count?: number; status: number; retryAfterSeconds?: number }): void;
  /** Destroy the socket without answering; with afterApplying the command is applied first. */
  dropNext(init: FaultMatch & { count?: number; afterApplying?: boolean }): void;
  /** Never answer (the socket stays open until close()); with afterApplying the command is applied first. */
  hangNext(init: FaultMatch & { count?: number; afterApplying?: boolean }): void;
  /** Every currently valid token now gets 401. */
  expireToken(): void;
  /** No pending faults, no latency, expired tokens valid again. */
  clear(): void;
}

export interface WebexSimulator {
  /** e.g. http://127.0.0.1:PORT/v1 */
  readonly baseUrl: string;
  /** The bearer token accepted from the start (options.token or 'sim-access-token'). */
  readonly token: string;
  /** Every API request (not /_sim), in arrival order, with the status answered; stays empty with recordRequests false. */
  readonly requests: RecordedRequest[];
  /** Every command applied, in order; stays empty with recordRequests false. */
  readonly journal: readonly AppliedCommand[];
  readonly scenario: WebexScenario;
  readonly faults: WebexFaults;
  /** Every call on every line (GET /telephony/calls answers my own line's; ?lineOwnerId= a secondary line's). */
  listCalls(): WireCall[];
  history(): WireHistoryRecord[];
  dtmfLog(): { callId: string; dtmf: string }[];
  /** Listeners are called synchronously after each change, once the state is consistent. Returns unsubscribe. */
  onEvent(listener: (event: WireCallEvent) => void): () => void;
  /** Exactly what GET /telephony/conference would answer now (`{}` when there is no conference). */
  conference(): WireConference;
  /** telephony_conference events, called synchronously after each conference change. Returns unsubscribe. */
  onConferenceEvent(listener: (event: WireConferenceEvent) => void): () => void;
  /** A further valid bearer token (OAuth issues tokens later). */
  acceptToken(token: string): void;
  /** That token now gets 401. */
  revokeToken(token: string): void;
  /** The OAuth controls when started with `oauth` (consent, expiry, counters). */
  readonly oauth?: WebexOAuthControls;
  /** Closes the server, clears every timer and destroys open sockets. */
  close(): Promise<void>;
}

/** What GET /_sim/state answers. */
export interface SimStateSnapshot {
  calls: WireCall[];
  history: WireHistoryRecord[];
  dtmf: { callId: string; dtmf: string }[];
  parked: { parkedAgainst: WireParty; remote: WireParty }[];
  colleagueCalls: { id: string; colleague: WireParty; remote: WireParty; state: 'alerting' | 'connected' }[];
  /** As GET /telephony/conference answers it. */
  conference: WireConference;
  /** What each of my calls' remote parties experiences, and what I do. */
  media: { host: SimMedia; calls: ({ callId: string } & SimMedia)[] };
}
