/**
 * Which calls count as answered, on hold or ringing: the state sets every room asks about (the
 * providers' action rules, the shell's shortcuts and tray, the renderer's cards and popup) live here
 * once, so "answered" means the same everywhere. Pure functions of a call's state and direction.
 */
import type { Call, CallState } from './domain';

/** Answered and not yet ended: talking, or on hold on either side. */
export const ANSWERED_STATES: ReadonlySet<CallState> = new Set<CallState>(['connected', 'held', 'remoteHeld']);
/** On hold, by me or by the other party. */
export const HELD_STATES: ReadonlySet<CallState> = new Set<CallState>(['held', 'remoteHeld']);

export function isAnswered(call: Pick<Call, 'state'>): boolean {
  return ANSWERED_STATES.has(call.state);
}

export function isOnHold(call: Pick<Call, 'state'>): boolean {
  return HELD_STATES.has(call.state);
}

/** A call ringing for me to answer (an outgoing call also "alerts" while the far end rings). */
export function isRingingIncoming(call: Pick<Call, 'state' | 'direction'>): boolean {
  return call.direction === 'incoming' && call.state === 'alerting';
}

/** Ringing calls in the order they arrived: the oldest is answered first, as a queue would be. */
export function ringingCalls<C extends Pick<Call, 'state' | 'direction' | 'createdAt'>>(calls: readonly C[]): C[] {
  return calls.filter(isRingingIncoming).sort((a, b) => (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0));
}
