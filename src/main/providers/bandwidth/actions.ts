/**
 * What Catapult allows on a call right now (docs/wire/ringcentral-and-bandwidth.md §B2), so the UI
 * never offers a button Catapult would refuse: a ringing inbound call is answered or rejected; a
 * ringing outbound call is hung up; an active call is hung up, transferred, sent DTMF, recorded, spoken
 * or played into (and the playback stopped while it plays), asked for digits (one gather at a time),
 * and — when it is in no bridge or conference yet — bridged with another (Merge). A plain call has no
 * hold and no mute: those exist only for conference members and bridges. Pure: domain calls in,
 * actions out.
 */
import type { Action, Call } from '../../../shared/domain';

export interface CallContext {
  /** The call is in a bridge or a conference already. */
  joined?: boolean;
  /** A transfer leg rings for this call (Catapult `transferring`). */
  transferring?: boolean;
}

export function actionsFor(call: Call, context: CallContext = {}): Action[] {
  switch (call.state) {
    case 'alerting':
      return call.direction === 'incoming' ? ['answer', 'decline'] : ['hangup'];
    case 'connecting':
      return ['hangup'];
    case 'connected': {
      // While a transfer leg rings, Catapult takes only a hang-up of this leg.
      if (context.transferring || call.pending === 'transfer') return ['hangup'];
      const actions: Action[] = [
        'hangup',
        'transfer',
        'dtmf',
        call.recording === 'started' ? 'stopRecording' : 'startRecording',
        'speak',
        'playAudio',
      ];
      if (call.playing) actions.push('stopAudio');
      if (call.gather?.state !== 'collecting') actions.push('gather');
      if (!context.joined) actions.push('merge');
      return actions;
    }
    case 'unknown':
      return ['hangup'];
    case 'held':
    case 'remoteHeld':
    case 'disconnected':
      return [];
  }
}
