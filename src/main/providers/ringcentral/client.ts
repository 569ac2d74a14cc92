/**
 * The RingCentral REST API Switchboard uses, one method per operation (docs/wire/ringcentral-and-bandwidth.md
 * §A2 Call Control, §A4 extension/device/presence and the WebSocket token), on the shared HTTP policy of
 * provider-api/http-client.ts. Strict in what it sends (typed bodies), every answer parsed with wire.ts.
 * Rate limits: every request waits for its group's gate; a request refused with 429 was not applied and
 * is sent once more after the wait; a command that timed out or failed on the network is never resent
 * (it may have been applied). No domain mapping here.
 */
import type { z } from 'zod';
import { realTimers, type Timers } from '../../foundation/timers';
import { type FetchFn, type HttpClient, createHttpClient } from '../../provider-api/http-client';
import { ProviderError } from '../../provider-api/provider-error';
import type { TokenSource } from '../../provider-api/token-source';
import { describeRingCentralError } from './errors';
import { RateGate, type RateGroup, ReadPacer, rateGroupOf } from './rate-gate';
import {
  type BridgeBody,
  type BringInBody,
  type CallOutBody,
  type DeviceBody,
  type ForwardTarget,
  type HoldBody,
  type PartyUpdateBody,
  type ReplyBody,
  type SuperviseBody,
  type TransferTarget,
  type WireCallLogRecord,
  type WireDevice,
  type WireExtension,
  type WireParty,
  type WirePresence,
  type WireRecording,
  type WireSession,
  type WireWsToken,
  callLogListSchema,
  deviceListSchema,
  extensionListSchema,
  extensionSchema,
  ignoredSchema,
  presenceSchema,
  recordingAnswerSchema,
  sessionEnvelopeSchema,
  wirePartySchema,
  wireSessionSchema,
  wsTokenSchema,
} from './wire';

export const PRODUCTION_SERVER = 'https://platform.ringcentral.com';

export interface RingCentralClientOptions {
  /** e.g. https://platform.ringcentral.com (sandbox and segregated brands differ: §A1). */
  server: string;
  tokens: TokenSource;
  fetch?: FetchFn;
  /**
   * The clock everything runs on (default real timers): the rate gate's and the read pacer's waits, and
   * the HTTP client's attempt timeouts, so that tests drive them all by hand.
   */
  timers?: Timers;
  /** Only the attempts' timeouts on another clock (HttpClientOptions.timeoutTimers; default `timers`). */
  timeoutTimers?: Timers;
  commandTimeoutMs?: number;
  readTimeoutMs?: number;
  /** A rate-limit wait longer than this fails at once with RATE_LIMITED instead of waiting (default 90 s). */
  maxRateWaitMs?: number;
  onExchange?: (info: { method: string; path: string; status?: number; error?: string }) => void;
  /**
   * Pacing of a full snapshot's reads under RingCentral's Light limit of 50 a minute (default 40 a minute
   * after a burst of 5); false turns it off (tests that read on a clock that does not move).
   */
  readPacing?: { perMinute?: number; burst?: number } | false;
}

export interface Signal {
  signal?: AbortSignal;
  /** A read of a full snapshot: it waits its turn under the read pacer (see ReadPacer). */
  paced?: boolean;
}

const V1 = '/restapi/v1.0';
const ME = `${V1}/account/~/extension/~`;
const TELEPHONY = `${V1}/account/~/telephony`;

const enc = encodeURIComponent;
const sessionPath = (sid: string) => `${TELEPHONY}/sessions/${enc(sid)}`;
const partyPath = (sid: string, pid: string) => `${sessionPath(sid)}/parties/${enc(pid)}`;

/** RingCentral needs PATCH for party updates and recording pause/resume. */
const PATCH = 'patch';

type Method = 'post' | 'put' | 'patch' | 'delete';

export class RingCentralClient {
  private readonly http: HttpClient;
  private readonly gate: RateGate;
  private readonly pacer: ReadPacer | undefined;
  private readonly timers: Timers;
  private readonly maxRateWaitMs: number;

  constructor(options: RingCentralClientOptions) {
    this.timers = options.timers ?? realTimers;
    this.gate = new RateGate(this.timers);
    this.pacer =
      options.readPacing === false
        ? undefined
        : new ReadPacer(this.timers, options.readPacing?.perMinute ?? 40, options.readPacing?.burst ?? 5);
    this.maxRateWaitMs = options.maxRateWaitMs ?? 90_000;
    this.http = createHttpClient({
      baseUrl: options.server,
      tokens: options.tokens,
      providerName: 'RingCentral',
      describeError: describeRingCentralError,
      fetch: this.gate.wrap(options.fetch ?? ((input, init) => fetch(input, init))),
      commandTimeoutMs: options.commandTimeoutMs,
      readTimeoutMs: options.readTimeoutMs,
      // The rate gate does the waiting (on the Timers port, for as long as RingCentral asks); the HTTP
      // policy's own replay then runs at once and is answered by the gate without touching the network.
      maxRetryAfterMs: 0,
      // Each attempt's timeout on the same clock as the gate (a test's hand clock too).
      timers: this.timers,
      timeoutTimers: options.timeoutTimers,
      onExchange: options.onExchange,
    });
  }

  /** Waits for the group's gate, runs `send`, and after a 429 (refused, not applied) waits and sends once more. */
  private async gated<T>(group: RateGroup, send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.gate.remainingMs(group);
      if (wait > this.maxRateWaitMs) {
        throw new ProviderError({
          code: 'RATE_LIMITED',
          retryable: true,
          retryAfter: Math.ceil(wait / 1000),
          message: `RingCentral asked Switchboard to slow down: try again in ${Math.ceil(wait / 1000)} s.`,
        });
      }
      await this.gate.wait(group, signal);
      try {
        return await send();
      } catch (error) {
        if (attempt === 0 && error instanceof ProviderError && error.code === 'RATE_LIMITED') continue;
        throw error;
      }
    }
  }

  private async get<S extends z.ZodType>(
    path: string,
    schema: S,
    via: Signal & { searchParams?: Record<string, string | undefined> } = {},
  ): Promise<z.infer<S>> {
    if (via.paced) await this.pacer?.slot(via.signal);
    return this.gated(
      rateGroupOf('GET', path),
      () => this.http.get(path, schema, { signal: via.signal, searchParams: via.searchParams }),
      via.signal,
    );
  }

  private send<S extends z.ZodType>(method: Method, path: string, body: unknown, schema: S, via?: Signal): Promise<z.infer<S>>;
  private send(method: Method, path: string, body: unknown, schema: null, via?: Signal): Promise<void>;
  private send(method: Method, path: string, body: unknown, schema: z.ZodType | null, via: Signal = {}): Promise<unknown> {
    const verb = method.toUpperCase();
    const options = { signal: via.signal };
    return this.gated(
      rateGroupOf(verb, path),
      () =>
        schema === null ? this.http.command(method, path, body, null, options) : this.http.command(method, path, body, schema, options),
      via.signal,
    );
  }

  // ---- account -----------------------------------------------------------------------------------

  /** GET …/extension/~: the signed-in user (id, extensionNumber, account.id). */
  me(via: Signal = {}): Promise<WireExtension> {
    return this.get(ME, extensionSchema, via);
  }

  async devices(via: Signal = {}): Promise<WireDevice[]> {
    return (await this.get(`${ME}/device`, deviceListSchema, via)).records;
  }

  /** GET …/presence?detailedTelephonyState=true: the user's active calls (session and party ids). */
  presence(via: Signal = {}): Promise<WirePresence> {
    return this.get(`${ME}/presence`, presenceSchema, { ...via, searchParams: { detailedTelephonyState: 'true' } });
  }

  /**
   * GET …/extension/~/call-log (ReadCallLog, Heavy group): the user's voice calls since `dateFrom`, newest
   * first, one page of `perPage` records (§A6). RingCentral writes a record a few seconds after the call ends.
   */
  async callLog(query: { dateFrom: string; perPage: number }, via: Signal = {}): Promise<WireCallLogRecord[]> {
    const searchParams = { type: 'Voice', view: 'Simple', dateFrom: query.dateFrom, perPage: String(query.perPage), page: '1' };
    return (await this.get(`${ME}/call-log`, callLogListSchema, { ...via, searchParams })).records;
  }

  /** GET …/account/~/extension?extensionNumber=…: a colleague by extension number (ReadAccounts). */
  async extensionByNumber(extensionNumber: string, via: Signal = {}): Promise<WireExtension | undefined> {
    const list = await this.get(`${V1}/account/~/extension`, extensionListSchema, { ...via, searchParams: { extensionNumber } });
    return list.records.find((r) => r.extensionNumber === extensionNumber);
  }

  /** GET …/extension/{id}/presence?detailedTelephonyState=true: a colleague's active calls (to listen in on one). */
  presenceOf(extensionId: string, via: Signal = {}): Promise<WirePresence> {
    return this.get(`${V1}/account/~/extension/${enc(extensionId)}/presence`, presenceSchema, {
      ...via,
      searchParams: { detailedTelephonyState: 'true' },
    });
  }

  /** POST /restapi/oauth/wstoken: a short-lived, single-use token and the WebSocket URI. */
  wsToken(via: Signal = {}): Promise<WireWsToken> {
    return this.send('post', '/restapi/oauth/wstoken', undefined, wsTokenSchema, via);
  }

  // ---- sessions ----------------------------------------------------------------------------------

  /** POST call-out: rings the user's device (a HardPhone/SoftPhone id), then the destination. */
  async callOut(deviceId: string, to: CallOutBody['to'], via: Signal = {}): Promise<WireSession> {
    const body: CallOutBody = { from: { deviceId }, to };
    return (await this.send('post', `${TELEPHONY}/call-out`, body, sessionEnvelopeSchema, via)).session;
  }

  async conference(via: Signal = {}): Promise<WireSession> {
    return (await this.send('post', `${TELEPHONY}/conference`, {}, sessionEnvelopeSchema, via)).session;
  }

  session(sid: string, via: Signal = {}): Promise<WireSession> {
    return this.get(sessionPath(sid), wireSessionSchema, via);
  }

  /** DELETE the session: drops the whole call. */
  dropSession(sid: string, via: Signal = {}): Promise<void> {
    return this.send('delete', sessionPath(sid), undefined, null, via);
  }

  superviseSession(sid: string, body: SuperviseBody, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${sessionPath(sid)}/supervise`, body, wirePartySchema, via);
  }

  /** Adds my established call (sessionId/partyId) to a Conference-origin session. */
  bringIn(conferenceSid: string, target: BringInBody, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${sessionPath(conferenceSid)}/parties/bring-in`, target, wirePartySchema, via);
  }

  // ---- parties -----------------------------------------------------------------------------------

  party(sid: string, pid: string, via: Signal = {}): Promise<WireParty> {
    return this.get(partyPath(sid, pid), wirePartySchema, via);
  }

  /** PATCH the party in the SPEC/EXT form `{party:{…}}` (mute: `{muted:true}`). */
  updateParty(sid: string, pid: string, fields: PartyUpdateBody['party'], via: Signal = {}): Promise<WireParty> {
    const body: PartyUpdateBody = { party: fields };
    return this.send(PATCH, partyPath(sid, pid), body, wirePartySchema, via);
  }

  /** Only a supervised or parked party, or one conference participant. */
  deleteParty(sid: string, pid: string, options: { keepConferenceAlive?: boolean } & Signal = {}): Promise<void> {
    const body = options.keepConferenceAlive === undefined ? undefined : { keepConferenceAlive: options.keepConferenceAlive };
    return this.send('delete', partyPath(sid, pid), body, null, options);
  }

  hold(sid: string, pid: string, proto?: HoldBody['proto'], via: Signal = {}): Promise<WireParty> {
    const body: HoldBody = proto ? { proto } : {};
    return this.send('post', `${partyPath(sid, pid)}/hold`, body, wirePartySchema, via);
  }

  unhold(sid: string, pid: string, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/unhold`, undefined, wirePartySchema, via);
  }

  answer(sid: string, pid: string, deviceId: string, via: Signal = {}): Promise<WireParty> {
    const body: DeviceBody = { deviceId };
    return this.send('post', `${partyPath(sid, pid)}/answer`, body, wirePartySchema, via);
  }

  reject(sid: string, pid: string, via: Signal = {}): Promise<void> {
    return this.send('post', `${partyPath(sid, pid)}/reject`, undefined, null, via);
  }

  /** A call-queue agent declines one ringing queue call. */
  ignore(sid: string, pid: string, deviceId: string, via: Signal = {}): Promise<void> {
    const body: DeviceBody = { deviceId };
    return this.send('post', `${partyPath(sid, pid)}/ignore`, body, null, via);
  }

  forward(sid: string, pid: string, target: ForwardTarget, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/forward`, target, wirePartySchema, via);
  }

  transfer(sid: string, pid: string, target: TransferTarget, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/transfer`, target, wirePartySchema, via);
  }

  reply(sid: string, pid: string, body: ReplyBody, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/reply`, body, wirePartySchema, via);
  }

  async flip(sid: string, pid: string, callFlipId: string, via: Signal = {}): Promise<void> {
    await this.send('post', `${partyPath(sid, pid)}/flip`, { callFlipId }, ignoredSchema, via);
  }

  /** Parks the call; the answer's `park.id` is the orbit (*801–*899). */
  park(sid: string, pid: string, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/park`, undefined, wirePartySchema, via);
  }

  /** Takes a parked party onto one of my devices. */
  pickup(sid: string, pid: string, deviceId: string, via: Signal = {}): Promise<WireParty> {
    const body: DeviceBody = { deviceId };
    return this.send('post', `${partyPath(sid, pid)}/pickup`, body, wirePartySchema, via);
  }

  /** Connects my party here with my party in another session. */
  bridge(sid: string, pid: string, other: BridgeBody, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/bridge`, other, wirePartySchema, via);
  }

  superviseParty(sid: string, pid: string, body: SuperviseBody, via: Signal = {}): Promise<WireParty> {
    return this.send('post', `${partyPath(sid, pid)}/supervise`, body, wirePartySchema, via);
  }

  startRecording(sid: string, pid: string, via: Signal = {}): Promise<WireRecording> {
    return this.send('post', `${partyPath(sid, pid)}/recordings`, undefined, recordingAnswerSchema, via);
  }

  /** Pause (`active:false`) or resume (`active:true`). */
  setRecording(sid: string, pid: string, recordingId: string, active: boolean, via: Signal = {}): Promise<WireRecording> {
    return this.send(PATCH, `${partyPath(sid, pid)}/recordings/${enc(recordingId)}`, { active }, recordingAnswerSchema, via);
  }
}
