/**
 * Who a call is with and why it reaches me, in the words every surface uses — the panel, the popup, the
 * conference window, the tray tooltip and menu, the OS notification — so they all say the same thing.
 * Pure functions of domain values; no Node, no DOM, no electron.
 */
import type { Call, CallType, Party, RedirectReason } from './domain';

export const PRIVATE_NUMBER = 'Private number';

/** The tail of "Forwarded from Alice — busy". */
export const REDIRECT_LABELS: Record<RedirectReason, string> = {
  busy: 'busy',
  noAnswer: 'no answer',
  unavailable: 'unavailable',
  unconditional: 'always forwarded',
  timeOfDay: 'time-of-day schedule',
  divert: 'diverted',
  followMe: 'follow me',
  huntGroup: 'hunt group',
  callQueue: 'call queue',
  unknown: 'other reason',
};

export const CALL_TYPE_LABELS: Record<CallType, string> = {
  location: 'Internal',
  organization: 'Internal',
  external: 'External',
  emergency: 'Emergency',
  repair: 'Repair',
  other: 'Other',
};

/** The name to show first: a hidden caller is "Private number", never an empty line. */
export function partyTitle(party: Pick<Party, 'name' | 'number' | 'privacy'>): string {
  if (party.privacy) return PRIVATE_NUMBER;
  return party.name?.trim() || party.number?.trim() || 'Unknown caller';
}

/** The number under the name, when both are known and differ. */
export function partySubtitle(party: Pick<Party, 'name' | 'number' | 'privacy'>): string | undefined {
  if (party.privacy || !party.name || !party.number || party.name === party.number) return undefined;
  return party.number;
}

/** A party named inside a sentence ("Forwarded from Bob"). */
function partyInSentence(party: Party): string {
  if (party.privacy) return 'a private number';
  return party.name || party.number || 'someone';
}

/** Why this call reaches me, or undefined for a plain direct call. Uses the most recent redirection. */
export function reachReason(call: Pick<Call, 'redirections' | 'recall'>): string | undefined {
  if (call.recall?.type === 'park') return `Parked call returning from ${partyInSentence(call.recall.party)}`;
  const redirection = call.redirections[0];
  if (!redirection) return undefined;
  const by = redirection.by;
  switch (redirection.reason) {
    case 'callQueue':
      return joinWords('Call queue', by.privacy ? undefined : by.name || by.number);
    case 'huntGroup':
      return joinWords('Hunt group', by.privacy ? undefined : by.name || by.number);
    default:
      return `Forwarded from ${partyInSentence(by)} — ${REDIRECT_LABELS[redirection.reason]}`;
  }
}

function joinWords(first: string, second: string | undefined): string {
  return second ? `${first} ${second}` : first;
}

/** "External call", "Internal call"; undefined when the provider did not say. */
export function callTypeText(party: Pick<Party, 'callType'>): string | undefined {
  return party.callType ? `${CALL_TYPE_LABELS[party.callType]} call` : undefined;
}
