/**
 * What Webex Conference Controls allow right now (docs/wire/webex-calling.md §3 and §7: a conference needs two or more
 * answered calls; hold needs a connected conference, resume a held one), for the conference as a whole,
 * each participant, and each of my calls (merge them, or add one to the conference). The UI shows
 * exactly these. Pure: domain values in, actions out. Rules the reference leaves open are marked.
 */
import { isAnswered } from '../../../shared/call-states';
import type { Action, Call, Conference, ConferenceParticipant } from '../../../shared/domain';

function canJoin(call: Call): boolean {
  return isAnswered(call);
}

function isLive(conference: Conference | null): conference is Conference {
  return conference !== null && conference.state !== 'disconnected';
}

/** A merged conference; a barge-in, monitoring or coaching one only lets me control myself. */
function isStandard(conference: Conference): boolean {
  return conference.type === undefined;
}

function isParticipant(conference: Conference, callId: string): boolean {
  return conference.participants.some((p) => p.callId === callId);
}

/** My answered calls on the conference's line that are not in it yet. */
function addableCalls(conference: Conference, calls: readonly Call[]): Call[] {
  const line = calls.find((c) => isParticipant(conference, c.id))?.line ?? null;
  return calls.filter((c) => canJoin(c) && !isParticipant(conference, c.id) && (c.line ?? null) === line);
}

export function conferenceActionsFor(conference: Conference, calls: readonly Call[]): Action[] {
  if (conference.state === 'disconnected') return [];
  const standard = isStandard(conference);
  // [inferred] While held my line is out of the mix, so there is nothing of mine to mute.
  const host: Action[] = conference.state === 'connected' ? [conference.muted ? 'unmute' : 'mute', 'hold'] : ['resume'];
  const add: Action[] = standard && addableCalls(conference, calls).length > 0 ? ['addToConference'] : [];
  // The reference's alternative to release for a three-way call: connect the other two and leave.
  const leave: Action[] = standard && conference.participants.length === 2 ? ['leaveConference'] : [];
  return [...host, ...add, ...leave, 'releaseConference'];
}

export function participantActionsFor(participant: ConferenceParticipant, conference: Conference): Action[] {
  if (!isLive(conference) || !isStandard(conference)) return [];
  return [participant.muted ? 'unmute' : 'mute', participant.deafened ? 'undeafen' : 'deafen'];
}

/** Merge (no conference yet, and another answered call to merge with) or add to the conference. */
export function conferenceCallActionsFor(call: Call, calls: readonly Call[], conference: Conference | null): Action[] {
  if (!canJoin(call)) return [];
  if (isLive(conference)) {
    return isStandard(conference) && addableCalls(conference, calls).some((c) => c.id === call.id) ? ['addToConference'] : [];
  }
  const partners = calls.filter((other) => other.id !== call.id && canJoin(other) && (other.line ?? null) === (call.line ?? null));
  return partners.length > 0 ? ['merge'] : [];
}

/** The conference with every action decided: its own and each participant's. */
export function withConferenceActions(conference: Conference, calls: readonly Call[]): Conference {
  return {
    ...conference,
    actions: conferenceActionsFor(conference, calls),
    participants: conference.participants.map((p) => ({ ...p, actions: participantActionsFor(p, conference) })),
  };
}
