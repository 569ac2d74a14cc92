/**
 * The words the core uses about conference commands: why one is not available now, and what is true
 * after a command whose outcome was unknown ("the conference is on hold", "Ada is muted"). Button
 * names come from command-wording.ts. Pure; must not import electron.
 */
import type { Action, Call, Conference, ConferenceParticipant, Party } from '../../shared/domain';
import { actionLabel } from '../../shared/action-labels';
import { describeCallState } from './command-wording';

/** A participant or the remote party of a call, inside a sentence. */
export function partyWords(party: Party | undefined): string {
  if (!party) return 'the participant';
  if (party.privacy) return 'the private caller';
  return party.name || party.number || 'the participant';
}

function conferenceStateWords(conference: Conference): string {
  if (conference.state === 'held') return 'on hold';
  if (conference.state === 'disconnected') return 'ended';
  return 'connected';
}

/** "Hold is not available now: the conference is on hold." and the like, for the host's controls. */
export function conferenceNotAllowed(action: Action, conference: Conference): string {
  const label = actionLabel(action);
  if (action === 'leaveConference') {
    return conference.type !== undefined
      ? `${label} is not available in a ${conference.type} conference: release it instead.`
      : `${label} keeps the others connected only in a three-way call: this conference has ${conference.participants.length} participants, release it instead.`;
  }
  if (action === 'addToConference') return `${label} is not available now: you have no other answered call to add.`;
  if ((action === 'mute' || action === 'unmute') && conference.state === 'held')
    return `${label} is not available while the conference is on hold.`;
  if (action === 'mute' && conference.muted) return 'You are already muted in the conference.';
  if (action === 'unmute' && !conference.muted) return 'You are not muted in the conference.';
  return `${label} is not available now: the conference is ${conferenceStateWords(conference)}.`;
}

/** Why a participant control is not offered: their state already says so, or the conference forbids it. */
export function participantNotAllowed(action: Action, participant: ConferenceParticipant, conference: Conference): string {
  const who = partyWords(participant.party);
  const label = actionLabel(action);
  if (conference.type !== undefined) return `${label} is not available in a ${conference.type} conference.`;
  if (action === 'mute' && participant.muted) return `${capitalized(who)} is already muted.`;
  if (action === 'unmute' && !participant.muted) return `${capitalized(who)} is not muted.`;
  if (action === 'deafen' && participant.deafened) return `${capitalized(who)} is already deafened.`;
  if (action === 'undeafen' && !participant.deafened) return `${capitalized(who)} is not deafened.`;
  return `${label} is not available now for ${who}.`;
}

/** Why one of my calls cannot be merged or added now. */
export function callCannotJoin(action: Action, call: Call): string {
  return `${actionLabel(action)} is not available for the call with ${partyWords(call.remote)}: it is ${describeCallState(call)}.`;
}

/**
 * After a merge or add whose outcome was unknown: are the calls in a conference now? `conferences` are
 * the ones that count: the named one for an add, every conference for a merge.
 */
export function joiningTruth(callIds: readonly string[], conferences: readonly Conference[]): string {
  const joined = callIds.filter((id) => conferences.some((c) => c.participants.some((p) => p.callId === id)));
  if (callIds.length === 1) return joined.length === 1 ? 'the call is now in the conference' : 'the call is not in the conference';
  if (joined.length === callIds.length) return 'the calls are now in a conference';
  return joined.length === 0 ? 'the calls are not in a conference' : 'only some of the calls are in the conference';
}

/** After a host or participant command whose outcome was unknown: what the conference it named shows now. */
export function conferenceTruth(action: Action, callId: string | undefined, conference: Conference | undefined): string {
  if (!conference || conference.state === 'disconnected') return 'the conference has ended';
  if (callId !== undefined) {
    const participant = conference.participants.find((p) => p.callId === callId);
    if (!participant) return 'the participant has left the conference';
    const who = partyWords(participant.party);
    if (action === 'deafen' || action === 'undeafen') return `${who} is ${participant.deafened ? 'deafened' : 'not deafened'}`;
    return `${who} is ${participant.muted ? 'muted' : 'not muted'}`;
  }
  if (action === 'mute' || action === 'unmute')
    return conference.muted ? 'you are muted in the conference' : 'you are not muted in the conference';
  if (action === 'releaseConference' || action === 'leaveConference') return 'the conference is still in progress';
  return `the conference is ${conferenceStateWords(conference)}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
