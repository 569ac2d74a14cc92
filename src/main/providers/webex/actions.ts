/**
 * What Webex allows on a call right now (docs/wire/webex-calling.md §7 preconditions), so the UI never
 * offers a button the state already says Webex would refuse. Pure: domain calls in, actions out.
 * Push is not offered: REST does not say which calls are tied to an executive.
 */
import { isAnswered } from '../../../shared/call-states';
import type { Action, Call, RecordingState } from '../../../shared/domain';

function muteAction(call: Call): Action[] {
  if (!call.muteCapable) return [];
  return call.muted ? ['unmute'] : ['mute'];
}

function recordingActions(state: RecordingState | undefined): Action[] {
  switch (state) {
    case 'started':
      return ['pauseRecording', 'stopRecording'];
    case 'paused':
      return ['resumeRecording', 'stopRecording'];
    case 'pending':
      return ['stopRecording'];
    default: // never invoked, stopped or failed
      return ['startRecording'];
  }
}

/** Another answered call on the same line that this one could be transferred to. */
function hasTransferPartner(call: Call, allCalls: readonly Call[]): boolean {
  return allCalls.some((other) => other.id !== call.id && (other.line ?? null) === (call.line ?? null) && isAnswered(other));
}

export function actionsFor(call: Call, allCalls: readonly Call[]): Action[] {
  const attended: Action[] = hasTransferPartner(call, allCalls) ? ['attendedTransfer'] : [];
  switch (call.state) {
    case 'alerting':
      if (call.direction === 'incoming') return ['answer', 'decline', 'divert', 'toVoicemail'];
      // Click to dial rings the user's own devices: answering places the call, hanging up cancels it.
      return ['answer', 'hangup'];
    case 'connecting':
      return ['hangup'];
    case 'connected':
      return [
        'hangup',
        'hold',
        'transfer',
        'muteTransfer',
        ...attended,
        'park',
        'dtmf',
        'toVoicemail',
        ...muteAction(call),
        ...recordingActions(call.recording),
      ];
    case 'held':
      return ['resume', 'hangup', 'transfer', ...attended, 'toVoicemail'];
    case 'remoteHeld':
      // Webex holds only connected calls: while the other side holds me, hold would be refused.
      return ['hangup', ...muteAction(call)];
    case 'unknown':
      // A state Webex added after this release: hanging up is the one command that is safe in any state.
      return ['hangup'];
    case 'disconnected':
      return [];
  }
}
