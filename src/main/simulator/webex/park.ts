/**
 * Park and retrieve: park a connected call against the user, a destination or a member of the call
 * park group (200 {parkedAgainst}); the user's call ends; unretrieved after parkRecallMs the parker's
 * devices ring with recall {type:'park'}. Retrieve alerts the user's devices like dial and, once
 * answered, connects straight to the parked party. No HTTP here.
 */
import type { WireParty } from './wire';
import { meParty } from './account';
import type { CallStateMachine } from './call-state-machine';
import { SimRefusal } from './errors';
import type { ParkedCall } from './park-lot';
import { ParkLot } from './park-lot';
import { describeParty, partyToWire } from './parties';
import type { TimerSet } from './timer-set';
import type { SimParty } from './types';

export interface ParkRequest {
  callId: string;
  destination?: string;
  isGroupPark?: boolean;
}

export class Parking {
  readonly lot = new ParkLot();

  constructor(
    private readonly machine: CallStateMachine,
    private readonly timers: TimerSet,
    private readonly parkRecallMs: number,
  ) {}

  park(request: ParkRequest): { parkedAgainst: WireParty } {
    const call = this.machine.require(request.callId);
    if (call.state !== 'connected') throw SimRefusal.stateForbids('Park requires a connected call');
    const against = this.parkTarget(request);
    if (this.lot.find((p) => this.samePark(p, against))) {
      throw SimRefusal.stateForbids(`A call is already parked against ${describeParty(against)}`);
    }
    const entry: ParkedCall = { parkedAgainst: against, remote: call.remote, sessionId: call.sessionId };
    this.machine.endCall(call);
    this.lot.add(entry);
    this.scheduleRecall(entry);
    return { parkedAgainst: partyToWire(against) };
  }

  /** `line` (lineOwnerId) is the line that retrieves: the new call is on it. */
  retrieve(destination: string | undefined, endpointId: string | undefined, line?: string): { callId: string; callSessionId: string } {
    const endpoint = this.machine.endpointOnLine(endpointId, line);
    const entry =
      destination === undefined
        ? this.lot.find((p) => this.isMe(p))
        : this.lot.find((p) => this.machine.directory.matches(p, destination) || (this.isMe(p) && this.isMyNumber(destination)));
    if (!entry) {
      throw SimRefusal.stateForbids(
        destination === undefined ? 'No call is parked against the user' : `No call is parked against ${destination}`,
      );
    }
    this.timers.cancel(entry.recallTimer);
    this.lot.remove(entry);
    const call = this.machine.startClickToDial({
      remote: entry.remote,
      sessionId: entry.sessionId,
      endpoint,
      line,
      onAnswered: (answered) => {
        answered.personality = 'originator';
        this.machine.connect(answered, 'retrieved');
      },
      // The user never answered the retrieving call: the call is still parked where it was.
      onAbandoned: () => {
        this.lot.add(entry);
        this.scheduleRecall(entry);
      },
    });
    return { callId: call.id, callSessionId: call.sessionId };
  }

  list(): { parkedAgainst: SimParty; remote: SimParty }[] {
    return this.lot.list().map((p) => ({ parkedAgainst: { ...p.parkedAgainst }, remote: { ...p.remote } }));
  }

  /** Forgets every parked call and its recall: on reset, or when the parked callers hang up. */
  reset(): void {
    for (const entry of this.lot.list()) this.timers.cancel(entry.recallTimer);
    this.lot.clear();
  }

  private parkTarget(request: ParkRequest): SimParty {
    if (request.isGroupPark === true) {
      const free = this.machine.account.parkGroup.find((member) => !this.lot.find((p) => this.samePark(p, member)));
      if (!free) throw SimRefusal.stateForbids('Every member of the call park group already has a parked call');
      return { ...free };
    }
    if (request.destination !== undefined) {
      if (this.isMyNumber(request.destination)) return meParty(this.machine.account);
      return this.machine.directory.partyFor(request.destination);
    }
    return meParty(this.machine.account);
  }

  private scheduleRecall(entry: ParkedCall): void {
    entry.recallTimer = this.timers.after(this.parkRecallMs, () => {
      if (!this.lot.includes(entry)) return;
      this.lot.remove(entry);
      this.machine.openCall(
        { personality: 'terminator', state: 'alerting', remote: entry.remote, sessionId: entry.sessionId, recall: entry.parkedAgainst },
        'received',
      );
    });
  }

  private samePark(parked: SimParty, target: SimParty): boolean {
    if (parked.number !== undefined && target.number !== undefined) return this.machine.directory.matches(parked, target.number);
    return parked.personId !== undefined && parked.personId === target.personId;
  }

  private isMe(party: SimParty): boolean {
    return party.personId === this.machine.account.me.id;
  }

  private isMyNumber(destination: string): boolean {
    const me = this.machine.account.me;
    return this.machine.directory.matches(meParty(this.machine.account), destination) || destination.trim() === me.extension;
  }
}
