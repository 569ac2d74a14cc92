/**
 * The RingCentral Provider: reads the user's calls (presence with detailed telephony state, then each
 * session), account, devices and the call log (history, §A6), and turns each CallCommand or
 * ConferenceCommand into the Call Control requests that carry it out (docs/wire/ringcentral-and-bandwidth.md
 * §A2, §A4). It remembers, per
 * session, the user's party and what it last saw, so a command addresses the right party and a live
 * event (which carries only the user's parties) maps to the same Call as a full read. Conference-origin
 * sessions are conferences (conference-mapping.ts), not calls. Commands RingCentral Call Control has no
 * request for are refused with NOT_ALLOWED before anything is sent. Must not import electron; knows
 * nothing of polling, the call store or the UI (its live feed is push-channel.ts).
 */
import type { CallCommand, CommandOutcome, ConferenceCommand } from '../../../shared/contract';
import type { Account, AnswerEndpoint, Call, Conference, HistoryEntry, HistoryType } from '../../../shared/domain';
import { normalizeDestination } from '../../../shared/dial-string';
import type { CallSnapshot, Provider, PushChannel, PushUpdate } from '../../provider-api/provider';
import { outcomeUnknown, ProviderError } from '../../provider-api/provider-error';
import type { RingCentralClient } from './client';
import { isQueueCall } from './actions';
import { toHistoryEntry } from './call-log';
import { chooseDevice, toAnswerEndpoints } from './devices';
import { ConferenceBook } from './conference-mapping';
import { type MappedCall, type Me, type SessionLike, myParty, toCall } from './mapping';
import type { CallOutBody, ForwardTarget, ReplyBody, WireParty, WireSessionEvent } from './wire';
import { isAnswered } from '../../../shared/call-states';

export interface RingCentralProviderOptions {
  /** The device to ring and answer on when a command names none (the user's choice in settings). */
  deviceId?: () => string | undefined;
  /** The clock for first-seen and answered times (default Date.now). */
  now?: () => number;
}

/** How far back the history reaches, and how many calls it shows at most (RingCentral allows 1000 a page). */
const HISTORY_DAYS = 7;
const HISTORY_SIZE = 100;

interface Known {
  createdAt: string;
  answeredAt?: string;
  partyId: string;
  party: WireParty;
  origin?: SessionLike['origin'];
  /** The Call as last mapped (before merge/add-to-conference are decided). */
  call: Call;
}

/**
 * A short run of digits without "+" is an extension number, anything else a phone number. RingCentral
 * extension numbers are at most 6 digits in practice; the reference names no rule.
 */
function target(destination: string): { phoneNumber: string } | { extensionNumber: string } {
  const normalized = normalizeDestination(destination);
  if (!normalized.ok) throw new ProviderError({ code: 'BAD_INPUT', message: normalized.error.message });
  const value = normalized.value;
  if (value.includes('@'))
    throw new ProviderError({ code: 'BAD_INPUT', message: 'RingCentral Call Control dials numbers and extensions, not addresses.' });
  return /^\d{1,6}$/.test(value) ? { extensionNumber: value } : { phoneNumber: value };
}

/** The contract gives a message or a pattern (exactly one); RingCentral takes the same two shapes. */
function replyBody(command: Extract<CallCommand, { type: 'reply' }>): ReplyBody {
  if (command.text !== undefined) return { replyWithText: command.text };
  const given = command.pattern;
  if (!given) throw new ProviderError({ code: 'BAD_INPUT', message: 'Write a message or choose a ready-made reply.' });
  const pattern: Extract<ReplyBody, { replyWithPattern: unknown }>['replyWithPattern'] = { pattern: given.pattern };
  if (given.time !== undefined) pattern.time = given.time;
  if (given.timeUnit !== undefined) pattern.timeUnit = given.timeUnit;
  return { replyWithPattern: pattern };
}

function unsupported(what: string): ProviderError {
  return new ProviderError({ code: 'NOT_ALLOWED', message: `RingCentral Call Control cannot ${what}.` });
}

export class RingCentralProvider implements Provider {
  readonly id = 'ringcentral' as const;
  /** Live updates over RingCentral's WebSocket (push-channel.ts), attached by index.ts. */
  push?: PushChannel;
  private me: Me | undefined;
  private readonly known = new Map<string, Known>();
  private readonly conferenceBook = new ConferenceBook();
  /** Calls parked from here, by orbit: RingCentral picks up a parked call by its session and party, not its orbit. */
  private readonly parked = new Map<string, { sid: string; pid: string }>();
  private readonly now: () => number;

  constructor(
    private readonly client: RingCentralClient,
    private readonly options: RingCentralProviderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  private async whoAmI(signal?: AbortSignal): Promise<Me> {
    if (!this.me) this.me = { extensionId: (await this.client.me({ signal })).id };
    return this.me;
  }

  /** Maps a session (full or from an event) and updates the memory of it. */
  private remember(session: SessionLike, me: Me): MappedCall | undefined {
    const before = this.known.get(session.id);
    const nowIso = new Date(this.now()).toISOString();
    const mapped = toCall({ ...session, origin: session.origin ?? before?.origin }, me, {
      createdAt: before?.createdAt,
      answeredAt: before?.answeredAt,
      now: nowIso,
    });
    if (!mapped) return undefined;
    const party = myParty(session, me);
    if (!party) return undefined;
    if (mapped.call.state === 'disconnected') {
      this.known.delete(session.id);
      return mapped;
    }
    // Up again (retrieved, or a park that never happened): it waits in no orbit.
    for (const [orbit, where] of this.parked) if (where.sid === session.id) this.parked.delete(orbit);
    this.known.set(session.id, {
      createdAt: mapped.call.createdAt,
      answeredAt: isAnswered(mapped.call) ? (mapped.call.answeredAt ?? nowIso) : undefined,
      partyId: mapped.partyId,
      party,
      origin: session.origin ?? before?.origin,
      call: mapped.call,
    });
    return mapped;
  }

  /** A call that can join a conference: answered or held, not a Listen session. */
  private joinable(known: Known): boolean {
    return isAnswered(known.call) && known.party.status.reason !== 'Supervising';
  }

  /** Merge (two or more joinable calls) and Add to conference (a conference is up) depend on the other calls. */
  private decorate(call: Call): Call {
    const known = this.known.get(call.id);
    if (!known || !this.joinable(known)) return call;
    const joinable = [...this.known.values()].filter((k) => this.joinable(k)).length;
    const extra: Call['actions'] = [];
    if (joinable >= 2) extra.push('merge');
    if (this.conferenceBook.hasLive()) extra.push('addToConference');
    return extra.length === 0 ? call : { ...call, actions: [...call.actions, ...extra] };
  }

  private joinState(): string {
    const joinable = [...this.known.values()].filter((k) => this.joinable(k)).length;
    return `${Math.min(joinable, 2)}:${this.conferenceBook.hasLive()}`;
  }

  /** The conferences in progress (Conference-origin sessions with live parties). */
  conferences(): Conference[] {
    return this.conferenceBook.list();
  }

  async snapshot(signal?: AbortSignal): Promise<CallSnapshot> {
    const me = await this.whoAmI(signal);
    // Paced: while push is down the core polls this, and RingCentral's Light limit must leave room for commands.
    const presence = await this.client.presence({ signal, paced: true });
    const ids = [...new Set(presence.activeCalls.map((c) => c.telephonySessionId))];
    const calls: Call[] = [];
    for (const sid of ids) {
      let session;
      try {
        session = await this.client.session(sid, { signal, paced: true });
      } catch (error) {
        // Ended between the presence read and this one.
        if (error instanceof ProviderError && error.code === 'NOT_FOUND') continue;
        throw error;
      }
      if (session.origin?.type === 'Conference') {
        this.conferenceBook.replace(session);
        continue;
      }
      const mapped = this.remember(session, me);
      if (mapped && mapped.call.state !== 'disconnected') calls.push(mapped.call);
    }
    for (const sid of [...this.known.keys()]) if (!ids.includes(sid)) this.known.delete(sid);
    this.conferenceBook.keepOnly(ids);
    return { calls: calls.map((call) => this.decorate(call)), conferences: this.conferences() };
  }

  /**
   * What one live event changes, as PushUpdates: the call it describes (or its end), the conferences
   * when it is about a conference session, and the other calls whose Merge / Add to conference changed.
   */
  async updatesFromEvent(event: WireSessionEvent): Promise<PushUpdate[]> {
    if (event.origin?.type === 'Conference' || this.conferenceBook.has(event.telephonySessionId)) {
      this.conferenceBook.apply(event);
      return [{ kind: 'conferencesChanged', conferences: this.conferences() }, ...this.redecorated(undefined)];
    }
    const before = this.joinState();
    const mapped = await this.callFromEvent(event);
    if (!mapped) return [];
    const id = mapped.call.id;
    const first: PushUpdate =
      mapped.call.state === 'disconnected'
        ? { kind: 'callRemoved', callId: id }
        : { kind: 'callUpdated', call: this.decorate(mapped.call) };
    const rest = before === this.joinState() ? [] : this.redecorated(id);
    // Brought into a conference: the call's party is Gone with the conference party as its peer (§A3),
    // and that participant is now listed under this call's id.
    const peer = myParty({ parties: event.parties }, await this.whoAmI())?.status.peerId;
    if (peer?.telephonySessionId !== undefined && peer.partyId !== undefined && this.conferenceBook.has(peer.telephonySessionId)) {
      this.conferenceBook.link(peer.partyId, id);
      rest.push({ kind: 'conferencesChanged', conferences: this.conferences() });
    }
    return [first, ...rest];
  }

  /** Every known call but `except`, with Merge / Add to conference decided afresh. */
  private redecorated(except: string | undefined): PushUpdate[] {
    return [...this.known.values()]
      .filter((k) => k.call.id !== except && k.call.state !== 'disconnected')
      .map((k) => ({ kind: 'callUpdated' as const, call: this.decorate(k.call) }));
  }

  /**
   * A live event from the subscription (subscription.ts) as the Call it now describes; undefined when
   * it is not one of the user's calls. A disconnected Call means the call ended.
   */
  async callFromEvent(event: WireSessionEvent): Promise<MappedCall | undefined> {
    const me = await this.whoAmI();
    const before = this.known.get(event.telephonySessionId);
    // An event lists only the parties that changed: keep the user's last known party when this one is about another.
    const parties =
      event.parties.some((p) => p.extensionId === me.extensionId) || !before ? event.parties : [before.party, ...event.parties];
    return this.remember(
      { id: event.telephonySessionId, origin: event.origin, creationTime: before?.createdAt ?? event.eventTime, parties },
      me,
    );
  }

  /** The user's party in the session: from memory, else read once. */
  private async party(sid: string, signal?: AbortSignal): Promise<WireParty> {
    const known = this.known.get(sid);
    if (known) return known.party;
    const me = await this.whoAmI(signal);
    const session = await this.client.session(sid, { signal });
    this.remember(session, me);
    const party = myParty(session, me);
    if (!party) throw new ProviderError({ code: 'NOT_FOUND', message: 'RingCentral refused: this call is not one of yours any more.' });
    return party;
  }

  /** A command's answer is the party as it now is: keep it (status, recordings) for the next command. */
  private noteParty(sid: string, party: WireParty): void {
    const known = this.known.get(sid);
    if (known && known.partyId === party.id) known.party = party;
  }

  private async device(given: string | undefined, signal?: AbortSignal): Promise<string> {
    if (given) return given;
    return chooseDevice(await this.client.devices({ signal }), this.options.deviceId?.()).id;
  }

  private async recordingId(sid: string, party: WireParty, signal?: AbortSignal): Promise<string> {
    const fresh = party.recordings.length > 0 ? party : await this.client.party(sid, party.id, { signal });
    const recording = fresh.recordings[0];
    if (!recording) throw new ProviderError({ code: 'NOT_ALLOWED', message: 'RingCentral refused: this call is not being recorded.' });
    return String(recording.id);
  }

  async execute(command: CallCommand, signal?: AbortSignal): Promise<CommandOutcome> {
    const via = { signal };
    if (command.type === 'dial') {
      const to: CallOutBody['to'] = target(command.destination);
      const session = await this.client.callOut(await this.device(command.endpointId, signal), to, via);
      const me = await this.whoAmI(signal);
      this.remember(session, me);
      return { callId: session.id };
    }
    switch (command.type) {
      case 'attendedTransfer':
        throw unsupported('complete an attended transfer (bridge the calls instead)');
      case 'retrieve':
        return this.retrieve(command.destination, command.endpointId, signal);
      case 'pickup':
        throw unsupported("pick up a colleague's ringing call (only a parked call can be picked up: Retrieve)");
      case 'bargeIn':
        throw unsupported('barge in; supervise the call instead');
      case 'push':
        throw unsupported('push a call to another device; flip it instead');
      case 'dtmf':
        throw unsupported('send tones');
      case 'muteTransfer':
        throw unsupported('transfer once the destination answers');
      case 'stopRecording':
        throw unsupported('stop a recording (pause it instead)');
      case 'listen':
        return this.listen(command.target, command.endpointId, signal);
      case 'speak':
      case 'playAudio':
      case 'stopAudio':
      case 'gather':
        throw unsupported('play or collect audio in a call');
      default:
        break;
    }
    const sid = command.callId;
    const party = await this.party(sid, signal);
    const pid = party.id;
    switch (command.type) {
      case 'answer':
        this.noteParty(sid, await this.client.answer(sid, pid, await this.device(command.endpointId, signal), via));
        return {};
      case 'decline':
        if (command.reason === 'ignore' && isQueueCall(party))
          await this.client.ignore(sid, pid, await this.device(undefined, signal), via);
        else await this.client.reject(sid, pid, via);
        return {};
      case 'ignore':
        if (!isQueueCall(party))
          throw new ProviderError({ code: 'NOT_ALLOWED', message: 'Only a call-queue call can be ignored: decline this call instead.' });
        await this.client.ignore(sid, pid, await this.device(undefined, signal), via);
        return {};
      case 'reply':
        await this.client.reply(sid, pid, replyBody(command), via);
        return {};
      case 'flip':
        await this.client.flip(sid, pid, command.flipId.startsWith('*') ? command.flipId : `*${command.flipId}`, via);
        return {};
      case 'hangup':
        // Listening in: leave the colleague's call, never drop it (DELETE the supervising party, §A2).
        if (party.status.reason === 'Supervising') await this.client.deleteParty(sid, pid, via);
        else await this.client.dropSession(sid, via);
        return {};
      case 'hold':
        this.noteParty(sid, await this.client.hold(sid, pid, undefined, via));
        return {};
      case 'resume':
        this.noteParty(sid, await this.client.unhold(sid, pid, via));
        return {};
      case 'divert':
        await this.client.forward(sid, pid, target(command.destination) as ForwardTarget, via);
        return {};
      case 'toVoicemail': {
        const voicemail = command.destination === undefined ? (await this.whoAmI(signal)).extensionId : command.destination;
        const ringing = party.status.code === 'Setup' || party.status.code === 'Proceeding';
        if (ringing) await this.client.forward(sid, pid, { voicemail }, via);
        else await this.client.transfer(sid, pid, { voicemail }, via);
        return {};
      }
      case 'transfer':
        await this.client.transfer(sid, pid, target(command.destination), via);
        return {};
      case 'park': {
        let parked: WireParty;
        try {
          parked =
            command.destination === undefined
              ? await this.client.park(sid, pid, via)
              : await this.client.transfer(sid, pid, { parkOrbit: command.destination }, via);
        } catch (error) {
          // The answer was lost, so the orbit is unknown, but RingCentral may have parked the call: Retrieve
          // must still find it (a pickup names the session and party; the call's reappearing forgets it).
          if (outcomeUnknown(error)) this.parked.set(command.destination ?? `the call ${sid}`, { sid, pid });
          throw error;
        }
        const orbit = parked.park?.id ?? command.destination;
        if (orbit) this.parked.set(orbit, { sid, pid: parked.id });
        return orbit ? { parkedAt: { number: orbit, privacy: false } } : {};
      }
      case 'mute':
      case 'unmute':
        this.noteParty(sid, await this.client.updateParty(sid, pid, { muted: command.type === 'mute' }, via));
        return {};
      case 'startRecording':
        await this.client.startRecording(sid, pid, via);
        return {};
      case 'pauseRecording':
      case 'resumeRecording':
        await this.client.setRecording(sid, pid, await this.recordingId(sid, party, signal), command.type === 'resumeRecording', via);
        return {};
      default:
        throw unsupported('do this');
    }
  }

  /** Takes a call parked from here back onto the chosen device (§A2 pickup); without an orbit, the one parked last. */
  private async retrieve(orbit: string | undefined, endpointId: string | undefined, signal?: AbortSignal): Promise<CommandOutcome> {
    const key = orbit ?? [...this.parked.keys()].at(-1);
    const where = key === undefined ? undefined : this.parked.get(key);
    if (key === undefined || !where) {
      throw new ProviderError({
        code: 'NOT_FOUND',
        message: orbit ? `No call parked from Switchboard waits at ${orbit}.` : 'No call parked from Switchboard is waiting.',
      });
    }
    const device = await this.device(endpointId, signal);
    let picked: WireParty;
    try {
      picked = await this.client.pickup(where.sid, where.pid, device, { signal });
    } catch (error) {
      // Forgotten only when RingCentral says the call is not there: after a lost answer, a rate limit or
      // a device it refused (400) the call still waits in its orbit, and Retrieve pressed again must find it.
      // A call picked up elsewhere is forgotten when it shows up again (remember).
      if (error instanceof ProviderError && error.code === 'NOT_FOUND') this.parked.delete(key);
      throw error;
    }
    this.parked.delete(key);
    this.remember({ id: where.sid, parties: [picked] }, await this.whoAmI(signal));
    return { callId: where.sid };
  }

  /**
   * Listen to a colleague's call: find the colleague by extension number, their answered call through
   * their presence (detailed telephony state), then supervise it on the chosen device (§A2 supervise).
   */
  private async listen(target: string, endpointId: string | undefined, signal?: AbortSignal): Promise<CommandOutcome> {
    const colleague = await this.client.extensionByNumber(target, { signal });
    if (!colleague) throw new ProviderError({ code: 'NOT_FOUND', message: `RingCentral has no extension ${target} in this account.` });
    const presence = await this.client.presenceOf(colleague.id, { signal });
    const call =
      presence.activeCalls.find((c) => c.telephonyStatus === 'CallConnected') ??
      presence.activeCalls.find((c) => c.telephonyStatus !== 'Ringing');
    if (!call) throw new ProviderError({ code: 'NOT_ALLOWED', message: `Extension ${target} is not on a call right now.` });
    const device = await this.device(endpointId, signal);
    const party = await this.client.superviseSession(
      call.telephonySessionId,
      { mode: 'Listen', supervisorDeviceId: device, agentExtensionId: colleague.id, autoAnswer: true, mediaSDP: 'sendOnly' },
      { signal },
    );
    const me = await this.whoAmI(signal);
    this.remember({ id: call.telephonySessionId, parties: [party] }, me);
    return { callId: call.telephonySessionId };
  }

  async executeConference(command: ConferenceCommand, signal?: AbortSignal): Promise<void> {
    const via = { signal };
    switch (command.type) {
      case 'merge': {
        const ids = command.callIds ?? [...this.known.values()].filter((k) => this.joinable(k)).map((k) => k.call.id);
        if (ids.length < 2) throw new ProviderError({ code: 'NOT_ALLOWED', message: 'A conference needs two answered calls.' });
        const parties = await Promise.all(ids.map(async (id) => ({ id, party: await this.party(id, signal) })));
        const conference = await this.client.conference(via);
        this.conferenceBook.replace(conference);
        for (const { id, party } of parties)
          this.conferenceBook.addParty(
            conference.id,
            await this.client.bringIn(conference.id, { sessionId: id, partyId: party.id }, via),
            id,
          );
        return;
      }
      case 'addParticipant': {
        this.conferenceBook.require(command.conferenceId);
        const party = await this.party(command.callId, signal);
        this.conferenceBook.addParty(
          command.conferenceId,
          await this.client.bringIn(command.conferenceId, { sessionId: command.callId, partyId: party.id }, via),
          command.callId,
        );
        return;
      }
      case 'muteParticipant':
      case 'unmuteParticipant': {
        this.conferenceBook.requireParty(command.conferenceId, command.callId);
        const party = await this.client.updateParty(
          command.conferenceId,
          this.conferenceBook.partyIdOf(command.conferenceId, command.callId),
          { muted: command.type === 'muteParticipant' },
          via,
        );
        this.conferenceBook.addParty(command.conferenceId, party);
        return;
      }
      case 'removeParticipant':
        this.conferenceBook.requireParty(command.conferenceId, command.callId);
        await this.client.deleteParty(command.conferenceId, this.conferenceBook.partyIdOf(command.conferenceId, command.callId), {
          keepConferenceAlive: true,
          signal,
        });
        return;
      case 'bridge': {
        // RingCentral's bridge moves the other call's far end into this call: one call with both (§A2 bridge).
        const [here, there] = command.callIds;
        if (here === undefined || there === undefined)
          throw new ProviderError({ code: 'BAD_INPUT', message: 'A bridge connects two calls.' });
        const mine = await this.party(here, signal);
        const other = await this.party(there, signal);
        this.noteParty(here, await this.client.bridge(here, mine.id, { telephonySessionId: there, partyId: other.id }, via));
        return;
      }
      case 'release':
        this.conferenceBook.require(command.conferenceId);
        await this.client.dropSession(command.conferenceId, via);
        return;
      default:
        throw unsupported(command.type === 'deafen' || command.type === 'undeafen' ? 'deafen a participant' : 'do this to a conference');
    }
  }

  /**
   * The user's recent voice calls from RingCentral's call log (one Heavy-group read of the last
   * HISTORY_DAYS days, HISTORY_SIZE records at most, newest first), `type` picked out here: the call log
   * filters by direction, not by missed.
   */
  async history(type?: HistoryType): Promise<HistoryEntry[]> {
    const dateFrom = new Date(this.now() - HISTORY_DAYS * 24 * 3600_000).toISOString();
    const records = await this.client.callLog({ dateFrom, perPage: HISTORY_SIZE });
    const entries: HistoryEntry[] = [];
    for (const record of records) {
      const entry = toHistoryEntry(record);
      if (entry && (type === undefined || entry.type === type)) entries.push(entry);
    }
    return entries;
  }

  async account(): Promise<Account> {
    const me = await this.client.me();
    this.me = { extensionId: me.id };
    const contactName = [me.contact?.firstName, me.contact?.lastName].filter(Boolean).join(' ');
    const account: Account = {
      provider: 'ringcentral',
      personId: me.id,
      displayName: me.name ?? (contactName || `Extension ${me.extensionNumber ?? me.id}`),
    };
    if (me.contact?.email) account.email = me.contact.email;
    if (me.extensionNumber) account.extension = me.extensionNumber;
    return account;
  }

  async answerEndpoints(): Promise<AnswerEndpoint[]> {
    return toAnswerEndpoints(await this.client.devices(), this.options.deviceId?.());
  }
}
