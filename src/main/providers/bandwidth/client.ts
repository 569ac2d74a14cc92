/**
 * The Bandwidth Catapult v1 Voice REST API, one method per operation (docs/wire/
 * ringcentral-and-bandwidth.md §B2, §B5), on the shared HTTP policy (src/main/provider-api/
 * http-client.ts) with HTTP Basic auth (API token + secret), every request paced by the RateGate.
 * Ids of created calls, gathers, conferences, members, bridges and transcriptions come from the
 * `Location` header; call lists follow `Link: rel="next"`. Input is checked (input-rules.ts) before
 * anything is sent. Wire shapes go out; domain mapping happens elsewhere.
 */
import type { z } from 'zod';
import type { Timers } from '../../foundation/timers';
import { type FetchFn, type HttpClientOptions, createHttpClient } from '../../provider-api/http-client';
import { ProviderError } from '../../provider-api/provider-error';
import type { TokenSource } from '../../provider-api/token-source';
import { describeBandwidthError, refusesCredentials } from './errors';
import { checkAudio, checkDestination, checkDtmf, checkGather, checkId, checkOwnNumber } from './input-rules';
import { idFromLocation, linkUnderBase, parseLinks } from './links';
import type { GateLane, RateGate } from './rate-gate';
import { wireTap } from './wire-tap';
import {
  type AudioBody,
  type CreateCallBody,
  type GatherBody,
  type UpdateCallBody,
  type WireBridge,
  type WireCall,
  type WireCallEvent,
  type WireConference,
  type WireGather,
  type WireMember,
  type WireRecording,
  type WireTranscription,
  bridgeSchema,
  callEventListSchema,
  callEventSchema,
  callListSchema,
  conferenceSchema,
  gatherSchema,
  memberListSchema,
  memberSchema,
  recordingListSchema,
  recordingSchema,
  transcriptionListSchema,
  transcriptionSchema,
  wireCallSchema,
} from './wire';
import { basicAuthorization } from './credentials-token';

export interface BandwidthCredentials {
  userId: string;
  apiToken: string;
  apiSecret: string;
}

export interface BandwidthClientOptions {
  /** e.g. https://api.catapult.inetwork.com/v1 */
  baseUrl: string;
  credentials: BandwidthCredentials;
  gate: RateGate;
  /** The clock of the gate, the rate-limit resets and each attempt's timeout (tests drive it by hand). */
  timers: Timers;
  /** Only the attempts' timeouts on another clock (HttpClientOptions.timeoutTimers; default `timers`). */
  timeoutTimers?: Timers;
  fetch?: FetchFn;
  commandTimeoutMs?: number;
  readTimeoutMs?: number;
  onExchange?: HttpClientOptions['onExchange'];
}

export interface CallFilter {
  from?: string;
  to?: string;
  state?: 'started' | 'active' | 'transferring' | 'completed' | 'rejected';
  bridgeId?: string;
  conferenceId?: string;
  /** Items per page (Catapult default 25, max 1000). */
  size?: number;
  sortOrder?: 'asc' | 'desc';
}

export interface TransferOrder {
  to: string;
  /** `private`, the caller's number or one of the user's numbers. */
  callerId?: string;
  whisper?: AudioBody;
}

/** Basic credentials are not refreshable: a 401 means they are wrong. */
function credentialsAsTokens(): TokenSource {
  const refuse = (): never => {
    throw new ProviderError({
      code: 'AUTH',
      status: 401,
      message: 'Bandwidth refused the API token and secret (or the user id): check them in Settings.',
    });
  };
  return { accessToken: async () => 'basic', refreshAfterUnauthorized: async () => refuse() };
}

export class BandwidthClient {
  private readonly user: string;
  private readonly authorization: string;
  private readonly baseFetch: FetchFn;

  constructor(private readonly options: BandwidthClientOptions) {
    this.user = `/users/${encodeURIComponent(options.credentials.userId)}`;
    this.authorization = basicAuthorization(options.credentials);
    this.baseFetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  // ── Calls ──

  /**
   * GET /calls with filters, following `Link: rel="next"` for up to `maxPages` pages (newest first unless
   * asked); with `more`, the next page is read only while it answers true for the calls read so far.
   * Each page is one request through the gate.
   */
  async listCalls(
    filter: CallFilter = {},
    paging: { maxPages?: number; more?: (soFar: readonly WireCall[]) => boolean; signal?: AbortSignal } = {},
  ): Promise<WireCall[]> {
    const calls: WireCall[] = [];
    let path = `${this.user}/calls`;
    let searchParams: Record<string, string | undefined> = {
      from: filter.from,
      to: filter.to,
      state: filter.state,
      bridgeId: filter.bridgeId,
      conferenceId: filter.conferenceId,
      size: filter.size === undefined ? undefined : String(filter.size),
      sortOrder: filter.sortOrder,
    };
    for (let page = 0; page < (paging.maxPages ?? 10); page += 1) {
      const { data, headers } = await this.read(path, callListSchema, searchParams, paging.signal);
      calls.push(...data);
      if (paging.more && !paging.more(calls)) break;
      const next = parseLinks(headers?.get('link')).next;
      const under = next ? linkUnderBase(next, this.options.baseUrl) : undefined;
      if (!under) break;
      path = under.path;
      searchParams = under.searchParams;
    }
    return calls;
  }

  async getCall(callId: string, signal?: AbortSignal): Promise<WireCall> {
    return (await this.read(`${this.call(callId)}`, wireCallSchema, {}, signal)).data;
  }

  /** POST /calls: the new call's id. */
  async createCall(order: CreateCallBody, signal?: AbortSignal): Promise<string> {
    const body: CreateCallBody = { ...order, from: checkOwnNumber(order.from), to: checkDestination(order.to) };
    if (order.callTimeout !== undefined && (order.callTimeout < 1 || order.callTimeout > 300)) refuse('Ring for 1 to 300 seconds.');
    return this.created(await this.send(`${this.user}/calls`, body, 'callCreation', signal), 'call');
  }

  answer(callId: string, signal?: AbortSignal): Promise<void> {
    return this.updateCall(callId, { state: 'active' }, signal);
  }

  reject(callId: string, signal?: AbortSignal): Promise<void> {
    return this.updateCall(callId, { state: 'rejected' }, signal);
  }

  hangUp(callId: string, signal?: AbortSignal): Promise<void> {
    return this.updateCall(callId, { state: 'completed' }, signal);
  }

  setRecording(callId: string, on: boolean, signal?: AbortSignal): Promise<void> {
    return this.updateCall(callId, { recordingEnabled: on }, signal);
  }

  /** state=transferring: the id of the new leg (from Location). */
  async transfer(callId: string, order: TransferOrder, signal?: AbortSignal): Promise<string | undefined> {
    const body: UpdateCallBody = { state: 'transferring', transferTo: checkDestination(order.to, 'The transfer destination') };
    if (order.callerId !== undefined)
      body.transferCallerId = order.callerId === 'private' ? 'private' : checkDestination(order.callerId, 'The caller id');
    if (order.whisper) body.whisperAudio = checkAudio(order.whisper);
    const headers = await this.send(this.call(callId), body, 'request', signal);
    return idFromLocation(headers?.get('location'));
  }

  /** POST /calls/{id}/audio: a sentence (≤ 1,000 characters) or a file. */
  async playAudio(callId: string, audio: AudioBody, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.call(callId)}/audio`, checkAudio(audio), 'request', signal);
  }

  /** An empty sentence stops what plays (Catapult's own convention). */
  async stopAudio(callId: string, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.call(callId)}/audio`, { sentence: '' }, 'request', signal);
  }

  async sendDtmf(callId: string, digits: string, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.call(callId)}/dtmf`, { dtmfOut: checkDtmf(digits) }, 'request', signal);
  }

  async callEvents(callId: string, signal?: AbortSignal): Promise<WireCallEvent[]> {
    return (await this.read(`${this.call(callId)}/events`, callEventListSchema, {}, signal)).data;
  }

  async callEvent(callId: string, eventId: string, signal?: AbortSignal): Promise<WireCallEvent> {
    return (await this.read(`${this.call(callId)}/events/${enc(checkId(eventId, 'event id'))}`, callEventSchema, {}, signal)).data;
  }

  // ── Gathers ──

  async createGather(callId: string, gather: GatherBody, signal?: AbortSignal): Promise<string> {
    return this.created(await this.send(`${this.call(callId)}/gather`, checkGather(gather), 'request', signal), 'gather');
  }

  async getGather(callId: string, gatherId: string, signal?: AbortSignal): Promise<WireGather> {
    return (await this.read(`${this.call(callId)}/gather/${enc(checkId(gatherId, 'gather id'))}`, gatherSchema, {}, signal)).data;
  }

  /** state=completed: the only update a gather takes. */
  async stopGather(callId: string, gatherId: string, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.call(callId)}/gather/${enc(checkId(gatherId, 'gather id'))}`, { state: 'completed' }, 'request', signal);
  }

  // ── Recordings and transcriptions ──

  async callRecordings(callId: string, signal?: AbortSignal): Promise<WireRecording[]> {
    return (await this.read(`${this.call(callId)}/recordings`, recordingListSchema, {}, signal)).data;
  }

  async callTranscriptions(callId: string, signal?: AbortSignal): Promise<WireTranscription[]> {
    return (await this.read(`${this.call(callId)}/transcriptions`, transcriptionListSchema, {}, signal)).data;
  }

  async recordings(signal?: AbortSignal): Promise<WireRecording[]> {
    return (await this.read(`${this.user}/recordings`, recordingListSchema, {}, signal)).data;
  }

  async recording(recordingId: string, signal?: AbortSignal): Promise<WireRecording> {
    return (await this.read(this.recordingPath(recordingId), recordingSchema, {}, signal)).data;
  }

  async requestTranscription(recordingId: string, signal?: AbortSignal): Promise<string> {
    return this.created(await this.send(`${this.recordingPath(recordingId)}/transcriptions`, {}, 'request', signal), 'transcription');
  }

  async transcriptions(recordingId: string, signal?: AbortSignal): Promise<WireTranscription[]> {
    return (await this.read(`${this.recordingPath(recordingId)}/transcriptions`, transcriptionListSchema, {}, signal)).data;
  }

  async transcription(recordingId: string, transcriptionId: string, signal?: AbortSignal): Promise<WireTranscription> {
    const path = `${this.recordingPath(recordingId)}/transcriptions/${enc(checkId(transcriptionId, 'transcription id'))}`;
    return (await this.read(path, transcriptionSchema, {}, signal)).data;
  }

  // ── Conferences ──

  async createConference(
    order: { from: string; profile?: 'interpret_digits' | 'passthru_digits'; tag?: string },
    signal?: AbortSignal,
  ): Promise<string> {
    return this.created(
      await this.send(`${this.user}/conferences`, { ...order, from: checkOwnNumber(order.from) }, 'request', signal),
      'conference',
    );
  }

  async getConference(conferenceId: string, signal?: AbortSignal): Promise<WireConference> {
    return (await this.read(this.conference(conferenceId), conferenceSchema, {}, signal)).data;
  }

  async updateConference(
    conferenceId: string,
    change: { mute?: boolean; hold?: boolean; state?: 'completed' },
    signal?: AbortSignal,
  ): Promise<void> {
    await this.send(this.conference(conferenceId), change, 'request', signal);
  }

  endConference(conferenceId: string, signal?: AbortSignal): Promise<void> {
    return this.updateConference(conferenceId, { state: 'completed' }, signal);
  }

  async playAudioToConference(conferenceId: string, audio: AudioBody, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.conference(conferenceId)}/audio`, checkAudio(audio), 'request', signal);
  }

  /** The call must have been created with this conferenceId. */
  async addMember(
    conferenceId: string,
    member: { callId: string; mute?: boolean; hold?: boolean; joinTone?: boolean; leavingTone?: boolean },
    signal?: AbortSignal,
  ): Promise<string> {
    const body = { ...member, callId: checkId(member.callId, 'call id') };
    return this.created(await this.send(`${this.conference(conferenceId)}/members`, body, 'request', signal), 'member');
  }

  async members(conferenceId: string, signal?: AbortSignal): Promise<WireMember[]> {
    return (await this.read(`${this.conference(conferenceId)}/members`, memberListSchema, {}, signal)).data;
  }

  async member(conferenceId: string, memberId: string, signal?: AbortSignal): Promise<WireMember> {
    return (await this.read(this.memberPath(conferenceId, memberId), memberSchema, {}, signal)).data;
  }

  async updateMember(
    conferenceId: string,
    memberId: string,
    change: { mute?: boolean; hold?: boolean; joinTone?: boolean; leavingTone?: boolean },
    signal?: AbortSignal,
  ): Promise<void> {
    await this.send(this.memberPath(conferenceId, memberId), change, 'request', signal);
  }

  async removeMember(conferenceId: string, memberId: string, signal?: AbortSignal): Promise<void> {
    await this.send(this.memberPath(conferenceId, memberId), { state: 'completed' }, 'request', signal);
  }

  async playAudioToMember(conferenceId: string, memberId: string, audio: AudioBody, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.memberPath(conferenceId, memberId)}/audio`, checkAudio(audio), 'request', signal);
  }

  // ── Bridges ──

  async createBridge(order: { callIds: string[]; bridgeAudio?: boolean }, signal?: AbortSignal): Promise<string> {
    return this.created(await this.send(`${this.user}/bridges`, this.bridgeBody(order), 'request', signal), 'bridge');
  }

  async getBridge(bridgeId: string, signal?: AbortSignal): Promise<WireBridge> {
    return (await this.read(this.bridge(bridgeId), bridgeSchema, {}, signal)).data;
  }

  /** New calls (`[]` empties the bridge) and/or bridgeAudio (false keeps the calls apart: hold). */
  async updateBridge(bridgeId: string, change: { callIds?: string[]; bridgeAudio?: boolean }, signal?: AbortSignal): Promise<void> {
    await this.send(this.bridge(bridgeId), this.bridgeBody(change), 'request', signal);
  }

  async playAudioToBridge(bridgeId: string, audio: AudioBody, signal?: AbortSignal): Promise<void> {
    await this.send(`${this.bridge(bridgeId)}/audio`, checkAudio(audio), 'request', signal);
  }

  // ── Plumbing ──

  private updateCall(callId: string, body: UpdateCallBody, signal?: AbortSignal): Promise<void> {
    return this.send(this.call(callId), body, 'request', signal).then(() => undefined);
  }

  private bridgeBody(order: { callIds?: string[]; bridgeAudio?: boolean }): { callIds?: string[]; bridgeAudio?: boolean } {
    if (order.callIds && order.callIds.length > 2) refuse('A bridge joins at most two calls.');
    const body: { callIds?: string[]; bridgeAudio?: boolean } = {};
    if (order.callIds) body.callIds = order.callIds.map((id) => checkId(id, 'call id'));
    if (order.bridgeAudio !== undefined) body.bridgeAudio = order.bridgeAudio;
    return body;
  }

  private call(callId: string): string {
    return `${this.user}/calls/${enc(checkId(callId, 'call id'))}`;
  }

  private conference(id: string): string {
    return `${this.user}/conferences/${enc(checkId(id, 'conference id'))}`;
  }

  private memberPath(conferenceId: string, memberId: string): string {
    return `${this.conference(conferenceId)}/members/${enc(checkId(memberId, 'member id'))}`;
  }

  private bridge(id: string): string {
    return `${this.user}/bridges/${enc(checkId(id, 'bridge id'))}`;
  }

  private recordingPath(id: string): string {
    return `${this.user}/recordings/${enc(checkId(id, 'recording id'))}`;
  }

  private created(headers: Headers | undefined, what: string): string {
    const id = idFromLocation(headers?.get('location'));
    if (!id)
      throw new ProviderError({
        code: 'BAD_RESPONSE',
        message: `Bandwidth created the ${what} but did not say its id (no Location header).`,
      });
    return id;
  }

  private http(tap: ReturnType<typeof wireTap>) {
    return createHttpClient({
      baseUrl: this.options.baseUrl,
      tokens: credentialsAsTokens(),
      providerName: 'Bandwidth',
      describeError: (status, body, headers, request) => describeBandwidthError(status, body, headers, this.options.timers.now(), request),
      refusesCredentials,
      fetch: tap.fetch,
      // Applied after the bearer header the HTTP policy sets: Catapult takes Basic credentials.
      headers: () => ({ Authorization: this.authorization }),
      commandTimeoutMs: this.options.commandTimeoutMs,
      readTimeoutMs: this.options.readTimeoutMs,
      // Each attempt's timeout on the gate's clock (a test's hand clock too). Rate limits never reach the
      // HTTP policy's own wait: the wire tap hands them to the gate.
      timers: this.options.timers,
      timeoutTimers: this.options.timeoutTimers,
      onExchange: this.options.onExchange,
    });
  }

  private read<S extends z.ZodType>(
    path: string,
    schema: S,
    searchParams: Record<string, string | undefined>,
    signal?: AbortSignal,
  ): Promise<{ data: z.infer<S>; headers: Headers | undefined }> {
    const query = Object.entries(searchParams)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    return this.options.gate.read(
      `GET ${path}?${query}`,
      async () => {
        const tap = wireTap(this.baseFetch, this.options.gate, 'request', this.options.timers);
        const data = await this.http(tap).get(path, schema, { searchParams, signal });
        return { data, headers: tap.headers() };
      },
      signal,
    );
  }

  private send(path: string, body: object, lane: GateLane, signal?: AbortSignal): Promise<Headers | undefined> {
    return this.options.gate.command(
      async () => {
        const tap = wireTap(this.baseFetch, this.options.gate, lane, this.options.timers);
        await this.http(tap).command('post', path, body, null, { signal });
        return tap.headers();
      },
      lane,
      signal,
    );
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function refuse(message: string): never {
  throw new ProviderError({ code: 'BAD_INPUT', message });
}
