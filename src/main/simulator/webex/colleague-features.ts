/**
 * Features that reach into colleagues' calls: pickup (a call ringing a colleague, or any ringing call
 * in the pickup group) and barge-in (a colleague's answered call). Each alerts the user's devices
 * like dial and, once answered, connects straight through. No HTTP here.
 */
import type { CallStateMachine } from './call-state-machine';
import type { ColleagueCall, ColleagueCalls } from './colleague-calls';
import { SimRefusal } from './errors';
import type { SimCall } from './sim-call';
import type { SimParty } from './types';

export class ColleagueFeatures {
  /** Told when the user's barge-in call connects (the conference module makes it a bargeIn conference). */
  onBargedIn: ((call: SimCall) => void) | undefined;

  constructor(
    private readonly machine: CallStateMachine,
    readonly colleagues: ColleagueCalls,
  ) {}

  ringColleague(colleague: SimParty, from: SimParty): string {
    this.machine.directory.add(colleague);
    return this.colleagues.add(colleague, from, 'alerting').id;
  }

  colleagueInCall(colleague: SimParty, remote: SimParty): string {
    this.machine.directory.add(colleague);
    return this.colleagues.add(colleague, remote, 'connected').id;
  }

  /** `line` (lineOwnerId) is the line that picks up: the new call is on it. */
  pickup(target: string | undefined, endpointId: string | undefined, line?: string): { callId: string; callSessionId: string } {
    const endpoint = this.machine.endpointOnLine(endpointId, line);
    const ringing = this.colleagues.find(
      'alerting',
      (colleague) => target === undefined || this.machine.directory.matches(colleague, target),
    );
    if (!ringing) {
      throw SimRefusal.stateForbids(
        target === undefined ? 'There is no ringing call in the pickup group to pick up' : `${target} has no ringing call to pick up`,
      );
    }
    const call = this.machine.startClickToDial({
      remote: ringing.remote,
      sessionId: ringing.sessionId,
      endpoint,
      line,
      onAnswered: (answered) => this.connectIfStillThere(answered, ringing, () => this.colleagues.remove(ringing.id)),
    });
    return { callId: call.id, callSessionId: call.sessionId };
  }

  /** `line` (lineOwnerId) is the line that barges in: the new call is on it. */
  bargeIn(target: string, endpointId: string | undefined, line?: string): { callId: string; callSessionId: string } {
    const endpoint = this.machine.endpointOnLine(endpointId, line);
    const active = this.colleagues.find('connected', (colleague) => this.machine.directory.matches(colleague, target));
    if (!active) throw SimRefusal.stateForbids(`${target} is not on an answered call to barge in on`);
    const call = this.machine.startClickToDial({
      remote: active.colleague,
      sessionId: active.sessionId,
      endpoint,
      line,
      onAnswered: (answered) => {
        this.connectIfStillThere(answered, active, () => undefined);
        if (answered.state === 'connected') this.onBargedIn?.(answered);
      },
    });
    return { callId: call.id, callSessionId: call.sessionId };
  }

  reset(): void {
    this.colleagues.clear();
  }

  /** The colleague's call may have ended while the user's devices were ringing. */
  private connectIfStillThere(call: SimCall, colleagueCall: ColleagueCall, take: () => void): void {
    if (!this.colleagues.has(colleagueCall.id)) {
      this.machine.endCall(call);
      return;
    }
    take();
    call.personality = 'originator';
    this.machine.connect(call, 'answered');
  }
}
