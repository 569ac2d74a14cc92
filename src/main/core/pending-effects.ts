/**
 * When a sent command counts as done: the effect each action must show in a fresh snapshot before its
 * optimistic `pending` mark is cleared. Pure; must not import electron.
 */
import type { Action, Call, Conference } from '../../shared/domain';

/** Actions that take the call away from the user: done when the call is gone. */
const ENDS_CALL = new Set<Action>([
  'hangup',
  'decline',
  'divert',
  'toVoicemail',
  'transfer',
  'muteTransfer',
  'park',
  'attendedTransfer',
  'push',
]);

/** Actions whose success answer is the only confirmation there will be (no state to watch). */
const DONE_ON_SUCCESS = new Set<Action>(['dtmf']);

/** Actions that put the call into the conference: done when the conference lists it. */
const JOINS_CONFERENCE = new Set<Action>(['merge', 'addToConference']);

/** Actions that may legitimately take much longer (mute transfer waits for the destination to answer). */
const SLOW = new Set<Action>(['muteTransfer']);

export function settlesOnSuccess(action: Action): boolean {
  return DONE_ON_SUCCESS.has(action) || (!JOINS_CONFERENCE.has(action) && expectedEffect(action) === undefined);
}

export function isSlow(action: Action): boolean {
  return SLOW.has(action);
}

type Effect = (call: Call) => boolean;

function expectedEffect(action: Action): Effect | undefined {
  if (ENDS_CALL.has(action)) return () => false;
  switch (action) {
    case 'hold':
      return (c) => c.state === 'held';
    case 'resume':
      // The far end may hold us at the same moment: our own hold is released either way.
      return (c) => c.state === 'connected' || c.state === 'remoteHeld';
    case 'mute':
      return (c) => c.muted;
    case 'unmute':
      return (c) => !c.muted;
    case 'answer':
      return (c) => c.state !== 'alerting';
    case 'startRecording':
      return (c) => c.recording === 'started' || c.recording === 'pending';
    case 'pauseRecording':
      return (c) => c.recording === 'paused';
    case 'resumeRecording':
      return (c) => c.recording === 'started';
    case 'stopRecording':
      return (c) => c.recording === 'stopped' || c.recording === undefined;
    default:
      return undefined;
  }
}

/**
 * Whether `call` (as a snapshot now shows it; undefined when it is gone) confirms `action`; the
 * snapshot's conferences confirm a merge or an add (any of them listing the call). A call that is gone settles every pending action:
 * there is nothing left to wait for.
 */
export function confirms(action: Action, call: Call | undefined, conferences: readonly Conference[] = []): boolean {
  if (!call || call.state === 'disconnected') return true;
  if (DONE_ON_SUCCESS.has(action)) return false;
  if (JOINS_CONFERENCE.has(action)) return conferences.some((c) => c.participants.some((p) => p.callId === call.id));
  const effect = expectedEffect(action);
  return effect ? effect(call) : false;
}
