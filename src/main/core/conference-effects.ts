/**
 * When a sent conference command counts as done: the effect each host or participant action must show
 * in a fresh snapshot's conference before its optimistic `pending` mark clears. Merge and add are
 * marked on the joining calls instead (pending-effects.ts). Pure; must not import electron.
 */
import type { Action, Conference } from '../../shared/domain';

/**
 * Whether `conference` (the one the command named, as a snapshot now shows it; undefined when it is
 * no longer reported) confirms `action`, done
 * to the host (no callId) or to the participant on `callId`. A conference that is gone, or a
 * participant who left, settles every pending action: there is nothing left to wait for.
 */
export function conferenceConfirms(action: Action, callId: string | undefined, conference: Conference | undefined): boolean {
  if (!conference || conference.state === 'disconnected') return true;
  if (callId !== undefined) {
    const participant = conference.participants.find((p) => p.callId === callId);
    if (!participant) return true;
    switch (action) {
      case 'mute':
        return participant.muted;
      case 'unmute':
        return !participant.muted;
      case 'deafen':
        return participant.deafened;
      case 'undeafen':
        return !participant.deafened;
      case 'hold':
        return participant.held === true;
      case 'resume':
        return participant.held !== true;
      default:
        return false;
    }
  }
  switch (action) {
    case 'mute':
      return conference.muted;
    case 'unmute':
      return !conference.muted;
    case 'hold':
      return conference.state === 'held';
    case 'resume':
      return conference.state === 'connected';
    default:
      // Release and leave are done only when the conference is gone (handled above).
      return false;
  }
}
