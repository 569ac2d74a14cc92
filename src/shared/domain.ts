/**
 * The one call model shared by main, preload and renderer, across every provider.
 * Pure types and constant tables only: no Node, no DOM, no electron, no provider wire shapes.
 */

/** Every provider the app knows of; src/main/runtime/provider-registry.ts says which are implemented. The demo is a mode, not a provider. */
export const PROVIDER_IDS = ['webex', 'ringcentral', 'bandwidth'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** `unknown`: the provider named a direction this app does not know (a value added after this release). */
export const CALL_DIRECTIONS = ['incoming', 'outgoing', 'clickToDial', 'unknown'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** `unknown`: the provider named a state this app does not know; the call is shown with only safe actions (hang up). */
export const CALL_STATES = ['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected', 'unknown'] as const;
export type CallState = (typeof CALL_STATES)[number];

export const CALL_TYPES = ['location', 'organization', 'external', 'emergency', 'repair', 'other'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const REDIRECT_REASONS = [
  'busy',
  'noAnswer',
  'unavailable',
  'unconditional',
  'timeOfDay',
  'divert',
  'followMe',
  'huntGroup',
  'callQueue',
  'unknown',
] as const;
export type RedirectReason = (typeof REDIRECT_REASONS)[number];

export const RECORDING_STATES = ['pending', 'started', 'paused', 'stopped', 'failed'] as const;
export type RecordingState = (typeof RECORDING_STATES)[number];

export const HISTORY_TYPES = ['placed', 'missed', 'received'] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

export const REJECT_REASONS = ['busy', 'temporarilyUnavailable', 'ignore'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Every action a provider can offer, each with its command (src/shared/contract.ts); a call lists the
 * subset it allows right now. A new provider adds its actions here together with their commands.
 */
export const ACTIONS = [
  'answer',
  'decline',
  'divert',
  'toVoicemail',
  'hangup',
  'hold',
  'resume',
  'mute',
  'unmute',
  'transfer',
  'attendedTransfer',
  'muteTransfer',
  'park',
  'retrieve',
  'pickup',
  'bargeIn',
  'push',
  'dtmf',
  'startRecording',
  'stopRecording',
  'pauseRecording',
  'resumeRecording',
  // Conference controls: merge my calls, add one, deafen a participant, release all or leave the others connected.
  'merge',
  'addToConference',
  'deafen',
  'undeafen',
  'releaseConference',
  'leaveConference',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Party {
  name?: string;
  number?: string;
  personId?: string;
  placeId?: string;
  privacy: boolean;
  callType?: CallType;
}

export interface Redirection {
  reason: RedirectReason;
  by: Party;
}

export interface Recall {
  type: 'park';
  party: Party;
}

export interface Call {
  id: string;
  provider: ProviderId;
  sessionId: string;
  direction: CallDirection;
  state: CallState;
  remote: Party;
  /** The line (owner id) the call is on when it is not the user's primary line. */
  line?: string;
  appearance?: number;
  createdAt: string;
  answeredAt?: string;
  endedAt?: string;
  /** Most recent first; providers report these only while the call is alerting. */
  redirections: Redirection[];
  recall?: Recall;
  recording?: RecordingState;
  muted: boolean;
  muteCapable: boolean;
  /** What can be done with this call now: the UI shows exactly these. */
  actions: Action[];
  /** A command sent and not yet confirmed by the provider. */
  pending?: Action;
}

export const CONFERENCE_STATES = ['connected', 'held', 'disconnected'] as const;
export type ConferenceState = (typeof CONFERENCE_STATES)[number];

export const CONFERENCE_TYPES = ['bargeIn', 'silentMonitoring', 'coaching'] as const;
/** A non-standard conference (after a barge-in, monitoring or coaching); a merged one has no type. */
export type ConferenceType = (typeof CONFERENCE_TYPES)[number];

export interface ConferenceParticipant {
  /** The id of my call with this participant. */
  callId: string;
  /** Their voice does not reach the conference. */
  muted: boolean;
  /** They hear nothing of the conference. */
  deafened: boolean;
  /** Who it is, from my call with them (absent when that call is not in my call list). */
  party?: Party;
  /** What can be done to this participant now (mute/unmute, deafen/undeafen). */
  actions: Action[];
  /** A participant command sent and not yet confirmed. */
  pending?: Action;
}

export interface Conference {
  /**
   * Stable for the life of the conference and unique among the conferences shown at once; every
   * conference command but merge names it. How a provider forms it is its own business.
   */
  id: string;
  state: ConferenceState;
  /** The host (me) is muted. */
  muted: boolean;
  createdAt: string;
  appearance?: number;
  type?: ConferenceType;
  participants: ConferenceParticipant[];
  /** What can be done to the conference as a whole now: host mute/unmute, hold/resume, add, release, leave. */
  actions: Action[];
  /** A conference command sent and not yet confirmed. */
  pending?: Action;
}

export interface HistoryEntry {
  type: HistoryType;
  name?: string;
  number?: string;
  privacy: boolean;
  time: string;
}

/** Where a parked call waits; `number` is what Retrieve takes. */
export interface ParkedAt extends Party {}

export interface AnswerEndpoint {
  id: string;
  name: string;
  type: string;
  preferred: boolean;
}

/** One line the user can place and take calls on: their own (primary) or a secondary line on their devices. */
export interface Line {
  /** What commands name as `line` (Webex lineOwnerId); '' for the primary line. */
  id: string;
  label: string;
  number?: string;
  extension?: string;
  primary: boolean;
}

export interface Account {
  provider: ProviderId;
  personId?: string;
  displayName: string;
  email?: string;
  primaryNumber?: string;
  extension?: string;
  /** Every line, the primary first; absent when the provider has only the one. */
  lines?: Line[];
}

/** How fresh the call list is: shown in the tray and the panel. */
export const EVENT_HEALTH = ['live', 'polling', 'degraded', 'offline', 'signedOut'] as const;
export type EventHealth = (typeof EVENT_HEALTH)[number];

export interface Status {
  health: EventHealth;
  provider: ProviderId;
  /** True when the provider is its built-in simulator (the UI says "demo"). */
  demo: boolean;
  account?: Account;
  /** Human-readable reason for degraded/offline/signedOut. */
  detail?: string;
  /** ISO time of the last successful read of the call list. */
  lastSyncAt?: string;
}
