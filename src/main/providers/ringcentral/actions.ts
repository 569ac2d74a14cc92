/**
 * What RingCentral Call Control allows on the user's party in each state (docs/wire/ringcentral-and-bandwidth.md
 * §A2): the UI shows exactly these. Ringing inbound: answer, reject (decline), forward (divert, also to
 * voicemail). Answered: hang up, hold, mute, transfer (also to voicemail), park (own incoming calls),
 * recording (start, then pause/resume; conference calls cannot be recorded). On hold: hang up, resume,
 * mute, transfer, park. Ended (Parked, VoiceMail, Disconnected, Gone): none. The actions RingCentral
 * also has but the CallCommand contract cannot carry yet (reply and ignore while ringing, flip while
 * answered) are offered only when asked for with `extended`. Pure.
 */
import type { Action } from '../../../shared/domain';
import type { WireParty, WireSession } from './wire';

export interface ActionOptions {
  /** Also offer reply, ignore (queue calls) and flip, once the contract has commands for them. */
  extended?: boolean;
}

export function isQueueCall(party: WireParty): boolean {
  return party.queueCall === true || party.attributes?.queueCall === true;
}

function recordingActions(party: WireParty, origin: string | undefined): Action[] {
  if (origin === 'Conference') return [];
  if (party.recordings.length === 0) return ['startRecording'];
  return party.recordings.some((r) => r.active !== false) ? ['pauseRecording'] : ['resumeRecording'];
}

export function actionsFor(party: WireParty, origin: WireSession['origin'], _options: ActionOptions = {}): Action[] {
  const code = party.status.code;
  const inbound = party.direction === 'Inbound';
  const mute: Action = party.muted ? 'unmute' : 'mute';
  const park: Action[] = inbound ? ['park'] : [];
  switch (code) {
    case 'Setup':
    case 'Proceeding': {
      if (!inbound) return ['hangup'];
      return ['answer', 'decline', 'divert', 'toVoicemail'];
    }
    case 'Answered':
      return ['hangup', 'hold', mute, 'transfer', 'toVoicemail', ...park, ...recordingActions(party, origin?.type)];
    case 'Hold':
      return ['hangup', 'resume', mute, 'transfer', 'toVoicemail', ...park];
    default:
      return [];
  }
}
