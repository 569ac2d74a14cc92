/**
 * Conference Controls (reference §3): merge two or more answered calls into one conference, add
 * participants, mute/unmute the host or a participant, deafen, hold/resume the host, release all.
 * A conference that drops below two participants ends; the remaining call stays a normal call.
 * GET answers `{}` when there is none. No HTTP here.
 */
import type { WireConference } from '../../providers/webex/wire';
import type { CallStateMachine } from './call-state-machine';
import { SimRefusal } from './errors';
import type { SimCall } from './sim-call';
import { isAnswered } from './sim-call';

interface Participant {
  callId: string;
  muted: boolean;
  deafened: boolean;
}

interface SimConference {
  state: 'connected' | 'held';
  created: string;
  muted: boolean;
  participants: Participant[];
}

export class Conferences {
  private current: SimConference | undefined;

  constructor(private readonly machine: CallStateMachine) {
    machine.onCallEnded((call) => this.dropParticipant(call.id));
    machine.conferenceHooks = {
      isParticipant: (call) => this.participant(call.id) !== undefined,
      holdConference: () => {
        if (this.current) this.current.state = 'held';
      },
    };
  }

  details(): WireConference {
    const conference = this.current;
    if (!conference) return {};
    return {
      state: conference.state,
      appearance: 1,
      created: conference.created,
      muted: conference.muted,
      participants: conference.participants.map((p) => ({ ...p })),
    };
  }

  start(callIds: unknown): void {
    if (!Array.isArray(callIds) || callIds.length < 2 || !callIds.every((id): id is string => typeof id === 'string')) {
      throw SimRefusal.invalid('callIds must list at least two calls');
    }
    if (new Set(callIds).size !== callIds.length) throw SimRefusal.invalid('callIds must not repeat a call');
    if (this.current) throw SimRefusal.stateForbids('A conference is already in progress; add the call to it instead');
    const calls = callIds.map((id) => this.machine.require(id));
    for (const call of calls) assertJoinable(call);
    this.current = { state: 'connected', created: new Date().toISOString(), muted: false, participants: [] };
    for (const call of calls) this.join(call);
  }

  addParticipant(callId: string): void {
    const conference = this.requireConference();
    const call = this.machine.require(callId);
    if (this.participant(callId)) throw SimRefusal.stateForbids('The call is already in the conference');
    assertJoinable(call);
    this.join(call);
    conference.state = 'connected';
  }

  mute(callId: string | undefined, muted: boolean): void {
    const conference = this.requireConference();
    if (callId === undefined) {
      conference.muted = muted;
      return;
    }
    this.requireParticipant(callId).muted = muted;
  }

  deafen(callId: string, deafened: boolean): void {
    this.requireConference();
    this.requireParticipant(callId).deafened = deafened;
  }

  hold(): void {
    const conference = this.requireConference();
    if (conference.state !== 'connected') throw SimRefusal.stateForbids('Hold requires a connected conference');
    conference.state = 'held';
  }

  resume(): void {
    const conference = this.requireConference();
    if (conference.state !== 'held') throw SimRefusal.stateForbids('Resume requires a held conference');
    for (const other of this.machine.list()) {
      if (other.state === 'connected' && !this.participant(other.id)) {
        other.state = 'held';
        this.machine.emit(other, 'held');
      }
    }
    conference.state = 'connected';
  }

  release(): void {
    const conference = this.requireConference();
    this.current = undefined;
    for (const p of conference.participants) {
      const call = this.machine.find(p.callId);
      if (call) this.machine.endCall(call);
    }
  }

  reset(): void {
    this.current = undefined;
  }

  private join(call: SimCall): void {
    this.current?.participants.push({ callId: call.id, muted: false, deafened: false });
    if (call.state === 'held') {
      call.state = 'connected';
      this.machine.emit(call, 'resumed');
    }
  }

  private dropParticipant(callId: string): void {
    const conference = this.current;
    if (!conference) return;
    conference.participants = conference.participants.filter((p) => p.callId !== callId);
    if (conference.participants.length < 2) this.current = undefined;
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
    if (!participant) {
      if (!this.machine.find(callId)) throw SimRefusal.callNotFound();
      throw SimRefusal.stateForbids('The call is not in the conference');
    }
    return participant;
  }
}

function assertJoinable(call: SimCall): void {
  if (!isAnswered(call)) throw SimRefusal.stateForbids('Only answered calls can join a conference');
}
