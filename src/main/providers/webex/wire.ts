/**
 * Webex Calling wire shapes, defined once (docs/wire/webex-calling.md §2–§4).
 * The client parses every response with these schemas; the simulator produces them. Nothing outside
 * providers/webex and simulator/webex may import this file: the rest of the app sees only domain types.
 */
import { z } from 'zod';

export const personalitySchema = z.enum(['originator', 'terminator', 'clickToDial']);
export const callStateSchema = z.enum(['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected']);
export const callTypeSchema = z.enum(['location', 'organization', 'external', 'emergency', 'repair', 'other']);
export const redirectReasonSchema = z.enum([
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
]);
export const recordingStateSchema = z.enum(['pending', 'started', 'paused', 'stopped', 'failed']);
export const historyTypeSchema = z.enum(['placed', 'missed', 'received']);
export const rejectActionSchema = z.enum(['busy', 'temporarilyUnavailable', 'ignore']);

export const wirePartySchema = z.looseObject({
  name: z.string().optional(),
  number: z.string().optional(),
  personId: z.string().optional(),
  placeId: z.string().optional(),
  privacyEnabled: z.boolean().optional(),
  // Webex may add call types; an unknown one must not make the whole call unreadable.
  callType: z.string().optional(),
});
export type WireParty = z.infer<typeof wirePartySchema>;

export const wireRedirectionSchema = z.looseObject({
  reason: z.string().optional(),
  redirectingParty: wirePartySchema.optional(),
});

export const wireRecallSchema = z.looseObject({
  type: z.string(),
  party: wirePartySchema.optional(),
});

/**
 * A call as REST returns it (`id`) or as events carry it (`callId`): accept both. Webex's OpenAPI marks
 * every call field optional, so only an id is required; values Webex may add later (state, personality,
 * recording state) are kept as strings for mapping.ts to read as unknown, and a field of the wrong type
 * is dropped rather than losing the call.
 */
export const wireCallSchema = z
  .looseObject({
    id: z.string().optional(),
    callId: z.string().optional(),
    callSessionId: z.string().optional().catch(undefined),
    personality: z.string().optional().catch(undefined),
    state: z.string().optional().catch(undefined),
    remoteParty: wirePartySchema.optional().catch(undefined),
    appearance: z.number().int().optional().catch(undefined),
    created: z.string().optional().catch(undefined),
    answered: z.string().optional().catch(undefined),
    disconnected: z.string().optional().catch(undefined),
    redirections: z.array(wireRedirectionSchema).optional().catch(undefined),
    recall: wireRecallSchema.optional().catch(undefined),
    recordingState: z.string().optional().catch(undefined),
    muteCapable: z.boolean().optional().catch(undefined),
    muted: z.boolean().optional().catch(undefined),
  })
  .refine((c) => Boolean(c.id ?? c.callId), { message: 'call has neither id nor callId', path: ['id'] });
export type WireCall = z.infer<typeof wireCallSchema>;

/** A list envelope whose items are read one by one (list-items.ts), so one odd item cannot hide the rest. */
export const itemsEnvelopeSchema = z.looseObject({ items: z.array(z.unknown()) });
/** Kept for reading a list whose every item is expected to be a call (tests); the client reads items one by one. */
export const callListSchema = z.looseObject({ items: z.array(wireCallSchema) });

export const callInfoSchema = z.looseObject({ callId: z.string(), callSessionId: z.string().optional() });
export type WireCallInfo = z.infer<typeof callInfoSchema>;

export const parkResponseSchema = z.looseObject({ parkedAgainst: wirePartySchema });

export const historyRecordSchema = z.looseObject({
  type: historyTypeSchema,
  name: z.string().optional(),
  number: z.string().optional(),
  privacyEnabled: z.boolean().optional(),
  time: z.string(),
});
export type WireHistoryRecord = z.infer<typeof historyRecordSchema>;
export const historyListSchema = z.looseObject({ items: z.array(historyRecordSchema) });

export const phoneNumberSchema = z.looseObject({ type: z.string().optional(), value: z.string(), primary: z.boolean().optional() });

const personFields = {
  id: z.string(),
  displayName: z.string().optional(),
  emails: z.array(z.string()).optional(),
  extension: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
};
/** GET /people/me; its phone numbers are read one by one (list-items.ts): one without a value is skipped, not the person. */
export const personSchema = z.looseObject({ ...personFields, phoneNumbers: z.array(z.unknown()).optional() });
/** The person with only the phone numbers that could be read. */
export const readPersonSchema = z.looseObject({ ...personFields, phoneNumbers: z.array(phoneNumberSchema).optional() });
export type WirePerson = z.infer<typeof readPersonSchema>;

export const meEndpointSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  name: z.string().optional(),
  isPreferredAnswerEndpoint: z.boolean().optional(),
  autoAndForcedAnswerEnabled: z.boolean().optional(),
});
export type WireMeEndpoint = z.infer<typeof meEndpointSchema>;

/** A secondary line on one of my endpoints: a colleague's (PEOPLE), a workspace's (PLACE) or a virtual line. */
export const secondaryLineSchema = z.looseObject({ id: z.string(), memberType: z.string().optional() });
export type WireSecondaryLine = z.infer<typeof secondaryLineSchema>;
/** An entry of GET /telephony/config/people/me/endpoints: only its secondary lines matter here. */
export const myEndpointSchema = z.looseObject({
  id: z.string(),
  // Read one by one: a line without an id is skipped, not the endpoint.
  secondaryLines: z.array(z.unknown()).optional().catch(undefined),
});
export const availableEndpointsSchema = z.looseObject({ endpoints: z.array(meEndpointSchema) });
/** An endpoints envelope whose items are read one by one. */
export const endpointsEnvelopeSchema = z.looseObject({ endpoints: z.array(z.unknown()) });

export const conferenceParticipantSchema = z.looseObject({
  callId: z.string(),
  muted: z.boolean().optional(),
  deafened: z.boolean().optional(),
});
/** Conference details; Webex answers `{}` when there is no conference. */
const conferenceFields = {
  state: z.enum(['connected', 'held', 'disconnected']).optional(),
  appearance: z.number().int().optional(),
  created: z.string().optional(),
  muted: z.boolean().optional(),
  type: z.string().optional(),
};
/** Its participants are read one by one (list-items.ts): one without a callId is skipped, not the conference. */
export const conferenceDetailsSchema = z.looseObject({ ...conferenceFields, participants: z.array(z.unknown()).optional() });
/** The conference with only the participants that could be read. */
export const readConferenceSchema = z.looseObject({ ...conferenceFields, participants: z.array(conferenceParticipantSchema).optional() });
export type WireConference = z.infer<typeof readConferenceSchema>;

/** Webex error body: `{message, errors:[{description, errorCode}], trackingId}`. */
export const webexErrorSchema = z.looseObject({
  message: z.string().optional(),
  errorCode: z.number().optional(),
  errors: z.array(z.looseObject({ description: z.string().optional(), errorCode: z.number().optional() })).optional(),
  trackingId: z.string().optional(),
});
export type WebexErrorBody = z.infer<typeof webexErrorSchema>;

/** The error code Webex gives for an unknown or ended call id (400, not 404). */
export const CALL_NOT_FOUND_CODE = 101002;

/** A `telephony_calls` event as a webhook or Mercury would deliver it. */
export interface WireCallEvent {
  resource: 'telephony_calls';
  event: 'created' | 'updated' | 'deleted';
  actorId: string;
  data: Omit<WireCall, 'id'> & { callId: string; eventType: string; eventTimestamp: string; completedElsewhere?: boolean };
}

/**
 * A `telephony_conference` event (docs/wire/webex-calling.md §5: the resource exists; `created` and `disconnected` were
 * seen, the rest is [inferred]): the conference details plus the event fields.
 */
export interface WireConferenceEvent {
  resource: 'telephony_conference';
  event: 'created' | 'updated' | 'deleted';
  actorId: string;
  data: WireConference & { eventType: 'created' | 'updated' | 'disconnected'; eventTimestamp: string };
}

/** Request bodies (commands), camelCase as on the wire. */
export interface DialBody {
  destination: string;
  endpointId?: string;
  lineOwnerId?: string;
}
export interface AnswerBody {
  callId: string;
  endpointId?: string;
  lineOwnerId?: string;
}
export interface RejectBody {
  callId: string;
  action?: z.infer<typeof rejectActionSchema>;
  lineOwnerId?: string;
}
export interface CallIdBody {
  callId: string;
  lineOwnerId?: string;
}
export interface DivertBody {
  callId: string;
  destination?: string;
  toVoicemail?: boolean;
  lineOwnerId?: string;
}
export interface TransferBody {
  callId1?: string;
  callId2?: string;
  destination?: string;
  lineOwnerId?: string;
}
export interface ParkBody {
  callId: string;
  destination?: string;
  isGroupPark?: boolean;
  lineOwnerId?: string;
}
export interface RetrieveBody {
  destination?: string;
  endpointId?: string;
  lineOwnerId?: string;
}
export interface PickupBody {
  target?: string;
  endpointId?: string;
  lineOwnerId?: string;
}
export interface BargeInBody {
  target: string;
  endpointId?: string;
  lineOwnerId?: string;
}
export interface DtmfBody {
  callId: string;
  dtmf: string;
  lineOwnerId?: string;
}
/** Conference start and add participant take lineOwnerId in the body; mute/deafen take only the call. */
export interface StartConferenceBody {
  callIds: string[];
  lineOwnerId?: string;
}
export interface ConferenceParticipantBody {
  callId: string;
  lineOwnerId?: string;
}

/** Transfer: attended answers 204 (no body); mute transfer 201 `{callId, callSessionId}`, body unconfirmed, so both are optional. */
export const transferResponseSchema = z.looseObject({ callId: z.string().optional(), callSessionId: z.string().optional() });

/** The user's preferred answer endpoint: a MeEndpoint, or an empty body (read as `{}`) when none is set. */
export const preferredAnswerEndpointSchema = z.union([meEndpointSchema, z.strictObject({})]);
