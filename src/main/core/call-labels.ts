/**
 * The words the tray, the OS notification and the menus use for a call: who is calling and why it
 * reaches the user. Pure text from the domain model; no electron, no I/O.
 */
import type { Call, Party, RedirectReason } from '../../shared/domain';

/** "Alice Smith", else the number, else "Private number" / "Unknown caller". */
export function partyLabel(party: Party): string {
  const name = party.name?.trim();
  if (name) return name;
  const number = party.number?.trim();
  if (number) return number;
  return party.privacy ? 'Private number' : 'Unknown caller';
}

const REDIRECT_WORDING: Record<RedirectReason, string> = {
  busy: 'busy',
  noAnswer: 'no answer',
  unavailable: 'unavailable',
  unconditional: 'always',
  timeOfDay: 'time of day',
  divert: 'diverted',
  followMe: 'follow me',
  huntGroup: 'hunt group',
  callQueue: 'call queue',
  unknown: 'forwarded',
};

/**
 * Why the call rings the user: "Incoming call from +1 555 0100", "Forwarded (busy) by Bob",
 * "Call queue: Support", "Park recall from 5021".
 */
export function ringReasonLabel(call: Call): string {
  if (call.recall) return `Park recall from ${partyLabel(call.recall.party)}`;
  const redirection = call.redirections[0];
  if (redirection) {
    if (redirection.reason === 'callQueue') return `Call queue: ${partyLabel(redirection.by)}`;
    if (redirection.reason === 'huntGroup') return `Hunt group: ${partyLabel(redirection.by)}`;
    return `Forwarded (${REDIRECT_WORDING[redirection.reason]}) by ${partyLabel(redirection.by)}`;
  }
  const number = call.remote.number?.trim();
  return number && call.remote.name ? `Incoming call from ${number}` : 'Incoming call';
}
