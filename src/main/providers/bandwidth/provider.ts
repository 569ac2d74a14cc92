/**
 * The Bandwidth Catapult v1 backend behind the Provider interface (src/main/provider-api/provider.ts),
 * for one of the user's numbers. Polled: Catapult offers no push channel without a public callback URL
 * (docs/wire/ringcentral-and-bandwidth.md §B4), so a snapshot is ONE list request (newest first, one
 * page; the history may read up to three), plus — only while something is under way — a read of a running gather or of a call's events
 * while audio plays, each at most once per `extraReadMs`. Every request goes through the client's
 * RateGate. With "my phone" set, Answer transfers the caller there with a whisper naming them, and
 * Dial rings my phone first and bridges the callee in once I pick up (click-to-call). Conferences and
 * bridges: conference-book.ts. Commands Catapult has no equivalent for are refused before anything is
 * sent. Must not import core, runtime, a simulator or another provider.
 */
import type {
  Account,
  AnswerEndpoint,
  Call,
  CallTimelineEvent,
  Gather,
  HistoryEntry,
  HistoryType,
  Recording,
} from '../../../shared/domain';
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../shared/contract';
import type { CallSnapshot, Provider } from '../../provider-api/provider';
import { ProviderError, outcomeUnknown } from '../../provider-api/provider-error';
import { actionsFor } from './actions';
import type { BandwidthClient } from './client';
import { type BookCall, ConferenceBook } from './conference-book';
import { checkDestination } from './input-rules';
import { isEnded, toCall, toHistoryEntry, toParty, toRecording } from './mapping';
import type { AudioBody, WireCall } from './wire';

export interface BandwidthProviderOptions {
  client: BandwidthClient;
  userId: string;
  /** The user's Bandwidth number (E.164) that Switchboard places and watches calls on. */
  number: string;
  /** Where the person talks (E.164 or SIP URI), or '' — read at each command, as settings may change. */
  myPhone?: () => string;
  /** Calls read per snapshot: one page, newest first (default 100; Catapult allows up to 1000). */
  pageSize?: number;
  /**
   * Pages of calls the history may read (default 3): the next page only while fewer than half a page of
   * the user's own calls (of the kind asked for) have been found, each page a request in the paced queue.
   */
  historyPages?: number;
  /** The clock (ms) for pacing the extra reads. */
  now?: () => number;
  /** Least time between two extra reads (gather, events) of one call (default 2 s). */
  extraReadMs?: number;
  /** Said once, when something needs the user's attention outside the app (auto-answer on). */
  onNotice?: (message: string) => void;
}

/** People type numbers with spaces and dashes, and SIP addresses without the scheme. */
export function toCatapultDestination(input: string): string {
  const text = input.trim();
  if (/^sips?:/i.test(text)) return text.replace(/^sips:/i, 'sip:');
  if (text.includes('@')) return `sip:${text}`;
  const lower = text.toLowerCase();
  const bare = lower.startsWith('tel:') ? text.slice(4) : text;
  return bare.replace(/[\s().\-\u00a0]/g, '');
}

export const AUTO_ANSWER_NOTICE =
  'Bandwidth answered a call to your number before Switchboard saw it ring: the number’s application has auto-answer on. ' +
  'Turn it off (autoAnswer=false on the application in the Bandwidth dashboard or API) so calls ring here first.';

const NOT_ON_BANDWIDTH: Partial<Record<CallCommand['type'], string>> = {
  hold: 'Bandwidth calls cannot be put on hold: bridge the call and hold the bridge, or hold a conference member.',
  resume: 'Bandwidth calls cannot be put on hold.',
  mute: 'Bandwidth calls cannot be muted from here: mute a conference member instead.',
  unmute: 'Bandwidth calls cannot be muted from here.',
  divert: 'Bandwidth cannot divert a ringing call: answer it and transfer it.',
  toVoicemail: 'Bandwidth has no voicemail to send calls to.',
  attendedTransfer: 'Attended transfer is not available for Bandwidth: bridge the two calls instead.',
  muteTransfer: 'Mute transfer is not available for Bandwidth.',
  park: 'Bandwidth has no call park.',
  retrieve: 'Bandwidth has no call park.',
  pickup: 'Bandwidth has no call pickup.',
  bargeIn: 'Bandwidth has no barge-in.',
  push: 'Bandwidth has no executive push.',
  pauseRecording: 'Bandwidth recordings cannot be paused: stop and start again.',
  resumeRecording: 'Bandwidth recordings cannot be paused: stop and start again.',
  reply: 'Bandwidth cannot answer a call with a message.',
  ignore: 'Bandwidth has no call queues to pass a call on.',
  flip: 'Bandwidth has no call flip: transfer the call to your phone.',
  listen: 'Bandwidth cannot listen to other calls.',
};

/**
 * The tag (docs/wire/ringcentral-and-bandwidth.md §B2: `create_call` takes one, the call resource gives
 * it back) on the legs Switchboard places to my phone for click-to-call: plumbing, never a call the
 * user placed, even after "my phone" changes in settings.
 */
export const MY_PHONE_LEG_TAG = 'switchboard:my-phone';

/** A transfer leg that carries the caller to my phone: shown as the caller's incoming call. */
interface CarriedLeg {
  remote: string | undefined;
}

/** A click-to-call: my phone's leg first, then the callee's, bridged once both answer. */
interface ClickToCall {
  callee: string;
  calleeLeg?: string;
  bridgeId?: string;
  busy: boolean;
}

interface Extra {
  readAt: number;
}

export class BandwidthProvider implements Provider {
  readonly id = 'bandwidth' as const;
  private readonly book = new ConferenceBook();
  private readonly carried = new Map<string, CarriedLeg>();
  /** By my phone's leg id. */
  private readonly clickToCall = new Map<string, ClickToCall>();
  /** Callee legs of click-to-calls: hidden behind my phone's leg. */
  private readonly calleeLegs = new Map<string, string>();
  private readonly gathers = new Map<string, Gather & Extra>();
  private readonly playing = new Map<string, Extra>();
  private readonly answeredHere = new Set<string>();
  private readonly seen = new Set<string>();
  /** The calls as the last snapshot read them (the caller's number for Answer, without another read). */
  private lastRead = new Map<string, WireCall>();
  private baselined = false;
  private noticed = false;

  constructor(private readonly options: BandwidthProviderOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private myPhone(): string | undefined {
    const phone = this.options.myPhone?.().trim();
    return phone ? toCatapultDestination(phone) : undefined;
  }

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    const wires = await this.recentCalls(signal);
    const byId = new Map(wires.map((w) => [w.id, w]));
    this.lastRead = byId;
    this.watchAutoAnswer(wires);
    await this.advanceClickToCalls(byId, signal);

    const visible = wires.filter((w) => !isEnded(w) && !this.calleeLegs.has(w.id) && (this.onMyNumber(w) || this.carried.has(w.id)));
    await this.readExtras(visible, signal);

    const book: BookCall[] = [];
    const calls: Call[] = [];
    for (const wire of visible) {
      const call = this.toDomainCall(wire, byId);
      const joinedTo = this.clickToCall.get(wire.id)?.bridgeId ? undefined : wire.bridgeId;
      const joined = wire.bridgeId !== undefined || wire.conferenceId !== undefined;
      calls.push({ ...call, actions: actionsFor(call, { joined, transferring: wire.state === 'transferring' }) });
      book.push({ call, ...(wire.conferenceId ? { conferenceId: wire.conferenceId } : {}), ...(joinedTo ? { bridgeId: joinedTo } : {}) });
    }
    this.forgetEnded(wires);
    await this.settleDoubts(signal);
    const snapshot: CallSnapshot = { calls, conferences: this.book.toDomain(book, new Date(this.now()).toISOString()) };
    // Said in the status line until a call rings here again (auto-answer was turned off).
    if (this.noticed) snapshot.advisory = AUTO_ANSWER_NOTICE;
    return snapshot;
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    const { client } = this.options;
    switch (command.type) {
      case 'dial':
        return this.dial(toCatapultDestination(command.destination), signal);
      case 'answer':
        return this.answer(command.callId, signal);
      case 'decline':
        await client.reject(command.callId, signal);
        return {};
      case 'hangup':
        await this.hangUp(command.callId, signal);
        return {};
      case 'transfer': {
        const order = {
          to: toCatapultDestination(command.destination),
          ...(command.whisper ? { whisper: { sentence: command.whisper } } : {}),
        };
        const leg = await client.transfer(this.target(command.callId), order, signal);
        return leg ? { callId: leg } : {};
      }
      case 'dtmf':
        await client.sendDtmf(this.target(command.callId), command.digits, signal);
        return {};
      case 'startRecording':
        await client.setRecording(this.target(command.callId), true, signal);
        return {};
      case 'stopRecording':
        await client.setRecording(this.target(command.callId), false, signal);
        return {};
      case 'speak':
        await this.play(command.callId, speech(command), signal);
        return {};
      case 'playAudio':
        await this.play(
          command.callId,
          { fileUrl: command.url, ...(command.loop === undefined ? {} : { loopEnabled: command.loop }) },
          signal,
        );
        return {};
      case 'stopAudio':
        await client.stopAudio(this.target(command.callId), signal);
        this.playing.delete(command.callId);
        return {};
      case 'gather': {
        const gatherId = await client.createGather(
          this.target(command.callId),
          {
            ...(command.maxDigits === undefined ? {} : { maxDigits: command.maxDigits }),
            ...(command.terminatingDigits === undefined ? {} : { terminatingDigits: command.terminatingDigits }),
            ...(command.timeoutSeconds === undefined ? {} : { interDigitTimeout: command.timeoutSeconds }),
            ...(command.prompt ? { prompt: { sentence: command.prompt } } : {}),
          },
          signal,
        );
        this.gathers.set(command.callId, { id: gatherId, state: 'collecting', readAt: this.now() });
        return { gatherId };
      }
      default:
        throw new ProviderError({ code: 'NOT_ALLOWED', message: NOT_ON_BANDWIDTH[command.type] ?? 'Bandwidth cannot do that.' });
    }
  }

  async executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void> {
    const { client } = this.options;
    switch (command.type) {
      case 'startConference': {
        const id = await client.createConference({ from: this.options.number }, signal);
        this.book.addConference(id, new Date(this.now()).toISOString());
        return;
      }
      case 'merge':
      case 'bridge': {
        const callIds = command.callIds ?? [];
        if (callIds.length !== 2)
          throw new ProviderError({ code: 'NOT_ALLOWED', message: 'Bandwidth bridges join exactly two calls: choose two.' });
        const id = await client.createBridge({ callIds: callIds.map((c) => this.target(c)), bridgeAudio: true }, signal);
        this.book.addBridge(id, new Date(this.now()).toISOString());
        return;
      }
      default:
        break;
    }
    const conferenceId = command.conferenceId;
    if (this.book.isBridge(conferenceId)) return this.bridgeCommand(command, conferenceId, signal);
    if (!this.book.hasConference(conferenceId))
      throw new ProviderError({ code: 'NOT_FOUND', message: 'That conference is not in progress: it may have ended.' });
    switch (command.type) {
      case 'dialIntoConference': {
        const callId = await client.createCall(
          { from: this.options.number, to: checkDestination(toCatapultDestination(command.destination)), conferenceId },
          signal,
        );
        const memberId = await client.addMember(conferenceId, { callId, joinTone: true, leavingTone: true }, signal);
        this.book.addMember(conferenceId, callId, memberId);
        return;
      }
      case 'muteParticipant':
      case 'unmuteParticipant': {
        const mute = command.type === 'muteParticipant';
        await this.inDoubtAfterLoss(client.updateMember(conferenceId, this.member(conferenceId, command.callId), { mute }, signal), () =>
          this.book.doubtMember(conferenceId, command.callId),
        );
        this.book.setMember(conferenceId, command.callId, { muted: mute });
        return;
      }
      case 'holdParticipant':
      case 'resumeParticipant': {
        const hold = command.type === 'holdParticipant';
        await this.inDoubtAfterLoss(client.updateMember(conferenceId, this.member(conferenceId, command.callId), { hold }, signal), () =>
          this.book.doubtMember(conferenceId, command.callId),
        );
        this.book.setMember(conferenceId, command.callId, { held: hold });
        return;
      }
      case 'removeParticipant':
        await client.removeMember(conferenceId, this.member(conferenceId, command.callId), signal);
        this.book.dropMember(conferenceId, command.callId);
        return;
      case 'speakToConference':
      case 'playToConference': {
        const audio: AudioBody = command.type === 'speakToConference' ? speech(command) : { fileUrl: command.url };
        if (command.callId === undefined) await client.playAudioToConference(conferenceId, audio, signal);
        else await client.playAudioToMember(conferenceId, this.member(conferenceId, command.callId), audio, signal);
        return;
      }
      case 'release':
        await client.endConference(conferenceId, signal);
        this.book.dropConference(conferenceId);
        return;
      default:
        throw new ProviderError({
          code: 'NOT_ALLOWED',
          message: 'Bandwidth conferences cannot do that: mute, hold or remove one member instead.',
        });
    }
  }

  /**
   * The user's calls, newest first: the number's calls without Switchboard's helper legs. Catapult lists
   * every call of the account, helper legs and other numbers' calls included, so a page may hold few of
   * the user's: the next page is read (up to `historyPages`) while fewer than half a page were found.
   */
  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    const size = this.options.pageSize ?? 100;
    const wanted = Math.ceil(size / 2);
    const wires = await this.options.client.listCalls(
      { size, sortOrder: 'desc' },
      { maxPages: Math.max(1, this.options.historyPages ?? 3), more: (soFar) => this.historyOf(soFar, type).length < wanted },
    );
    return this.historyOf(wires, type);
  }

  private historyOf(wires: readonly WireCall[], type: HistoryType | undefined): HistoryEntry[] {
    const phone = this.myPhone();
    const listed = new Set<string>();
    const entries: HistoryEntry[] = [];
    for (const wire of wires) {
      // A call that moved to the next page while the pages were read is listed once.
      if (listed.has(wire.id) || !this.onMyNumber(wire) || this.isHelperLeg(wire, phone)) continue;
      listed.add(wire.id);
      const entry = toHistoryEntry(wire);
      if (entry && (type === undefined || entry.type === type)) entries.push(entry);
    }
    return entries;
  }

  /** My phone's own legs (click-to-call) are plumbing, not calls I placed: tagged, or (placed untagged) to my phone. */
  private isHelperLeg(wire: WireCall, phone: string | undefined): boolean {
    if (wire.tag === MY_PHONE_LEG_TAG) return true;
    return wire.direction === 'out' && phone !== undefined && wire.to === phone;
  }

  async account(): Promise<Account> {
    return {
      provider: 'bandwidth',
      personId: this.options.userId,
      displayName: `Bandwidth ${this.options.number}`,
      primaryNumber: this.options.number,
    };
  }

  /** Catapult v1 answers on the number itself: there is no device to choose. */
  async answerEndpoints(): Promise<AnswerEndpoint[]> {
    return [];
  }

  async recordings(callId: string): Promise<Recording[]> {
    const { client } = this.options;
    const wires = await client.callRecordings(this.target(callId));
    const result: Recording[] = [];
    for (const wire of wires) {
      const recording = toRecording(wire, callId);
      if (wire.state === 'complete') {
        const [latest] = (await client.transcriptions(wire.id)).slice(-1);
        if (latest) {
          const state = latest.state === 'completed' ? 'completed' : latest.state === 'error' ? 'error' : 'pending';
          recording.transcription = { id: latest.id, state, ...(latest.text ? { text: latest.text } : {}) };
        }
      }
      result.push(recording);
    }
    return result;
  }

  async requestTranscription(recordingId: string): Promise<void> {
    await this.options.client.requestTranscription(recordingId);
  }

  async timeline(callId: string): Promise<CallTimelineEvent[]> {
    const events = await this.options.client.callEvents(this.target(callId));
    return events.map((e) => ({ time: e.time ?? '', name: e.name, ...(e.data ? { detail: e.data } : {}) }));
  }

  // ── Calls ──

  private async dial(destination: string, signal?: AbortSignal): Promise<CommandOutcome> {
    const { client, number } = this.options;
    const phone = this.myPhone();
    const callee = checkDestination(destination);
    if (!phone) return { callId: await client.createCall({ from: number, to: callee }, signal) };
    const myLeg = await client.createCall({ from: number, to: phone, tag: MY_PHONE_LEG_TAG }, signal);
    this.clickToCall.set(myLeg, { callee, busy: false });
    return { callId: myLeg };
  }

  private async answer(callId: string, signal?: AbortSignal): Promise<CommandOutcome> {
    const { client } = this.options;
    await client.answer(callId, signal);
    this.answeredHere.add(callId);
    const phone = this.myPhone();
    if (!phone) return {};
    const caller = (this.lastRead.get(callId) ?? (await client.getCall(callId, signal))).from;
    const party = toParty(caller);
    const whisper = `Call from ${party.number ? spoken(party.number) : 'a withheld number'}.`;
    const callerId = caller && /^\+[1-9]\d{6,14}$/.test(caller) ? caller : undefined;
    const leg = await client.transfer(callId, { to: phone, whisper: { sentence: whisper }, ...(callerId ? { callerId } : {}) }, signal);
    if (leg) this.carried.set(leg, { remote: caller });
    return leg ? { callId: leg } : {};
  }

  private async hangUp(callId: string, signal?: AbortSignal): Promise<void> {
    const { client } = this.options;
    const c2c = this.clickToCall.get(callId);
    await client.hangUp(callId, signal);
    if (c2c?.calleeLeg) await client.hangUp(c2c.calleeLeg, signal).catch(() => undefined);
  }

  private async play(callId: string, audio: AudioBody, signal?: AbortSignal): Promise<void> {
    await this.options.client.playAudio(this.target(callId), audio, signal);
    this.playing.set(callId, { readAt: this.now() });
  }

  /** The leg a call command acts on: a click-to-call's callee once there is one, else the call itself. */
  private target(callId: string): string {
    return this.clickToCall.get(callId)?.calleeLeg ?? callId;
  }

  private member(conferenceId: string, callId: string): string {
    const memberId = this.book.memberId(conferenceId, callId);
    if (!memberId) throw new ProviderError({ code: 'NOT_FOUND', message: 'That call is not a member of the conference.' });
    return memberId;
  }

  /**
   * A change whose answer was lost (timeout, reset, 5xx) may have been applied: `doubt` marks what it
   * changed, so the re-read that follows (the core's, after an unknown outcome) asks Catapult instead
   * of showing what the book last knew.
   */
  private async inDoubtAfterLoss(change: Promise<void>, doubt: () => void): Promise<void> {
    try {
      await change;
    } catch (error) {
      if (outcomeUnknown(error)) doubt();
      throw error;
    }
  }

  /**
   * Reads back the bridges and members a lost answer left in doubt. A failed read leaves the doubt for the
   * next one; one Catapult answers "not found" ends it (nothing left to read back), or every poll would
   * spend a request of the paced queue on it.
   */
  private async settleDoubts(signal?: AbortSignal): Promise<void> {
    const { client } = this.options;
    const { bridges, members } = this.book.doubts();
    for (const id of bridges) {
      const wire = await client.getBridge(id, signal).catch((error: unknown) => (isNotFound(error) ? null : undefined));
      if (wire === null) this.book.forgetBridgeDoubt(id);
      else if (wire) this.book.setBridgeAudio(id, wire.bridgeAudio ?? wire.state !== 'hold');
    }
    for (const { conferenceId, callId, memberId } of members) {
      const wire = await client.member(conferenceId, memberId, signal).catch((error: unknown) => (isNotFound(error) ? null : undefined));
      if (wire === null) this.book.dropMember(conferenceId, callId);
      else if (wire) this.book.setMember(conferenceId, callId, { muted: wire.mute ?? false, held: wire.hold ?? false });
    }
  }

  private async bridgeCommand(command: ConferenceCommand, bridgeId: string, signal?: AbortSignal): Promise<void> {
    const { client } = this.options;
    switch (command.type) {
      case 'holdConference':
      case 'resumeConference': {
        const audio = command.type === 'resumeConference';
        await this.inDoubtAfterLoss(client.updateBridge(bridgeId, { bridgeAudio: audio }, signal), () => this.book.doubtBridge(bridgeId));
        this.book.setBridgeAudio(bridgeId, audio);
        return;
      }
      case 'release':
        await client.updateBridge(bridgeId, { callIds: [] }, signal);
        this.book.dropBridge(bridgeId);
        return;
      case 'speakToConference':
        await client.playAudioToBridge(bridgeId, speech(command), signal);
        return;
      case 'playToConference':
        await client.playAudioToBridge(bridgeId, { fileUrl: command.url }, signal);
        return;
      default:
        throw new ProviderError({ code: 'NOT_ALLOWED', message: 'A bridge can be held, resumed, spoken into or released.' });
    }
  }

  // ── Reading ──

  private toDomainCall(wire: WireCall, byId: Map<string, WireCall>): Call {
    let call = toCall(wire, this.options.number);
    const carried = this.carried.get(wire.id);
    if (carried) call = { ...call, direction: 'incoming', remote: toParty(carried.remote) };
    const c2c = this.clickToCall.get(wire.id);
    if (c2c) {
      const callee = c2c.calleeLeg ? byId.get(c2c.calleeLeg) : undefined;
      const connected = callee?.state === 'active' && wire.state === 'active';
      call = { ...call, remote: toParty(c2c.callee), state: connected ? 'connected' : isEnded(wire) ? 'disconnected' : 'connecting' };
      if (callee?.recordingEnabled && connected) call.recording = 'started';
      else delete call.recording;
    }
    const gather = this.gathers.get(wire.id);
    if (gather) call.gather = { id: gather.id, state: gather.state, ...(gather.digits === undefined ? {} : { digits: gather.digits }) };
    if (this.playing.has(wire.id)) call.playing = true;
    return call;
  }

  /** A running gather's digits and whether audio still plays: read only while under way, paced per call. */
  private async readExtras(visible: readonly WireCall[], signal?: AbortSignal): Promise<void> {
    const { client } = this.options;
    const due = (extra: Extra): boolean => this.now() - extra.readAt >= (this.options.extraReadMs ?? 2_000);
    for (const wire of visible) {
      const gather = this.gathers.get(wire.id);
      if (gather?.state === 'collecting' && due(gather)) {
        gather.readAt = this.now();
        const read = await client.getGather(this.target(wire.id), gather.id, signal).catch(() => undefined);
        if (read?.state === 'completed')
          this.gathers.set(wire.id, {
            id: gather.id,
            state: 'completed',
            readAt: this.now(),
            ...(read.digits ? { digits: read.digits } : {}),
          });
      }
      const playing = this.playing.get(wire.id);
      if (playing && due(playing)) {
        playing.readAt = this.now();
        const events = await client.callEvents(this.target(wire.id), signal).catch(() => undefined);
        const last = events?.filter((e) => e.name === 'speak' || e.name === 'playback').at(-1);
        if (last && (last.data === 'done' || last.data === 'stop' || last.data === 'PLAYBACK_STOP')) this.playing.delete(wire.id);
      }
    }
  }

  /** Click-to-call: once my phone answers, call the callee; once both answer, bridge them; one leg ending ends the other. */
  private async advanceClickToCalls(byId: Map<string, WireCall>, signal?: AbortSignal): Promise<void> {
    const { client, number } = this.options;
    for (const [myLeg, c2c] of this.clickToCall) {
      const mine = byId.get(myLeg);
      const callee = c2c.calleeLeg ? byId.get(c2c.calleeLeg) : undefined;
      if (c2c.busy || !mine) continue;
      c2c.busy = true;
      try {
        if (isEnded(mine)) {
          if (callee && !isEnded(callee)) await client.hangUp(callee.id, signal).catch(() => undefined);
          this.clickToCall.delete(myLeg);
          if (c2c.calleeLeg) this.calleeLegs.delete(c2c.calleeLeg);
        } else if (callee && isEnded(callee)) {
          await client.hangUp(myLeg, signal).catch(() => undefined);
        } else if (mine.state === 'active' && !c2c.calleeLeg) {
          c2c.calleeLeg = await client.createCall({ from: number, to: c2c.callee }, signal);
          this.calleeLegs.set(c2c.calleeLeg, myLeg);
        } else if (mine.state === 'active' && callee?.state === 'active' && !c2c.bridgeId) {
          c2c.bridgeId = await client.createBridge({ callIds: [myLeg, callee.id], bridgeAudio: true }, signal);
          this.book.addBridge(c2c.bridgeId, new Date(this.now()).toISOString(), true);
        }
      } finally {
        c2c.busy = false;
      }
    }
  }

  /**
   * An inbound call first seen already answered, not by us, within a moment of its start: Catapult
   * answered it itself (auto-answer on). Said once. Calls up before the first read are not judged.
   */
  private watchAutoAnswer(wires: readonly WireCall[]): void {
    for (const wire of wires) {
      if (wire.direction !== 'in' || !this.onMyNumber(wire)) continue;
      if (wire.state === 'started') this.noticed = false;
      const first = !this.seen.has(wire.id);
      this.seen.add(wire.id);
      if (!this.baselined || !first || this.noticed || wire.state !== 'active' || this.answeredHere.has(wire.id)) continue;
      const ringFor = Date.parse(wire.activeTime ?? '') - Date.parse(wire.startTime ?? '');
      if (Number.isFinite(ringFor) && ringFor > 2_000) continue;
      this.noticed = true;
      this.options.onNotice?.(AUTO_ANSWER_NOTICE);
    }
    this.baselined = true;
  }

  private forgetEnded(wires: readonly WireCall[]): void {
    for (const wire of wires) {
      if (!isEnded(wire)) continue;
      this.gathers.delete(wire.id);
      this.playing.delete(wire.id);
    }
  }

  private recentCalls(signal?: AbortSignal): Promise<WireCall[]> {
    return this.options.client.listCalls({ size: this.options.pageSize ?? 100, sortOrder: 'desc' }, { maxPages: 1, signal });
  }

  private onMyNumber(wire: WireCall): boolean {
    return (wire.direction === 'in' ? wire.to : wire.from) === this.options.number;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof ProviderError && error.code === 'NOT_FOUND';
}

function speech(command: { sentence: string; gender?: 'female' | 'male'; locale?: string; voice?: string }): AudioBody {
  return {
    sentence: command.sentence,
    ...(command.gender ? { gender: command.gender } : {}),
    ...(command.locale ? { locale: command.locale } : {}),
    ...(command.voice ? { voice: command.voice } : {}),
  };
}

/** A number read out digit by digit, so the voice does not say "nineteen billion…". */
function spoken(number: string): string {
  return number.replace(/^\+/, 'plus ').replace(/(\d)(?=\d)/g, '$1 ');
}
