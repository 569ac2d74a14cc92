/**
 * What the simulated Webex puts on the wire and accepts from it: plain interfaces and string tables,
 * written from Webex's documented shapes (the call object, conference details, history record, person,
 * MeEndpoint, error body, telephony_calls events). It is the server's side of the wire and must never
 * import the client's schema (providers/webex): a test then catches a client that reads Webex wrongly.
 * Types and constants only.
 */

export const PERSONALITIES = ['originator', 'terminator', 'clickToDial'] as const;
export type WirePersonality = (typeof PERSONALITIES)[number];

export const CALL_STATES = ['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected'] as const;
export type WireCallState = (typeof CALL_STATES)[number];

export const CALL_TYPES = ['location', 'organization', 'external', 'emergency', 'repair', 'other'] as const;
export type WireCallType = (typeof CALL_TYPES)[number];

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
export type RedirectReasonWire = (typeof REDIRECT_REASONS)[number];

export const RECORDING_STATES = ['pending', 'started', 'paused', 'stopped', 'failed'] as const;
export type RecordingStateWire = (typeof RECORDING_STATES)[number];

export const HISTORY_TYPES = ['placed', 'missed', 'received'] as const;
export type WireHistoryType = (typeof HISTORY_TYPES)[number];

export const REJECT_ACTIONS = ['busy', 'temporarilyUnavailable', 'ignore'] as const;
export type RejectActionWire = (typeof REJECT_ACTIONS)[number];

/** The error code Webex gives for an unknown or ended call id (400, not 404). */
export const CALL_NOT_FOUND_CODE = 101002;

/** PartyInformation; privacy leaves only `privacyEnabled`. */
export interface WireParty {
  name?: string;
  number?: string;
  personId?: string;
  placeId?: string;
  privacyEnabled?: boolean;
  callType?: WireCallType;
}

export interface WireRedirection {
  reason: RedirectReasonWire;
  redirectingParty: WireParty;
}

/** The call object as GET /telephony/calls lists it (`id`; events say `callId`). */
export interface WireCall {
  id: string;
  callSessionId: string;
  personality: WirePersonality;
  state: WireCallState;
  remoteParty: WireParty;
  appearance?: number;
  created: string;
  answered?: string;
  disconnected?: string;
  redirections?: WireRedirection[];
  recall?: { type: 'park'; party: WireParty };
  recordingState?: RecordingStateWire;
  muteCapable?: boolean;
  muted?: boolean;
}

/** The event data: the call with `callId` instead of `id`, plus the event-only fields. */
export interface WireCallEventData extends Omit<WireCall, 'id'> {
  callId: string;
  eventType: string;
  eventTimestamp: string;
  completedElsewhere?: boolean;
  endpointId?: string;
  endpointType?: string;
}

/** A `telephony_calls` event as a webhook or Mercury delivers it; `actorId` is the line owner. */
export interface WireCallEvent {
  resource: 'telephony_calls';
  event: 'created' | 'updated' | 'deleted';
  actorId: string;
  data: WireCallEventData;
}

export interface WireConferenceParticipant {
  callId: string;
  muted: boolean;
  deafened: boolean;
}

/** Conference details; `{}` when there is no conference. */
export interface WireConference {
  state?: 'connected' | 'held' | 'disconnected';
  appearance?: number;
  created?: string;
  muted?: boolean;
  type?: 'bargeIn' | 'silentMonitoring' | 'coaching';
  participants?: WireConferenceParticipant[];
}

export interface WireConferenceEvent {
  resource: 'telephony_conference';
  event: 'created' | 'updated' | 'deleted';
  actorId: string;
  data: WireConference & { eventType: 'created' | 'updated' | 'disconnected'; eventTimestamp: string };
}

export interface WireHistoryRecord {
  type: WireHistoryType;
  name?: string;
  number?: string;
  privacyEnabled: boolean;
  time: string;
}

/** GET /people/me; `extension` only with callingData=true. */
export interface WirePerson {
  id: string;
  emails: string[];
  phoneNumbers: { type: string; value: string; primary?: boolean }[];
  extension?: string;
  locationId?: string;
  displayName: string;
  nickName?: string;
  firstName?: string;
  lastName?: string;
  orgId: string;
  created: string;
  status: string;
  type: string;
}

/** A secondary line on one of my endpoints (`GET /telephony/config/people/me/endpoints`). */
export interface WireSecondaryLine {
  id: string;
  memberType: 'PEOPLE' | 'PLACE' | 'VIRTUAL_LINE';
}

export interface WireMeEndpoint {
  id: string;
  type: string;
  name: string;
  autoAndForcedAnswerEnabled?: boolean;
  ownerId?: string;
  ownerType?: string;
  secondaryLines?: WireSecondaryLine[];
  isPreferredAnswerEndpoint?: boolean;
}

/** `{message, errors:[{description, errorCode}], trackingId}`. */
export interface WebexErrorBody {
  message: string;
  errors: { description: string; errorCode?: number }[];
  trackingId: string;
}
