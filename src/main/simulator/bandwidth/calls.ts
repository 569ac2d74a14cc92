/**
 * The call state machine of Catapult v1 (docs/wire/ringcentral-and-bandwidth.md §B2–§B4):
 * inbound `started` (ringing) → `active` (answer) | `rejected`; outbound `started` → `active` when the
 * far end answers; `transferring` while a transfer leg rings; `completed` on hang-up. Also DTMF out,
 * audio and the per-call event list. Gathers, recordings, bridges and conferences listen through
 * onChange. No HTTP here.
 */
import { AudioDesk, readAudioBody } from './audio';
import { type JsonBody, isDialable, isE164, needString, optBoolean, optNumber, optString } from './body-fields';
import { SimRefusal } from './errors';
import type { IdSource } from './ids';
import type { SimTimers } from './sim-timers';
import type { AudioRequest, CallEventWire, CallStateWire, CallWire, DirectionWire } from './wire-types';

/** What the far end of an outbound call does: answer after a delay, ring until told, be busy, never answer. */
export type FarEndBehaviour = 'answer' | 'ring' | 'busy' | 'noAnswer';

export interface SimCall {
  id: string;
  direction: DirectionWire;
  from: string;
  to: string;
  state: CallStateWire;
  startTime: string;
  activeTime?: string;
  endTime?: string;
  callbackUrl?: string;
  tag?: string;
  recordingEnabled: boolean;
  recordingFileFormat: 'wav' | 'mp3';
  transcriptionEnabled: boolean;
  bridgeId?: string;
  conferenceId?: string;
  events: CallEventWire[];
  /** The leg this one was created to transfer (set on the new leg). */
  transferOf?: string;
  whisper?: AudioRequest;
  /** Insertion order: ties on startTime still list newest first. */
  seq: number;
  timers: symbol[];
}

export interface DtmfLogEntry {
  callId: string;
  dtmfOut: string;
}

/** `[A-D0-9#*,wW]+`, at most 92 characters: what POST …/dtmf accepts (§B2). */
export const DTMF_PATTERN = /^[A-D0-9#*,wW]+$/;
export const MAX_DTMF = 92;

export interface CallsOptions {
  ownNumbers: readonly string[];
  farEndAnswerMs: number;
  defaultCallTimeoutS: number;
}

export class SimCalls {
  private readonly calls = new Map<string, SimCall>();
  private readonly behaviours = new Map<string, FarEndBehaviour>();
  private readonly listeners = new Set<(call: SimCall, previous: CallStateWire | undefined) => void>();
  readonly dtmfLog: DtmfLogEntry[] = [];
  private seq = 0;

  constructor(
    private readonly timers: SimTimers,
    private readonly ids: IdSource,
    readonly audio: AudioDesk,
    private readonly options: CallsOptions,
    private readonly callUrl: (id: string) => string,
  ) {}

  onChange(listener: (call: SimCall, previous: CallStateWire | undefined) => void): void {
    this.listeners.add(listener);
  }

  setFarEnd(number: string, behaviour: FarEndBehaviour): void {
    this.behaviours.set(number, behaviour);
  }

  all(): SimCall[] {
    return [...this.calls.values()].sort((a, b) => b.seq - a.seq);
  }

  get(id: string): SimCall {
    const call = this.calls.get(id);
    if (!call) throw SimRefusal.callNotFound(id);
    return call;
  }

  find(id: string): SimCall | undefined {
    return this.calls.get(id);
  }

  toWire(call: SimCall): CallWire {
    const url = this.callUrl(call.id);
    const wire: CallWire = {
      id: call.id,
      direction: call.direction,
      from: call.from,
      to: call.to,
      state: call.state,
      startTime: call.startTime,
      callbackUrl: call.callbackUrl ?? null,
      tag: call.tag ?? null,
      recordingEnabled: call.recordingEnabled,
      recordingFileFormat: call.recordingFileFormat,
      transcriptionEnabled: call.transcriptionEnabled,
      events: `${url}/events`,
      recordings: `${url}/recordings`,
      transcriptions: `${url}/transcriptions`,
    };
    if (call.activeTime) wire.activeTime = call.activeTime;
    if (call.endTime) {
      wire.endTime = call.endTime;
      const active = call.activeTime ? Date.parse(call.endTime) - Date.parse(call.activeTime) : 0;
      // Catapult bills by the started minute.
      wire.chargeableDuration = active > 0 ? Math.ceil(active / 60_000) * 60 : 0;
    }
    if (call.bridgeId) {
      wire.bridgeId = call.bridgeId;
      wire.bridge = this.callUrl(call.id).replace(/\/calls\/.*$/, `/bridges/${call.bridgeId}`);
    }
    if (call.conferenceId) {
      wire.conferenceId = call.conferenceId;
      wire.conference = this.callUrl(call.id).replace(/\/calls\/.*$/, `/conferences/${call.conferenceId}`);
    }
    return wire;
  }

  /**
   * Someone dials one of the user's numbers: a `started` inbound call (the application's autoAnswer
   * off), or with `autoAnswer` one Catapult answered at once (§B4: autoAnswer defaults to true).
   */
  ringIn(init: { from: string; to?: string; autoAnswer?: boolean }): SimCall {
    const to = init.to ?? this.options.ownNumbers[0] ?? '+15550000000';
    const call = this.add({ direction: 'in', from: init.from, to });
    if (init.autoAnswer) {
      this.activate(call);
      return call;
    }
    this.schedule(call, this.options.defaultCallTimeoutS * 1000, () => {
      if (call.state === 'started') this.end(call, 'completed', 'NO_ANSWER', 'timeout');
    });
    return call;
  }

  /** POST /calls. */
  create(body: JsonBody): SimCall {
    const from = needString(body, 'from');
    const to = needString(body, 'to');
    if (!isE164(from)) throw SimRefusal.invalid('from must be an E.164 number, such as +19195551212');
    if (!this.options.ownNumbers.includes(from))
      throw new SimRefusal(401, 'number-access-denied', `The number ${from} does not belong to this user`);
    if (!isDialable(to)) throw new SimRefusal(400, 'invalid-call-to-number', `The number ${to} cannot be called: use E.164 or a sip: URI`);
    const callTimeout = optNumber(body, 'callTimeout') ?? this.options.defaultCallTimeoutS;
    if (callTimeout <= 0 || callTimeout > 300) throw SimRefusal.invalid('callTimeout must be between 1 and 300 seconds');
    const format = optString(body, 'recordingFileFormat') ?? 'wav';
    if (format !== 'wav' && format !== 'mp3') throw SimRefusal.invalid('recordingFileFormat must be wav or mp3');
    const call = this.add({
      direction: 'out',
      from,
      to,
      callbackUrl: optString(body, 'callbackUrl'),
      tag: optString(body, 'tag'),
      recordingEnabled: optBoolean(body, 'recordingEnabled') ?? false,
      recordingFileFormat: format,
      transcriptionEnabled: optBoolean(body, 'transcriptionEnabled') ?? false,
      bridgeId: optString(body, 'bridgeId'),
      conferenceId: optString(body, 'conferenceId'),
    });
    this.dialFarEnd(call, callTimeout);
    return call;
  }

  /** POST /calls/{id}: state, recording, transfer. Returns the new leg of a transfer. */
  update(id: string, body: JsonBody): SimCall | undefined {
    const call = this.get(id);
    const recording = optBoolean(body, 'recordingEnabled');
    const format = optString(body, 'recordingFileFormat');
    if (format !== undefined && format !== 'wav' && format !== 'mp3') throw SimRefusal.invalid('recordingFileFormat must be wav or mp3');
    const state = optString(body, 'state');
    let created: SimCall | undefined;
    if (state !== undefined) created = this.changeState(call, state, body);
    if (format) call.recordingFileFormat = format;
    if (recording !== undefined && recording !== call.recordingEnabled) {
      if (recording && call.state !== 'active') throw SimRefusal.invalidState('Recording can start only on an active call');
      call.recordingEnabled = recording;
      this.notify(call, call.state);
    }
    return created;
  }

  private changeState(call: SimCall, state: string, body: JsonBody): SimCall | undefined {
    switch (state) {
      case 'active':
        if (call.state === 'active') return undefined;
        if (call.direction !== 'in' || call.state !== 'started')
          throw SimRefusal.invalidState(`A call in state ${call.state} cannot be answered`);
        this.activate(call);
        return undefined;
      case 'rejected':
        if (call.direction !== 'in' || call.state !== 'started')
          throw SimRefusal.invalidState(`A call in state ${call.state} cannot be rejected`);
        this.end(call, 'rejected', 'CALL_REJECTED');
        return undefined;
      case 'completed':
        if (call.state === 'completed' || call.state === 'rejected') throw SimRefusal.invalidState('The call has already ended');
        this.end(call, 'completed', call.state === 'started' ? 'ORIGINATOR_CANCEL' : 'NORMAL_CLEARING');
        return undefined;
      case 'transferring':
        return this.transfer(call, body);
      default:
        throw SimRefusal.invalid(`state must be active, rejected, completed or transferring (not ${state})`);
    }
  }

  /**
   * A blind transfer: a new outbound leg to transferTo; the original leg is `transferring` while it
   * rings, `completed` once it answers (the far party now talks to the new leg), and `active` again if
   * it fails. The whisper plays to the new leg as it answers. [INF] docs/wire/ringcentral-and-bandwidth.md §B2.
   */
  private transfer(call: SimCall, body: JsonBody): SimCall {
    if (call.state !== 'active') throw SimRefusal.invalidState(`A call in state ${call.state} cannot be transferred`);
    const to = needString(body, 'transferTo');
    if (!isDialable(to)) throw new SimRefusal(400, 'invalid-call-to-number', `The number ${to} cannot be called: use E.164 or a sip: URI`);
    const farParty = call.direction === 'in' ? call.from : call.to;
    const callerId = optString(body, 'transferCallerId');
    let from = farParty;
    if (callerId === 'private') from = 'private';
    else if (callerId !== undefined) {
      if (callerId !== farParty && !this.options.ownNumbers.includes(callerId))
        throw SimRefusal.invalid('transferCallerId must be private, the caller’s number or one of your numbers');
      from = callerId;
    }
    let whisper: AudioRequest | undefined;
    if (body.whisperAudio !== undefined && body.whisperAudio !== null) {
      if (typeof body.whisperAudio !== 'object' || Array.isArray(body.whisperAudio))
        throw SimRefusal.invalid('whisperAudio must be an audio object');
      const order = readAudioBody(body.whisperAudio as JsonBody);
      if (order.kind === 'play') whisper = order.request;
    }
    const leg = this.add({
      direction: 'out',
      from,
      to,
      callbackUrl: optString(body, 'callbackUrl'),
      tag: call.tag,
      transferOf: call.id,
      whisper,
    });
    this.setState(call, 'transferring', 'transfer', to);
    this.dialFarEnd(leg, this.options.defaultCallTimeoutS);
    return leg;
  }

  /** POST /calls/{id}/dtmf. */
  dtmf(id: string, body: JsonBody): void {
    const call = this.get(id);
    const digits = needString(body, 'dtmfOut');
    if (!DTMF_PATTERN.test(digits)) throw SimRefusal.invalid('dtmfOut may contain only 0-9, A-D, *, #, and the pauses , w W');
    if (digits.length > MAX_DTMF) throw SimRefusal.invalid(`dtmfOut must be at most ${MAX_DTMF} characters`);
    if (call.state !== 'active') throw SimRefusal.invalidState(`Digits cannot be sent on a call in state ${call.state}`);
    this.dtmfLog.push({ callId: id, dtmfOut: digits });
    this.event(call, 'dtmf', digits);
  }

  /** POST /calls/{id}/audio. */
  playAudio(id: string, body: JsonBody): void {
    const call = this.get(id);
    const order = readAudioBody(body);
    if (call.state !== 'active')
      throw new SimRefusal(403, 'call-audio-invalid-state', `Audio cannot be played on a call in state ${call.state}`);
    this.audio.apply(`call:${id}`, order, (kind, status) => this.event(call, kind, status));
  }

  // ── The far end (scenario) ──

  farEndAnswers(id: string): void {
    const call = this.get(id);
    if (call.direction !== 'out' || call.state !== 'started')
      throw SimRefusal.invalidState('Only a ringing outbound call can be answered by the far end');
    this.activate(call);
  }

  farEndHangsUp(id: string): void {
    const call = this.get(id);
    if (call.state === 'completed' || call.state === 'rejected') throw SimRefusal.invalidState('The call has already ended');
    this.end(call, 'completed', call.state === 'started' && call.direction === 'in' ? 'ORIGINATOR_CANCEL' : 'NORMAL_CLEARING');
  }

  farEndBusy(id: string): void {
    const call = this.get(id);
    if (call.direction !== 'out' || call.state !== 'started') throw SimRefusal.invalidState('Only a ringing outbound call can be busy');
    this.end(call, 'completed', 'USER_BUSY');
  }

  /** Gathers, recordings and bridges put their own events on the call. */
  event(call: SimCall, name: string, data?: string): void {
    const event: CallEventWire = { id: this.ids.make('ce'), time: this.timers.iso(), name };
    if (data !== undefined) event.data = data;
    call.events.push(event);
  }

  close(): void {
    for (const call of this.calls.values()) for (const t of call.timers) this.timers.cancel(t);
  }

  // ── Internals ──

  private add(init: Partial<SimCall> & Pick<SimCall, 'direction' | 'from' | 'to'>): SimCall {
    const defined = Object.fromEntries(Object.entries(init).filter(([, v]) => v !== undefined)) as Partial<SimCall>;
    const call: SimCall = {
      id: this.ids.make('c'),
      state: 'started',
      startTime: this.timers.iso(),
      recordingEnabled: false,
      recordingFileFormat: 'wav',
      transcriptionEnabled: false,
      events: [],
      seq: ++this.seq,
      timers: [],
      direction: init.direction,
      from: init.from,
      to: init.to,
      ...defined,
    };
    this.calls.set(call.id, call);
    this.event(call, 'create');
    this.notify(call, undefined);
    return call;
  }

  private dialFarEnd(call: SimCall, timeoutS: number): void {
    const behaviour = this.behaviours.get(call.to) ?? 'answer';
    if (behaviour === 'busy') {
      this.schedule(call, 200, () => call.state === 'started' && this.end(call, 'completed', 'USER_BUSY'));
      return;
    }
    if (behaviour === 'answer') this.schedule(call, this.options.farEndAnswerMs, () => call.state === 'started' && this.activate(call));
    this.schedule(call, timeoutS * 1000, () => call.state === 'started' && this.end(call, 'completed', 'NO_ANSWER', 'timeout'));
  }

  private activate(call: SimCall): void {
    call.activeTime = this.timers.iso();
    this.setState(call, 'active', 'answer');
    if (call.transferOf) {
      const original = this.calls.get(call.transferOf);
      if (call.whisper)
        this.audio.apply(`call:${call.id}`, { kind: 'play', request: call.whisper }, (kind, status) => this.event(call, kind, status));
      if (original && original.state === 'transferring') this.end(original, 'completed', 'NORMAL_CLEARING');
    }
  }

  private end(call: SimCall, state: 'completed' | 'rejected', cause: string, eventName = 'hangup'): void {
    for (const t of call.timers) this.timers.cancel(t);
    call.timers = [];
    this.audio.stop(`call:${call.id}`);
    call.endTime = this.timers.iso();
    if (eventName !== 'hangup') this.event(call, eventName);
    this.setState(call, state, 'hangup', cause);
    // A transfer leg that never answered gives the call back to the transferor.
    if (call.transferOf && !call.activeTime) {
      const original = this.calls.get(call.transferOf);
      if (original && original.state === 'transferring') this.setState(original, 'active', 'transfer-failed', cause);
    }
  }

  private setState(call: SimCall, state: CallStateWire, eventName: string, data?: string): void {
    const previous = call.state;
    call.state = state;
    this.event(call, eventName, data);
    this.notify(call, previous);
  }

  private notify(call: SimCall, previous: CallStateWire | undefined): void {
    for (const listener of this.listeners) listener(call, previous);
  }

  private schedule(call: SimCall, ms: number, run: () => void): void {
    const key = this.timers.after(ms, () => {
      call.timers = call.timers.filter((t) => t !== key);
      run();
    });
    call.timers.push(key);
  }
}
