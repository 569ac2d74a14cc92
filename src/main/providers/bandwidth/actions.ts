/**
 * What Catapult allows on a call right now (docs/wire/ringcentral-and-bandwidth.md §B2), so the UI
 * never offers a button Catapult would refuse: a ringing inbound call is answered or rejected; a
 * ringing outbound call is hung up; an active call is hung up, transferred, sent DTMF, recorded,
 * (speaking, playing audio and collecting digits come with their commands). A plain call has no hold and no mute (those exist only
 * for conference members and bridges). Pure: domain calls in, actions out.
 */
import type { Action, Call } from '../../../shared/domain';

export function actionsFor(call: Call): Action[] {
  switch (call.state) {
    case 'alerting':
      return call.direction === 'incoming' ? ['answer', 'decline'] : ['hangup'];
    case 'connecting':
      return ['hangup'];
    case 'connected':
      // While a transfer leg rings, Catapult takes only a hang-up of this leg.
      if (call.pending === 'transfer') return ['hangup'];
      return ['hangup', 'transfer', 'dtmf', call.recording === 'started' ? 'stopRecording' : 'startRecording'];
    case 'unknown':
      return ['hangup'];
    case 'held':
    case 'remoteHeld':
    case 'disconnected':
      return [];
  }
}
