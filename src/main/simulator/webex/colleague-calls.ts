/**
 * Calls of the user's colleagues, which the user cannot see in their own list but can pick up (when
 * ringing) or barge in on (when answered). No events: they are not the user's calls.
 */
import type { CallIdFactory } from './ids';
import { newCallSessionId } from './ids';
import type { SimParty } from './types';

export interface ColleagueCall {
  readonly id: string;
  readonly sessionId: string;
  readonly colleague: SimParty;
  readonly remote: SimParty;
  readonly state: 'alerting' | 'connected';
  readonly created: string;
}

export class ColleagueCalls {
  private readonly calls = new Map<string, ColleagueCall>();

  constructor(private readonly ids: CallIdFactory) {}

  add(colleague: SimParty, remote: SimParty, state: ColleagueCall['state']): ColleagueCall {
    const call: ColleagueCall = {
      id: this.ids.newCallId(),
      sessionId: newCallSessionId(),
      colleague,
      remote,
      state,
      created: new Date().toISOString(),
    };
    this.calls.set(call.id, call);
    return call;
  }

  get(id: string): ColleagueCall | undefined {
    return this.calls.get(id);
  }

  has(id: string): boolean {
    return this.calls.has(id);
  }

  remove(id: string): boolean {
    return this.calls.delete(id);
  }

  /** The first colleague call in that state whose colleague the predicate accepts. */
  find(state: ColleagueCall['state'], isTarget: (colleague: SimParty) => boolean): ColleagueCall | undefined {
    return [...this.calls.values()].find((c) => c.state === state && isTarget(c.colleague));
  }

  list(): ColleagueCall[] {
    return [...this.calls.values()];
  }

  clear(): void {
    this.calls.clear();
  }
}
