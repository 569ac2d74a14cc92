/**
 * The Webex Calling Call Controls and Conference Controls REST API, one method per operation
 * (docs/wire/webex-calling.md §2, §3).
 * Every answer is parsed with a wire.ts schema, lists item by item (list-items.ts); wire shapes go out,
 * domain mapping happens elsewhere.
 * Nothing here retries or second-guesses the HTTP policy, and nothing here validates user input.
 */
import type { z } from 'zod';
import type { HttpClient } from '../../provider-api/http-client';
import {
  type AnswerBody,
  type BargeInBody,
  type CallIdBody,
  type ConferenceParticipantBody,
  type DialBody,
  type DivertBody,
  type DtmfBody,
  type ParkBody,
  type PickupBody,
  type RejectBody,
  type RetrieveBody,
  type StartConferenceBody,
  type TransferBody,
  type WireCall,
  type WireCallInfo,
  type WireConference,
  type WireHistoryRecord,
  type WireMeEndpoint,
  type WireParty,
  type WirePerson,
  type historyTypeSchema,
  type WireSecondaryLine,
  callInfoSchema,
  conferenceDetailsSchema,
  conferenceParticipantSchema,
  endpointsEnvelopeSchema,
  historyRecordSchema,
  itemsEnvelopeSchema,
  meEndpointSchema,
  myEndpointSchema,
  parkResponseSchema,
  personSchema,
  phoneNumberSchema,
  preferredAnswerEndpointSchema,
  secondaryLineSchema,
  transferResponseSchema,
  wireCallSchema,
} from './wire';
import { SILENT_LOG, type WebexLog, readEach } from './list-items';

type HistoryType = z.infer<typeof historyTypeSchema>;
type RejectAction = NonNullable<RejectBody['action']>;

/** Per-request context: the line the call is on (Webex lineOwnerId) and a cancel signal. */
export interface Via {
  lineOwnerId?: string;
  signal?: AbortSignal;
}

const CALLS = '/telephony/calls';
const CONFERENCE = '/telephony/conference';
const ME = '/telephony/config/people/me';
const ME_SETTINGS = `${ME}/settings`;

export class WebexClient {
  constructor(
    private readonly http: HttpClient,
    private readonly log: WebexLog = SILENT_LOG,
  ) {}

  /** GET /telephony/calls: the user's active calls (lineOwnerId is a query parameter here); a call without an id is left out. */
  async listCalls(via: Via = {}): Promise<WireCall[]> {
    const list = await this.http.get(CALLS, itemsEnvelopeSchema, { searchParams: { lineOwnerId: via.lineOwnerId }, signal: via.signal });
    return readEach(list.items, wireCallSchema, 'a call', this.log);
  }

  /** GET /telephony/calls/{callId}. */
  async callDetails(callId: string, via: Via = {}): Promise<WireCall> {
    return this.http.get(`${CALLS}/${encodeURIComponent(callId)}`, wireCallSchema, {
      searchParams: { lineOwnerId: via.lineOwnerId },
      signal: via.signal,
    });
  }

  /** Click to dial: the user's devices ring first, then the destination. */
  async dial(args: { destination: string; endpointId?: string } & Via): Promise<WireCallInfo> {
    const body: DialBody = { destination: args.destination, endpointId: args.endpointId, lineOwnerId: args.lineOwnerId };
    return this.post('dial', body, callInfoSchema, args.signal);
  }

  async answer(callId: string, args: { endpointId?: string } & Via = {}): Promise<void> {
    const body: AnswerBody = { callId, endpointId: args.endpointId, lineOwnerId: args.lineOwnerId };
    await this.post('answer', body, null, args.signal);
  }

  /** Reject an unanswered incoming call; Webex applies `busy` when no action is given. */
  async reject(callId: string, action?: RejectAction, via: Via = {}): Promise<void> {
    const body: RejectBody = { callId, action, lineOwnerId: via.lineOwnerId };
    await this.post('reject', body, null, via.signal);
  }

  async hangup(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('hangup', callId, via);
  }

  async hold(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('hold', callId, via);
  }

  async resume(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('resume', callId, via);
  }

  /** Blind transfer / send to voicemail (mine without destination, else that user's). */
  async divert(args: { callId: string; destination?: string; toVoicemail?: boolean } & Via): Promise<void> {
    const body: DivertBody = {
      callId: args.callId,
      destination: args.destination,
      toVoicemail: args.toVoicemail,
      lineOwnerId: args.lineOwnerId,
    };
    await this.post('divert', body, null, args.signal);
  }

  /**
   * Attended transfer (two calls; 204, no body) or mute transfer (callId1 + destination; 201 with the
   * new call). Returns the new call when Webex names one.
   */
  async transfer(args: { callId1?: string; callId2?: string; destination?: string } & Via): Promise<WireCallInfo | undefined> {
    const body: TransferBody = {
      callId1: args.callId1,
      callId2: args.callId2,
      destination: args.destination,
      lineOwnerId: args.lineOwnerId,
    };
    const answer = await this.post('transfer', body, transferResponseSchema, args.signal);
    return answer.callId ? { ...answer, callId: answer.callId } : undefined;
  }

  /** Returns where the call was parked; its `number` is what retrieve takes. */
  async park(args: { callId: string; destination?: string; isGroupPark?: boolean } & Via): Promise<WireParty> {
    const body: ParkBody = {
      callId: args.callId,
      destination: args.destination,
      isGroupPark: args.isGroupPark,
      lineOwnerId: args.lineOwnerId,
    };
    const answer = await this.post('park', body, parkResponseSchema, args.signal);
    return answer.parkedAgainst;
  }

  async retrieve(args: { destination?: string; endpointId?: string } & Via = {}): Promise<WireCallInfo> {
    const body: RetrieveBody = { destination: args.destination, endpointId: args.endpointId, lineOwnerId: args.lineOwnerId };
    return this.post('retrieve', body, callInfoSchema, args.signal);
  }

  async pickup(args: { target?: string; endpointId?: string } & Via = {}): Promise<WireCallInfo> {
    const body: PickupBody = { target: args.target, endpointId: args.endpointId, lineOwnerId: args.lineOwnerId };
    return this.post('pickup', body, callInfoSchema, args.signal);
  }

  async bargeIn(args: { target: string; endpointId?: string } & Via): Promise<WireCallInfo> {
    const body: BargeInBody = { target: args.target, endpointId: args.endpointId, lineOwnerId: args.lineOwnerId };
    return this.post('bargeIn', body, callInfoSchema, args.signal);
  }

  /** Assistant → executive. */
  async push(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('push', callId, via);
  }

  async startRecording(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('startRecording', callId, via);
  }

  async stopRecording(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('stopRecording', callId, via);
  }

  async pauseRecording(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('pauseRecording', callId, via);
  }

  async resumeRecording(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('resumeRecording', callId, via);
  }

  /** Digits from 0-9 * # A-D, "," pauses. The path is /transmitDtmf, as in Cisco's code. */
  async transmitDtmf(callId: string, dtmf: string, via: Via = {}): Promise<void> {
    const body: DtmfBody = { callId, dtmf, lineOwnerId: via.lineOwnerId };
    await this.post('transmitDtmf', body, null, via.signal);
  }

  async mute(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('mute', callId, via);
  }

  async unmute(callId: string, via: Via = {}): Promise<void> {
    await this.postCallId('unmute', callId, via);
  }

  // ---- Conference Controls (docs/wire/webex-calling.md §3): lineOwnerId is a query parameter on GET, DELETE, hold and
  // resume, a body field on start and add participant, and not taken by mute/unmute/deafen/undeafen.

  /** The conference on the line, or `{}` when there is none. */
  async conferenceDetails(via: Via = {}): Promise<WireConference> {
    const { participants, ...details } = await this.http.get(CONFERENCE, conferenceDetailsSchema, {
      searchParams: { lineOwnerId: via.lineOwnerId },
      signal: via.signal,
    });
    return participants === undefined
      ? details
      : { ...details, participants: readEach(participants, conferenceParticipantSchema, 'a conference participant', this.log) };
  }

  /** Joins two or more of the user's calls into a conference. */
  async startConference(callIds: string[], via: Via = {}): Promise<void> {
    const body: StartConferenceBody = { callIds, lineOwnerId: via.lineOwnerId };
    await this.conferenceCommand('post', CONFERENCE, body, via);
  }

  async addParticipant(callId: string, via: Via = {}): Promise<void> {
    const body: ConferenceParticipantBody = { callId, lineOwnerId: via.lineOwnerId };
    await this.conferenceCommand('post', `${CONFERENCE}/addParticipant`, body, via);
  }

  /** Without a callId Webex mutes the host, and wants no body at all for that. */
  async muteConference(callId: string | undefined, signal?: AbortSignal): Promise<void> {
    await this.conferenceCommand('post', `${CONFERENCE}/mute`, callId === undefined ? undefined : { callId }, { signal });
  }

  async unmuteConference(callId: string | undefined, signal?: AbortSignal): Promise<void> {
    await this.conferenceCommand('post', `${CONFERENCE}/unmute`, callId === undefined ? undefined : { callId }, { signal });
  }

  async deafenParticipant(callId: string, signal?: AbortSignal): Promise<void> {
    await this.conferenceCommand('post', `${CONFERENCE}/deafen`, { callId }, { signal });
  }

  async undeafenParticipant(callId: string, signal?: AbortSignal): Promise<void> {
    await this.conferenceCommand('post', `${CONFERENCE}/undeafen`, { callId }, { signal });
  }

  /** Holds the host (me); the participants stay connected to each other. No body. */
  async holdConference(via: Via = {}): Promise<void> {
    await this.conferenceCommand('post', `${CONFERENCE}/hold`, undefined, via, true);
  }

  async resumeConference(via: Via = {}): Promise<void> {
    await this.conferenceCommand('post', `${CONFERENCE}/resume`, undefined, via, true);
  }

  /** Ends the conference: the host and every participant. */
  async releaseConference(via: Via = {}): Promise<void> {
    await this.conferenceCommand('delete', CONFERENCE, undefined, via, true);
  }

  /** At most 20 records per type. */
  async history(type?: HistoryType, signal?: AbortSignal): Promise<WireHistoryRecord[]> {
    const list = await this.http.get(`${CALLS}/history`, itemsEnvelopeSchema, { searchParams: { type }, signal });
    return readEach(list.items, historyRecordSchema, 'a call history record', this.log);
  }

  /**
   * The devices and apps a call can be answered or placed on (needs spark:telephony_config_read). A
   * secondary line has its own list, which may differ from the user's.
   */
  async availableAnswerEndpoints(via: Via = {}): Promise<WireMeEndpoint[]> {
    const list = await this.http.get(`${this.settingsOf(via.lineOwnerId)}/availablePreferredAnswerEndpoints`, endpointsEnvelopeSchema, {
      signal: via.signal,
    });
    return readEach(list.endpoints, meEndpointSchema, 'an answer endpoint', this.log);
  }

  /** The preferred answer endpoint (of the line, when one is given), or null when none is set (Webex answers an empty body). */
  async preferredAnswerEndpoint(via: Via = {}): Promise<WireMeEndpoint | null> {
    const answer = await this.http.get(`${this.settingsOf(via.lineOwnerId)}/preferredAnswerEndpoint`, preferredAnswerEndpointSchema, {
      signal: via.signal,
    });
    return 'id' in answer && typeof answer.id === 'string' ? (answer as WireMeEndpoint) : null;
  }

  /**
   * The secondary lines on my endpoints (GET /telephony/config/people/me/endpoints: each endpoint lists
   * the lines it carries besides mine), each once, in the order first seen.
   */
  async secondaryLines(signal?: AbortSignal): Promise<WireSecondaryLine[]> {
    const list = await this.http.get(`${ME}/endpoints`, endpointsEnvelopeSchema, { signal });
    const lines = new Map<string, WireSecondaryLine>();
    for (const endpoint of readEach(list.endpoints, myEndpointSchema, 'an endpoint', this.log)) {
      for (const line of readEach(endpoint.secondaryLines ?? [], secondaryLineSchema, 'a secondary line', this.log)) {
        if (!lines.has(line.id)) lines.set(line.id, line);
      }
    }
    return [...lines.values()];
  }

  /**
   * GET /people/me?callingData=true: who the token belongs to. Without callingData Webex may leave the
   * extension out. A phone number without a value is left out.
   */
  async me(signal?: AbortSignal): Promise<WirePerson> {
    const { phoneNumbers, ...person } = await this.http.get('/people/me', personSchema, { searchParams: { callingData: 'true' }, signal });
    return phoneNumbers === undefined
      ? person
      : { ...person, phoneNumbers: readEach(phoneNumbers, phoneNumberSchema, 'a phone number', this.log) };
  }

  private settingsOf(lineOwnerId: string | undefined): string {
    return lineOwnerId ? `${ME_SETTINGS}/secondaryLines/${encodeURIComponent(lineOwnerId)}` : ME_SETTINGS;
  }

  /** A conference command; `lineInQuery` for the operations that take lineOwnerId as a query parameter. */
  private async conferenceCommand(
    method: 'post' | 'delete',
    path: string,
    body: object | undefined,
    via: Via,
    lineInQuery = false,
  ): Promise<void> {
    const json = body === undefined ? undefined : Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const searchParams = lineInQuery ? { lineOwnerId: via.lineOwnerId } : undefined;
    await this.http.command(method, path, json, null, { searchParams, signal: via.signal });
  }

  private async postCallId(operation: string, callId: string, via: Via): Promise<void> {
    const body: CallIdBody = { callId, lineOwnerId: via.lineOwnerId };
    await this.post(operation, body, null, via.signal);
  }

  private post<S extends z.ZodType>(operation: string, body: object, schema: S, signal?: AbortSignal): Promise<z.infer<S>>;
  private post(operation: string, body: object, schema: null, signal?: AbortSignal): Promise<void>;
  private post(operation: string, body: object, schema: z.ZodType | null, signal?: AbortSignal): Promise<unknown> {
    const path = `${CALLS}/${operation}`;
    // Undefined fields would vanish in JSON anyway; dropping them here keeps the body honest to read in logs.
    const json = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return schema === null
      ? this.http.command('post', path, json, null, { signal })
      : this.http.command('post', path, json, schema, { signal });
  }
}
