/**
 * Conference Controls (docs/wire/webex-calling.md §3) as a state machine: `connected` ⇄ `held` (the host, me,
 * on hold) → `disconnected` (released, or fewer than two participants left). Merging needs two or more
 * of my answered calls; participants carry muted/deafened flags that change what each party hears
 * (see conference-media.ts); a participant who hangs up leaves; release ends me and every participant.
 * A barge-in answered by the user becomes a non-standard conference (`type: 'bargeIn'`) around that one
 * call, in which only the host controls and release apply. Every change emits one telephony_conference
 * event after the state is consistent. GET answers `{}` when there is none. Throws SimRefusal for what
 * Webex would refuse. No HTTP here.
 */
import type { WireConference, WireConferenceEvent } from './wire';
import type { CallStateMachine } from './call-state-machine';
import { type MediaLeg, NO_MEDIA, type SimMedia, mediaOfLeg } from './conference-media';
import { SimRefusal } from './errors';
import type { SimCall } from './sim-call';
import { isAnswered } from './sim-call';

export type SimConferenceType = 'bargeIn' | 'silentMonitoring' | 'coaching';

interface Participant {
  callId: string;
  muted: boolean;
  deafened: boolean;
}

interface SimConference {
  state: 'connected' | 'held';
  created: string;
  muted: boolean;
  type?: SimConferenceType;
  participants: Participant[];
}

type ConferenceEventType = WireConferenceEvent['data']['eventType'];

/** The mix has no id of its own for me; call ids are base64, so this never collides with one. */
const HOST = 'host';

export class Conferences {
  private current: SimConference | undefined;
  private readonly listeners = new Set<(event: WireConferenceEvent) => void>();

  constructor(private readonly machine: CallStateMachine) {
    machine.onCallEnded((call) => this.participantLeft(call.id));
    machine.conferenceHooks = {
      isParticipant: (call) => this.participant(call.id) !== undefined,
      holdConference: () => this.holdForAnotherCall(),
    };
  }

  // ---- reads ----

  /** Exactly what GET /telephony/conference answers. */
  details(): WireConference {
    const conference = this.current;
    return conference ? toWire(conference) : {};
  }

  /** What the remote party of one of my calls experiences now. */
  mediaOf(callId: string): SimMedia {
    const call = this.machine.require(callId);
    const conference = this.current;
    if (conference && this.participant(callId)) return mediaOfLeg(this.conferenceLegs(conference), callId);
    const live = call.state === 'connected';
    return mediaOfLeg(
      [
        { id: HOST, talks: live && !call.muted, listens: live },
        { id: callId, talks: live, listens: live },
      ],
      callId,
    );
  }

  /** What I (the host) experience now: in the conference, or on my one connected call. */
  hostMedia(): SimMedia {
    const conference = this.current;
    if (conference) return mediaOfLeg(this.conferenceLegs(conference), HOST);
    const call = this.machine.list().find((c) => c.state === 'connected');
    if (!call) return NO_MEDIA;
    return mediaOfLeg(
      [
        { id: HOST, talks: !call.muted, listens: true },
        { id: call.id, talks: true, listens: true },
      ],
      HOST,
    );
  }

  onEvent(listener: (event: WireConferenceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- the user's commands ----

  start(callIds: unknown): void {
    if (!Array.isArray(callIds) || !callIds.every((id): id is string => typeof id === 'string' && id.trim() !== '')) {
      throw SimRefusal.invalid('callIds must be a list of call ids');
    }
    if (callIds.length < 2) throw SimRefusal.invalid('callIds must list at least two calls');
    if (new Set(callIds).size !== callIds.length) throw SimRefusal.invalid('callIds must not repeat a call');
    const calls = callIds.map((id) => this.machine.require(id));
    if (this.current) throw SimRefusal.stateForbids('A conference is already in progress; add the call to it instead');
    for (const call of calls) assertJoinable(call);
    const conference: SimConference = { state: 'connected', created: new Date().toISOString(), muted: false, participants: [] };
    this.current = conference;
    for (const call of calls) this.join(conference, call);
    this.hostReturns(conference);
    this.emit('created', toWire(conference));
  }

  addParticipant(callId: string): void {
    const conference = this.requireConference();
    const call = this.machine.require(callId);
    assertStandard(conference, 'add participants');
    if (this.participant(callId)) throw SimRefusal.stateForbids('The call is already in the conference');
    assertJoinable(call);
    this.join(conference, call);
    // Adding the call I was talking on brings me back into the conference.
    this.hostReturns(conference);
    this.emit('updated', toWire(conference));
  }

  /** Without a callId: the host (me); with one: that participant. */
  mute(callId: string | undefined, muted: boolean): void {
    const conference = this.requireConference();
    if (callId === undefined) {
      // [inferred] While held my line is out of the mix: there is nothing of mine to mute.
      if (conference.state !== 'connected')
        throw SimRefusal.stateForbids(`${muted ? 'Mute' : 'Unmute'} of the host requires a connected conference`);
      conference.muted = muted;
    } else {
      const participant = this.requireParticipant(callId);
      assertStandard(conference, muted ? 'mute participants' : 'unmute participants');
      participant.muted = muted;
    }
    this.emit('updated', toWire(conference));
  }

  deafen(callId: string, deafened: boolean): void {
    const conference = this.requireConference();
    const participant = this.requireParticipant(callId);
    assertStandard(conference, deafened ? 'deafen participants' : 'undeafen participants');
    participant.deafened = deafened;
    this.emit('updated', toWire(conference));
  }

  hold(): void {
    const conference = this.requireConference();
    if (conference.state !== 'connected') throw SimRefusal.stateForbids('Hold requires a connected conference');
    conference.state = 'held';
    this.emit('updated', toWire(conference));
  }

  resume(): void {
    const conference = this.requireConference();
    if (conference.state !== 'held') throw SimRefusal.stateForbids('Resume requires a held conference');
    this.hostReturns(conference);
    this.emit('updated', toWire(conference));
  }

  /** Ends me and every participant (docs/wire/webex-calling.md §3). */
  release(): void {
    const conference = this.requireConference();
    // Forget it first, so that the participants' calls ending below are not read as people leaving.
    this.current = undefined;
    for (const p of conference.participants) {
      const call = this.machine.find(p.callId);
      if (call) this.machine.endCall(call);
    }
    this.emitEnded(conference);
  }

  // ---- what happens around the conference ----

  /** The user's barge-in call was answered: it is a non-standard conference of that one call. */
  startNonStandard(call: SimCall, type: SimConferenceType): void {
    // One conference per line: a barge-in while one is in progress stays a plain call.
    if (this.current) return;
    const conference: SimConference = {
      state: 'connected',
      created: new Date().toISOString(),
      muted: false,
      type,
      participants: [{ callId: call.id, muted: false, deafened: false }],
    };
    this.current = conference;
    this.emit('created', toWire(conference));
  }

  reset(): void {
    this.current = undefined;
  }

  // ---- internals ----

  private join(conference: SimConference, call: SimCall): void {
    conference.participants.push({ callId: call.id, muted: false, deafened: false });
    if (call.state === 'held') {
      call.state = 'connected';
      this.machine.emit(call, 'resumed');
    }
  }

  /** I am in the conference again: any other call I was talking on goes on hold, as a phone does. */
  private hostReturns(conference: SimConference): void {
    for (const other of this.machine.list()) {
      if (other.state === 'connected' && !this.participant(other.id)) {
        other.state = 'held';
        this.machine.emit(other, 'held');
      }
    }
    conference.state = 'connected';
  }

  /** I answered or resumed another call: the conference as a whole waits on hold. */
  private holdForAnotherCall(): void {
    const conference = this.current;
    if (!conference || conference.state === 'held') return;
    conference.state = 'held';
    this.emit('updated', toWire(conference));
  }

  private participantLeft(callId: string): void {
    const conference = this.current;
    if (!conference || !conference.participants.some((p) => p.callId === callId)) return;
    conference.participants = conference.participants.filter((p) => p.callId !== callId);
    const fewest = conference.type === undefined ? 2 : 1;
    if (conference.participants.length >= fewest) {
      this.emit('updated', toWire(conference));
      return;
    }
    // A conference of one is a plain call again; if I was away on another call, it waits on hold.
    this.current = undefined;
    for (const p of conference.participants) {
      const call = this.machine.find(p.callId);
      if (call && conference.state === 'held' && call.state === 'connected') {
        call.state = 'held';
        this.machine.emit(call, 'held');
      }
    }
    this.emitEnded(conference);
  }

  private conferenceLegs(conference: SimConference): MediaLeg[] {
    const hostLive = conference.state === 'connected';
    const legs: MediaLeg[] = [{ id: HOST, talks: hostLive && !conference.muted, listens: hostLive }];
    for (const p of conference.participants) {
      // A participant whose own side holds the call is out of the mix, whatever the flags say.
      const live = this.machine.find(p.callId)?.state === 'connected';
      legs.push({ id: p.callId, talks: live && !p.muted, listens: live && !p.deafened });
    }
    return legs;
  }

  private participant(callId: string): Participant | undefined {
    return this.current?.participants.find((p) => p.callId === callId);
  }

  private requireConference(): SimConference {
    if (!this.current) throw SimRefusal.stateForbids('There is no conference');
    return this.current;
  }

  private requireParticipant(callId: string): Participant {
    const participant = this.participant(callId);
    if (participant) return participant;
    this.machine.require(callId);
    throw SimRefusal.stateForbids('The call is not in the conference');
  }

  private emitEnded(conference: SimConference): void {
    this.emit('disconnected', { ...toWire(conference), state: 'disconnected', participants: [] });
  }

  private emit(eventType: ConferenceEventType, details: WireConference): void {
    const event: WireConferenceEvent = {
      resource: 'telephony_conference',
      event: eventType === 'created' ? 'created' : eventType === 'disconnected' ? 'deleted' : 'updated',
      actorId: this.machine.account.me.id,
      data: { ...details, eventType, eventTimestamp: new Date().toISOString() },
    };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // As with call events: a broken listener must not corrupt the state or starve the others.
        console.error('Webex simulator: a conference event listener threw', error);
      }
    }
  }
}

function toWire(conference: SimConference): WireConference {
  const wire: WireConference = {
    state: conference.state,
    appearance: 1,
    created: conference.created,
    muted: conference.muted,
    participants: conference.participants.map((p) => ({ ...p })),
  };
  // `type` appears only for non-standard conferences (docs/wire/webex-calling.md §3).
  if (conference.type !== undefined) wire.type = conference.type;
  return wire;
}

function assertJoinable(call: SimCall): void {
  if (!isAnswered(call)) throw SimRefusal.stateForbids('Only answered calls can join a conference');
}

function assertStandard(conference: SimConference, what: string): void {
  if (conference.type !== undefined) throw SimRefusal.stateForbids(`A ${conference.type} conference does not allow you to ${what}`);
}
