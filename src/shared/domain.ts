/**
 * The one call model shared by main, preload and renderer, across every provider.
 * Pure types and constant tables only: no Node, no DOM, no electron, no provider wire shapes.
 */

/** Every provider the app runs (each has an entry in src/main/runtime/provider-registry.ts). The demo is a mode, not a provider. */
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
  // RingCentral: answer a ringing call with a text message, let a queue call go to the next agent, move
  // an answered call to another of my phones (call flip), listen to a colleague's call (supervise).
  'reply',
  'ignore',
  'flip',
  'listen',
  // Bandwidth: speak a sentence or play a file into a call (or a conference / one member), stop it,
  // collect digits the caller presses, remove a member from a conference.
  'speak',
  'playAudio',
  'stopAudio',
  'gather',
  'removeParticipant',
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
  /** Digits being collected from the caller, or the last ones collected (Bandwidth). */
  gather?: Gather;
  /** Audio (speech or a file) is playing into the call: Stop playback applies. */
  playing?: boolean;
}

export const CONFERENCE_STATES = ['connected', 'held', 'disconnected'] as const;
export type ConferenceState = (typeof CONFERENCE_STATES)[number];

export const CONFERENCE_TYPES = ['bargeIn', 'silentMonitoring', 'coaching', 'bridge'] as const;
/**
 * A non-standard conference (after a barge-in, monitoring or coaching), or a bridge of two calls
 * (Bandwidth: `hold`/`resume` set its audio off and on); a merged one has no type.
 */
export type ConferenceType = (typeof CONFERENCE_TYPES)[number];

export interface ConferenceParticipant {
  /** The id of my call with this participant. */
  callId: string;
  /** Their voice does not reach the conference. */
  muted: boolean;
  /** They hear nothing of the conference. */
  deafened: boolean;
  /** On hold in the conference: they neither hear nor are heard (Bandwidth members). */
  held?: boolean;
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
  /** The provider's id of the call, where it keeps the call's recordings and events to show later. */
  callId?: string;
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

/** Digits collected from the caller (Bandwidth gather): under way, or ended with what was pressed. */
export interface Gather {
  id: string;
  state: 'collecting' | 'completed';
  digits?: string;
}

export const RECORDING_FILE_STATES = ['recording', 'complete', 'error'] as const;
export const TRANSCRIPTION_STATES = ['pending', 'completed', 'error'] as const;

/** A recording of a call, with its transcription when one was asked for. */
export interface Recording {
  id: string;
  callId: string;
  state: (typeof RECORDING_FILE_STATES)[number];
  startedAt?: string;
  endedAt?: string;
  /** Where the audio can be fetched (the provider's URL: it needs the account's credentials). */
  mediaUrl?: string;
  transcription?: { id: string; state: (typeof TRANSCRIPTION_STATES)[number]; text?: string };
}

/** One event in a call's life as the provider recorded it (Bandwidth call events). */
export interface CallTimelineEvent {
  time: string;
  name: string;
  detail?: string;
}
