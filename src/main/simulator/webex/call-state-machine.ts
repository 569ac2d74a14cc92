/**
 * The user's calls and every transition between their states (docs/wire/webex-calling.md §8): dial → clickToDial
 * alerting → answered → originator connecting → connected; incoming terminator alerting → connected;
 * hold/resume, remote hold, mute, DTMF, recording, divert, hangup. Emits one telephony_calls event per
 * change, after the state is consistent, and removes disconnected calls. Throws SimRefusal for what
 * Webex would refuse. Features built on top (transfer, park, pickup …) live in their own modules and
 * use the primitives below. No HTTP here.
 */
import type { WireCallEvent } from './wire';
import type { SimAccount, SimEndpoint } from './account';
import { findEndpoint, requireLine } from './account';
import { CallHistory } from './call-history';
import { SimRefusal } from './errors';
import type { CallIdFactory } from './ids';
import { newCallSessionId } from './ids';
import type { PartyDirectory } from './parties';
import { canonicalNumber } from './parties';
import type { RecordingControl } from './recording-rules';
import { applyRecordingControl, recordingOnConnect } from './recording-rules';
import type { Personality, SimCall, SimCallState, SimEventType } from './sim-call';
import { isAnswered, isUnansweredIncoming, muteCapable, toCallEvent } from './sim-call';
import type { TimerHandle, TimerSet } from './timer-set';
import type { DestinationBehaviour, RecordingMode, RedirectReasonWire, RejectActionWire, SimParty } from './types';
import { REJECT_ACTIONS } from './wire';

const DTMF_PATTERN = /^[0-9*#A-D,]+$/;

export interface CallStateMachineDeps {
  account: SimAccount;
  ids: CallIdFactory;
  timers: TimerSet;
  directory: PartyDirectory;
  recordingMode: RecordingMode;
  farEndAnswerMs: number | null;
}

export interface OpenCallInit {
  personality: Personality;
  state: SimCallState;
  remote: SimParty;
  sessionId?: string;
  /** The secondary line the call is on (lineOwnerId); my own line when undefined. */
  line?: string;
  redirections?: { reason: RedirectReasonWire; by: SimParty }[];
  recall?: SimParty;
  executive?: SimParty;
  endpoint?: SimEndpoint;
  onAnswered?: (call: SimCall) => void;
  onAbandoned?: () => void;
  holdsOthersOnAnswer?: boolean;
}

export interface EndCallOptions {
  /** Events emitted (state unchanged) just before 'disconnected', e.g. 'transferred', 'forwarded'. */
  before?: SimEventType[];
  completedElsewhere?: boolean;
  /** False when the end is bookkeeping (reset) rather than something the user would see in history. */
  recordHistory?: boolean;
}

/** Set by the conference module so that taking another call holds the conference, not its calls one by one. */
export interface ConferenceHooks {
  isParticipant(call: SimCall): boolean;
  holdConference(): void;
}

export class CallStateMachine {
  readonly account: SimAccount;
  conferenceHooks: ConferenceHooks | undefined;
  readonly directory: PartyDirectory;
  readonly history = new CallHistory();
  recordingMode: RecordingMode;
  private readonly ids: CallIdFactory;
  private readonly timers: TimerSet;
  private readonly farEndAnswerMs: number | null;
  private readonly calls = new Map<string, SimCall>();
  private readonly callTimers = new Map<string, TimerHandle[]>();
  private readonly listeners = new Set<(event: WireCallEvent) => void>();
  private readonly endHooks = new Set<(call: SimCall) => void>();
  private readonly destinationBehaviours = new Map<string, DestinationBehaviour>();
  private readonly dtmf: { callId: string; dtmf: string }[] = [];

  constructor(deps: CallStateMachineDeps) {
    this.account = deps.account;
    this.ids = deps.ids;
    this.timers = deps.timers;
    this.directory = deps.directory;
    this.recordingMode = deps.recordingMode;
    this.farEndAnswerMs = deps.farEndAnswerMs;
  }

  // ---- queries ----

  /** Every call on every line. */
  list(): SimCall[] {
    return [...this.calls.values()];
  }

  /** The calls on one line (undefined: my own), as GET /telephony/calls?lineOwnerId= lists them. */
  listOn(line: string | undefined): SimCall[] {
    requireLine(this.account, line);
    return this.list().filter((call) => call.line === line);
  }

  /**
   * The named call, on the line the request names. [inferred] A call on a secondary line belongs to
   * that line's owner, so a request that leaves lineOwnerId out (or names another line) does not find it.
   */
  requireOn(callId: string, line: string | undefined): SimCall {
    requireLine(this.account, line);
    const call = this.require(callId);
    if (call.line !== line) throw SimRefusal.callNotFound();
    return call;
  }

  find(callId: string): SimCall | undefined {
    return this.calls.get(callId);
  }

  require(callId: string): SimCall {
    const call = this.calls.get(callId);
    if (!call) throw SimRefusal.callNotFound();
    return call;
  }

  /** The named call, or the user's only answered call when the command may omit callId. */
  requireOrOnlyAnswered(callId: string | undefined, command: string): SimCall {
    if (callId !== undefined) return this.require(callId);
    const answered = this.list().filter(isAnswered);
    const only = answered[0];
    if (answered.length !== 1 || only === undefined) {
      throw SimRefusal.invalid(`${command} needs a callId when the user does not have exactly one answered call`);
    }
    return only;
  }

  dtmfLog(): { callId: string; dtmf: string }[] {
    return this.dtmf.map((d) => ({ ...d }));
  }

  behaviourOf(destination: string): DestinationBehaviour {
    return this.destinationBehaviours.get(canonicalNumber(destination)) ?? 'answer';
  }

  setBehaviour(destination: string, behaviour: DestinationBehaviour): void {
    this.destinationBehaviours.set(canonicalNumber(destination), behaviour);
  }

  /** The far end answers after farEndAnswerMs unless the destination never answers or the test drives it. */
  farEndWillAnswer(destination: string): number | undefined {
    if (this.farEndAnswerMs === null || this.behaviourOf(destination) === 'noAnswer') return undefined;
    return this.farEndAnswerMs;
  }

  /** The endpoint to use on a line: the named one (it must carry the line), else the line's preferred or first, else my desk phone. */
  resolveEndpoint(endpointId: string | undefined, line?: string): SimEndpoint {
    const secondary = requireLine(this.account, line);
    if (endpointId === undefined) {
      const fallback = secondary ? (secondary.preferredEndpointId ?? secondary.endpointIds[0]) : undefined;
      return (fallback !== undefined ? findEndpoint(this.account, fallback) : undefined) ?? this.account.primaryEndpoint;
    }
    const endpoint = findEndpoint(this.account, endpointId);
    if (!endpoint) throw SimRefusal.invalid(`endpointId ${endpointId} is not one of the user's answer endpoints`);
    if (secondary && !secondary.endpointIds.includes(endpoint.id)) {
      throw SimRefusal.invalid(`endpointId ${endpointId} is not an answer endpoint of line ${secondary.id}`);
    }
    return endpoint;
  }

  // ---- events ----

  onEvent(listener: (event: WireCallEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onCallEnded(hook: (call: SimCall) => void): void {
    this.endHooks.add(hook);
  }

  emit(call: SimCall, eventType: SimEventType, completedElsewhere = false): void {
    // actorId is the line owner: the secondary line's owner for a call on that line.
    const event = toCallEvent(call, eventType, call.line ?? this.account.me.id, completedElsewhere);
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener must neither corrupt the simulated state nor starve the other listeners,
        // nor take down the process the demo account runs in.
        console.error('Webex simulator: an event listener threw', error);
      }
    }
  }

  // ---- primitives for features ----

  openCall(init: OpenCallInit, eventType: 'received' | 'originating'): SimCall {
    const call: SimCall = {
      id: this.ids.newCallId(),
      sessionId: init.sessionId ?? newCallSessionId(),
      line: init.line,
      personality: init.personality,
      state: init.state,
      remote: { ...init.remote },
      appearance: this.freeAppearance(),
      created: new Date().toISOString(),
      redirections: init.redirections ?? [],
      recall: init.recall,
      executive: init.executive,
      muted: false,
      alertingOnly: init.endpoint?.id,
      onAnswered: init.onAnswered,
      onAbandoned: init.onAbandoned,
      holdsOthersOnAnswer: init.holdsOthersOnAnswer ?? true,
    };
    this.calls.set(call.id, call);
    this.emit(call, eventType);
    return call;
  }

  /** A call alerting the user's devices "in a similar manner to dial" (retrieve, pickup, barge-in, pull). */
  startClickToDial(init: Omit<OpenCallInit, 'personality' | 'state'>): SimCall {
    return this.openCall({ ...init, personality: 'clickToDial', state: 'alerting' }, 'originating');
  }

  connect(call: SimCall, eventType: SimEventType): void {
    call.state = 'connected';
    call.answered ??= new Date().toISOString();
    call.recordingState ??= recordingOnConnect(this.recordingMode);
    this.emit(call, eventType);
  }

  endCall(call: SimCall, options: EndCallOptions = {}): void {
    if (!this.calls.has(call.id)) return;
    for (const timer of this.callTimers.get(call.id) ?? []) this.timers.cancel(timer);
    this.callTimers.delete(call.id);
    for (const eventType of options.before ?? []) this.emit(call, eventType);
    const completedElsewhere = options.completedElsewhere ?? false;
    const now = new Date().toISOString();
    if ((options.recordHistory ?? true) && isUnansweredIncoming(call) && !completedElsewhere) {
      this.history.add('missed', call.remote, now);
    }
    const abandoned = call.state === 'alerting' && call.personality === 'clickToDial' ? call.onAbandoned : undefined;
    call.state = 'disconnected';
    call.disconnected = now;
    call.appearance = undefined;
    this.calls.delete(call.id);
    this.emit(call, 'disconnected', completedElsewhere);
    abandoned?.();
    for (const hook of [...this.endHooks]) hook(call);
  }

  /** A timer that dies with the call. */
  scheduleFor(call: SimCall, ms: number, run: () => void): void {
    const handle = this.timers.after(ms, () => {
      const remaining = (this.callTimers.get(call.id) ?? []).filter((h) => h !== handle);
      this.callTimers.set(call.id, remaining);
      if (this.calls.has(call.id)) run();
    });
    this.callTimers.set(call.id, [...(this.callTimers.get(call.id) ?? []), handle]);
  }

  // ---- the user's commands ----

  /**
   * The endpoint a command that starts a call on a line (dial, retrieve, pickup, barge-in) names, or
   * undefined (every device of the line alerts); a line that is not mine is refused first.
   */
  endpointOnLine(endpointId: string | undefined, line: string | undefined): SimEndpoint | undefined {
    requireLine(this.account, line);
    return endpointId === undefined ? undefined : this.resolveEndpoint(endpointId, line);
  }

  dial(destination: string, endpointId: string | undefined, line?: string): SimCall {
    const endpoint = this.endpointOnLine(endpointId, line);
    const remote = this.directory.partyFor(destination);
    this.history.add('placed', remote, new Date().toISOString());
    return this.openCall(
      {
        personality: 'clickToDial',
        state: 'alerting',
        remote,
        endpoint,
        line,
        onAnswered: (call) => this.placeOutgoing(call, destination),
      },
      'originating',
    );
  }

  answer(callId: string, endpointId: string | undefined): void {
    const call = this.require(callId);
    const endpoint = this.resolveEndpoint(endpointId ?? call.alertingOnly, call.line);
    if (call.state !== 'alerting') throw SimRefusal.stateForbids('Answer requires a call that is alerting the user');
    if (call.alertingOnly !== undefined && call.alertingOnly !== endpoint.id) {
      throw SimRefusal.stateForbids('That endpoint is not alerting for this call');
    }
    call.endpoint = { id: endpoint.id, type: endpoint.type };
    // The device goes off-hook first (Webex reports it as 'updated' with the endpoint), then the call changes.
    this.emit(call, 'updated');
    if (call.holdsOthersOnAnswer) this.holdOthers(call);
    if (call.onAnswered) {
      call.onAnswered(call);
      return;
    }
    this.history.add('received', call.remote, new Date().toISOString());
    this.connect(call, 'answered');
  }

  reject(callId: string, action: string | undefined): void {
    const call = this.require(callId);
    if (action !== undefined && !REJECT_ACTIONS.includes(action as RejectActionWire)) {
      throw SimRefusal.invalid(`action must be one of ${REJECT_ACTIONS.join(', ')}`);
    }
    if (!isUnansweredIncoming(call)) throw SimRefusal.stateForbids('Reject requires an unanswered incoming call');
    this.endCall(call);
  }

  /** On an unanswered incoming call this is a reject (busy); otherwise the call ends. */
  hangup(callId: string): void {
    this.endCall(this.require(callId));
  }

  hold(callId: string): void {
    const call = this.require(callId);
    if (call.state !== 'connected') throw SimRefusal.stateForbids('Hold requires a connected call');
    call.state = 'held';
    this.emit(call, 'held');
  }

  resume(callId: string): void {
    const call = this.require(callId);
    if (call.state !== 'held') throw SimRefusal.stateForbids('Resume requires a held call');
    this.holdOthers(call);
    call.state = 'connected';
    this.emit(call, 'resumed');
  }

  divert(callId: string, destination: string | undefined, toVoicemail: boolean): void {
    const call = this.require(callId);
    if (!toVoicemail && destination === undefined) throw SimRefusal.invalid('destination is required unless toVoicemail is true');
    if (!isUnansweredIncoming(call) && !isAnswered(call)) {
      throw SimRefusal.stateForbids('Divert requires an incoming or answered call');
    }
    this.endCall(call, { before: ['forwarded'] });
  }

  mute(callId: string, muted: boolean): void {
    const call = this.require(callId);
    if (!muteCapable(call))
      throw SimRefusal.stateForbids(`${muted ? 'Mute' : 'Unmute'} requires a mute-capable call (muteCapable is false)`);
    call.muted = muted;
    this.emit(call, muted ? 'muted' : 'unmuted');
  }

  transmitDtmf(callId: string | undefined, digits: string): void {
    if (!DTMF_PATTERN.test(digits)) throw SimRefusal.invalid("dtmf must contain only the digits 0-9, *, #, A-D and ',' for a pause");
    const call = this.requireOrOnlyAnswered(callId, 'Transmit DTMF');
    if (call.state !== 'connected') throw SimRefusal.stateForbids('Transmit DTMF requires a connected call');
    this.dtmf.push({ callId: call.id, dtmf: digits });
  }

  recording(control: RecordingControl, callId: string | undefined): void {
    const call = this.requireOrOnlyAnswered(callId, 'Recording');
    if (!isAnswered(call)) throw SimRefusal.stateForbids('Recording controls require an answered call');
    call.recordingState = applyRecordingControl(this.recordingMode, call.recordingState, control);
    this.emit(call, 'updated');
  }

  // ---- what the other side or the scenario does ----

  remoteAnswers(callId: string): void {
    const call = this.require(callId);
    if (call.personality !== 'originator' || call.state !== 'connecting') {
      throw SimRefusal.stateForbids('Only an outgoing call that is connecting can be answered by the far end');
    }
    this.connect(call, 'answered');
  }

  remoteHolds(callId: string): void {
    const call = this.require(callId);
    if (call.state !== 'connected') throw SimRefusal.stateForbids('The remote party can only hold a connected call');
    call.state = 'remoteHeld';
    this.emit(call, 'remoteHeld');
  }

  remoteResumes(callId: string): void {
    const call = this.require(callId);
    if (call.state !== 'remoteHeld') throw SimRefusal.stateForbids('The remote party can only resume a call it holds');
    call.state = 'connected';
    this.emit(call, 'resumed');
  }

  answeredElsewhere(callId: string): void {
    const call = this.require(callId);
    if (call.state !== 'alerting') throw SimRefusal.stateForbids('Only an alerting call can be answered elsewhere');
    this.endCall(call, { completedElsewhere: true });
  }

  setMuteCapable(callId: string, capable: boolean): void {
    const call = this.require(callId);
    call.muteCapableOverride = capable;
    this.emit(call, 'updated');
  }

  /** Ends every call (with events, without history) and forgets everything but the account. */
  reset(recordingMode: RecordingMode): void {
    for (const call of this.list()) this.endCall(call, { recordHistory: false });
    for (const timers of this.callTimers.values()) for (const timer of timers) this.timers.cancel(timer);
    this.callTimers.clear();
    this.history.clear();
    this.dtmf.length = 0;
    this.destinationBehaviours.clear();
    this.recordingMode = recordingMode;
  }

  // ---- internals ----

  /** The user's device places the outgoing call: originator, connecting, far end answers later. */
  private placeOutgoing(call: SimCall, destination: string): void {
    call.personality = 'originator';
    call.state = 'connecting';
    this.emit(call, 'originated');
    const delay = this.farEndWillAnswer(destination);
    if (delay !== undefined) {
      this.scheduleFor(call, delay, () => {
        if (call.state === 'connecting') this.connect(call, 'answered');
      });
    }
  }

  /** Taking another call puts the one in progress on hold, as a phone does; a conference is held as a whole. */
  holdOthers(except: SimCall): void {
    const conference = this.conferenceHooks;
    if (conference?.isParticipant(except)) return;
    let holdConference = false;
    for (const other of this.list()) {
      if (other === except || other.state !== 'connected') continue;
      if (conference?.isParticipant(other)) {
        holdConference = true;
        continue;
      }
      other.state = 'held';
      this.emit(other, 'held');
    }
    if (holdConference) conference?.holdConference();
  }

  private freeAppearance(): number {
    const used = new Set(this.list().map((c) => c.appearance));
    let appearance = 1;
    while (used.has(appearance)) appearance += 1;
    return appearance;
  }
}
