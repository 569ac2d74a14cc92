/**
 * Human words for the domain's codes: call states, directions, redirect reasons, history types, event
 * health, recording states, settings choices, sign-in methods. Pure tables and functions; no DOM, no bridge.
 * Tables are typed `Record<…>` so a code added to the domain fails to compile here until it has a label.
 */
import type { SignInMethod } from '../shared/account';
import { ACTION_LABELS } from '../shared/action-labels';
import type {
  Action,
  Call,
  CallDirection,
  ConferenceState,
  ConferenceType,
  EventHealth,
  HistoryType,
  ProviderId,
  RecordingState,
} from '../shared/domain';
import type { PopupReason, ShortcutAction } from '../shared/settings';

export function callStateLabel(call: Pick<Call, 'state' | 'direction'>): string {
  switch (call.state) {
    case 'alerting':
      // An outgoing call "alerts" while the other side rings: for me it is still being placed.
      return call.direction === 'incoming' ? 'Ringing' : 'Calling…';
    case 'connecting':
      return 'Calling…';
    case 'connected':
      return 'Connected';
    case 'held':
      return 'On hold';
    case 'remoteHeld':
      return 'Held by other party';
    case 'disconnected':
      return 'Ended';
    case 'unknown':
      return 'In an unknown state';
  }
}

export const DIRECTION_LABELS: Record<CallDirection, string> = {
  incoming: 'Incoming',
  outgoing: 'Outgoing',
  clickToDial: 'Click to dial',
  unknown: 'Call',
};

/** Popup rules in settings, one per reason a call can reach me. */
export const POPUP_REASON_LABELS: Record<PopupReason, string> = {
  direct: 'Direct calls',
  parkRecall: 'Parked call returning',
  busy: 'Forwarded — busy',
  noAnswer: 'Forwarded — no answer',
  unavailable: 'Forwarded — unavailable',
  unconditional: 'Forwarded — always',
  timeOfDay: 'Forwarded — time-of-day schedule',
  divert: 'Diverted to me',
  followMe: 'Follow me',
  huntGroup: 'Hunt group',
  callQueue: 'Call queue',
  unknown: 'Forwarded — other reason',
};

export const HISTORY_LABELS: Record<HistoryType, string> = {
  placed: 'Placed',
  missed: 'Missed',
  received: 'Received',
};

export const HEALTH_LABELS: Record<EventHealth, string> = {
  live: 'Live',
  polling: 'Polling',
  degraded: 'Degraded',
  offline: 'Offline',
  signedOut: 'Signed out',
};

/** Said after the health label when main gives no detail of its own. */
export const HEALTH_HINTS: Record<EventHealth, string> = {
  live: 'calls update as they happen',
  polling: 'checking for calls every few seconds',
  degraded: 'call updates are delayed',
  offline: 'calls are not updating',
  signedOut: 'sign in to see your calls',
};

export const RECORDING_LABELS: Record<RecordingState, string> = {
  pending: 'Recording starting…',
  started: 'Recording',
  paused: 'Recording paused',
  stopped: 'Recording stopped',
  failed: 'Recording failed',
};

export const CONFERENCE_STATE_LABELS: Record<ConferenceState, string> = {
  connected: 'Connected',
  held: 'On hold',
  disconnected: 'Ended',
};

/** Non-standard conferences, named for what I am doing in someone else's call. */
export const CONFERENCE_TYPE_LABELS: Record<ConferenceType, string> = {
  bargeIn: 'Barge-in',
  silentMonitoring: 'Silent monitoring',
  coaching: 'Coaching',
  bridge: 'Bridge',
};

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  browser: 'Signed in with the browser',
  pastedToken: 'Pasted access token (lasts 12 hours)',
  credentials: 'Signed in with your API credentials',
  environment: 'Access token from the SWITCHBOARD_WEBEX_TOKEN environment variable',
};

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  webex: 'Webex Calling',
  ringcentral: 'RingCentral',
  bandwidth: 'Bandwidth',
};

export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  answer: 'Answer the ringing call',
  decline: 'Decline the ringing call',
  hangup: ACTION_LABELS.hangup,
  toggleMute: 'Mute / unmute',
  toggleHold: 'Hold / resume',
  dialSelection: 'Dial the selected number',
  showPanel: 'Show Switchboard',
  toggleConferenceMute: 'Mute / unmute the conference',
};

/** What the card says while a command waits for the provider to confirm it. */
export const PENDING_LABELS: Partial<Record<Action, string>> = {
  answer: 'Answering…',
  decline: 'Declining…',
  divert: 'Forwarding…',
  toVoicemail: 'Sending to voicemail…',
  hangup: 'Hanging up…',
  hold: 'Putting on hold…',
  resume: 'Resuming…',
  mute: 'Muting…',
  unmute: 'Unmuting…',
  transfer: 'Transferring…',
  attendedTransfer: 'Transferring…',
  muteTransfer: 'Transferring when answered…',
  park: 'Parking…',
  push: 'Pushing…',
  dtmf: 'Sending tones…',
  startRecording: 'Starting recording…',
  stopRecording: 'Stopping recording…',
  pauseRecording: 'Pausing recording…',
  resumeRecording: 'Resuming recording…',
  merge: 'Merging…',
  addToConference: 'Adding to the conference…',
  deafen: 'Deafening…',
  undeafen: 'Undeafening…',
  releaseConference: 'Releasing the conference…',
  leaveConference: 'Leaving the conference…',
};

export function pendingLabel(action: Action | undefined): string {
  return (action && PENDING_LABELS[action]) ?? 'Waiting for confirmation…';
}
