/**
 * What RingCentral Call Control allows on the user's party in each state (docs/wire/ringcentral-and-bandwidth.md
 * §A2): the UI shows exactly these. Ringing inbound: answer, reject (decline), forward (divert, also to
 * voicemail), reply with a message, and ignore for call-queue calls. Answered: hang up, hold, mute,
 * transfer (also to voicemail), park (own incoming calls), flip, recording (start, then pause/resume;
 * conference calls cannot be recorded). On hold: hang up, resume, mute, transfer, park. Listening to a
 * colleague (a Supervising party): hang up only. Ended (Parked, VoiceMail, Disconnected, Gone): none.
 * Merge and Add to conference depend on the user's other calls and are added by the provider. Pure.
 */
import type { Action } from '../../../shared/domain';
import type { WireParty, WireSession } from './wire';

export function isQueueCall(party: WireParty): boolean {
  return party.queueCall === true || party.attributes?.queueCall === true;
}

function recordingActions(party: WireParty, origin: string | undefined): Action[] {
  if (origin === 'Conference') return [];
  if (party.recordings.length === 0) return ['startRecording'];
  return party.recordings.some((r) => r.active !== false) ? ['pauseRecording'] : ['resumeRecording'];
}

export function actionsFor(party: WireParty, origin: WireSession['origin']): Action[] {
  const code = party.status.code;
  const inbound = party.direction === 'Inbound';
  const mute: Action = party.muted ? 'unmute' : 'mute';
  const park: Action[] = inbound ? ['park'] : [];
  if (party.status.reason === 'Supervising' && code === 'Answered') return ['hangup'];
  switch (code) {
    case 'Setup':
    case 'Proceeding': {
      if (!inbound) return ['hangup'];
      return ['answer', 'decline', 'divert', 'toVoicemail', 'reply', ...(isQueueCall(party) ? (['ignore'] as Action[]) : [])];
    }
    case 'Answered':
      return ['hangup', 'hold', mute, 'transfer', 'toVoicemail', ...park, 'flip', ...recordingActions(party, origin?.type)];
    case 'Hold':
      return ['hangup', 'resume', mute, 'transfer', 'toVoicemail', ...park];
    default:
      return [];
  }
}
