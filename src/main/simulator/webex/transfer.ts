/**
 * Transfer (docs/wire/webex-calling.md §2 "Transfer rules"): attended (callId1 + callId2, or none when the user has
 * exactly two calls) → both calls end, 204; mute transfer (callId1 + destination) → 201 with the leg
 * towards the destination; the user's call ends once the destination answers, and nothing happens if
 * it never does. Unanswered incoming calls cannot be transferred. No HTTP here.
 */
import type { CallStateMachine } from './call-state-machine';
import { SimRefusal } from './errors';
import type { CallIdFactory } from './ids';
import type { SimCall } from './sim-call';
import { isAnswered, isUnansweredIncoming } from './sim-call';

export interface TransferRequest {
  callId1?: string;
  callId2?: string;
  destination?: string;
}

export type TransferOutcome = { kind: 'attended' } | { kind: 'mute'; callId: string; callSessionId: string };

interface PendingMuteTransfer {
  readonly legId: string;
  readonly call: SimCall;
  readonly destination: string;
}

export class Transfers {
  private readonly pending = new Map<string, PendingMuteTransfer>();

  constructor(
    private readonly machine: CallStateMachine,
    private readonly ids: CallIdFactory,
  ) {
    machine.onCallEnded((call) => {
      for (const [legId, leg] of this.pending) if (leg.call === call) this.pending.delete(legId);
    });
  }

  transfer(request: TransferRequest): TransferOutcome {
    const { callId1, callId2, destination } = request;
    if (callId1 === undefined && (callId2 !== undefined || destination !== undefined)) {
      throw SimRefusal.invalid('callId1 is required when callId2 or destination is given');
    }
    if (callId2 !== undefined && destination !== undefined) {
      throw SimRefusal.invalid('Give either callId2 (attended transfer) or destination (mute transfer), not both');
    }
    if (callId1 === undefined) return this.autoTransfer();
    if (callId2 === undefined && destination === undefined) {
      throw SimRefusal.invalid('callId2 or destination is required when callId1 is given');
    }
    const first = this.machine.require(callId1);
    if (callId2 !== undefined) return this.attended(first, this.machine.require(callId2));
    return this.mute(first, destination ?? '');
  }

  /** The far end of a mute transfer answers (timer or scenario.remoteAnswers). Returns false when the id is no pending leg. */
  completeLeg(legId: string): boolean {
    const leg = this.pending.get(legId);
    if (!leg) return false;
    this.pending.delete(legId);
    this.machine.endCall(leg.call, { before: ['transferred'] });
    return true;
  }

  hasLeg(legId: string): boolean {
    return this.pending.has(legId);
  }

  reset(): void {
    this.pending.clear();
  }

  private autoTransfer(): TransferOutcome {
    const calls = this.machine.list();
    const [a, b] = calls;
    if (calls.length !== 2 || a === undefined || b === undefined) {
      throw SimRefusal.invalid('callId1 and callId2 are required unless the user has exactly two calls');
    }
    return this.attended(a, b);
  }

  private attended(first: SimCall, second: SimCall): TransferOutcome {
    if (first === second) throw SimRefusal.invalid('callId1 and callId2 must be two different calls');
    assertTransferable(first, true);
    assertTransferable(second, true);
    this.machine.endCall(first, { before: ['transferred'] });
    this.machine.endCall(second, { before: ['transferred'] });
    return { kind: 'attended' };
  }

  private mute(call: SimCall, destination: string): TransferOutcome {
    if (destination.trim() === '') throw SimRefusal.invalid('destination must not be empty');
    assertTransferable(call, false);
    const legId = this.ids.newCallId();
    this.pending.set(legId, { legId, call, destination });
    const delay = this.machine.farEndWillAnswer(destination);
    if (delay !== undefined) this.machine.scheduleFor(call, delay, () => this.completeLeg(legId));
    return { kind: 'mute', callId: legId, callSessionId: call.sessionId };
  }
}

/** A consultation call may still be ringing the far end; an incoming call must have been answered. */
function assertTransferable(call: SimCall, allowConnecting: boolean): void {
  if (isUnansweredIncoming(call)) {
    throw SimRefusal.stateForbids('An unanswered incoming call cannot be transferred; divert it instead');
  }
  if (call.personality === 'clickToDial') throw SimRefusal.stateForbids('A click-to-dial call cannot be transferred before it is answered');
  if (isAnswered(call)) return;
  if (allowConnecting && call.state === 'connecting') return;
  throw SimRefusal.stateForbids('Transfer requires answered calls');
}
