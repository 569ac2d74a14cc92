/**
 * The UI vocabulary's button names, one per action: a button's accessible name (screen readers and
 * tests find buttons by it) and the word a message uses for that action ("Hold is not available
 * now"). The one place these strings live: the renderer's buttons, the shell's tray menu and
 * notifications, and the core's messages all read them here. Pure data; no imports at run time.
 */
import type { Action } from './domain';

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  answer: 'Answer',
  decline: 'Decline',
  divert: 'Forward',
  toVoicemail: 'Send to voicemail',
  hangup: 'Hang up',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  transfer: 'Transfer',
  attendedTransfer: 'Transfer',
  muteTransfer: 'Transfer',
  park: 'Park',
  retrieve: 'Retrieve',
  pickup: 'Pick up',
  bargeIn: 'Barge in',
  push: 'Push to executive',
  dtmf: 'Keypad',
  startRecording: 'Record',
  stopRecording: 'Stop recording',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  merge: 'Merge',
  addToConference: 'Add to conference',
  deafen: 'Deafen',
  undeafen: 'Undeafen',
  releaseConference: 'Release conference',
  leaveConference: 'Leave conference',
  reply: 'Reply with message',
  ignore: 'Ignore',
  flip: 'Flip',
  listen: 'Listen',
  speak: 'Speak',
  playAudio: 'Play audio',
  stopAudio: 'Stop playback',
  gather: 'Collect digits',
  removeParticipant: 'Remove',
};

/** Placing a call is not an action a call offers, but it has a button too. */
export const DIAL_LABEL = 'Dial';

/** The report for a support ticket: the tray menu item and the button in Settings → Support. */
export const SAVE_DIAGNOSTICS_LABEL = 'Save diagnostics…';

export function actionLabel(action: Action | 'dial'): string {
  return action === 'dial' ? DIAL_LABEL : ACTION_LABELS[action];
}
