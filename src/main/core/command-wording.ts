/**
 * The words the core uses when it tells a person what happened to a command: how a call's state reads
 * ("on hold", "ringing") and provider display names; action names are the buttons' own
 * (src/shared/action-labels.ts). Pure; must not import electron.
 */
import type { Action, Call, ProviderId } from '../../shared/domain';

const PROVIDER_NAMES: Record<ProviderId, string> = {
  webex: 'Webex',
  ringcentral: 'RingCentral',
  bandwidth: 'Bandwidth',
};

export function providerDisplayName(id: ProviderId): string {
  return PROVIDER_NAMES[id];
}

const STATE_WORDS: Record<Call['state'], string> = {
  connecting: 'still connecting',
  alerting: 'ringing',
  connected: 'connected',
  held: 'on hold',
  remoteHeld: 'on hold at the other end',
  disconnected: 'ended',
  unknown: 'in a state Switchboard does not know',
};

/** "ringing", "on hold" …: completes "the call is …". */
export function describeCallState(call: Call): string {
  return STATE_WORDS[call.state];
}

/** One aspect of a call, as "subject is predicate", so a sentence can say "still" or "now". */
interface Aspect {
  subject: string;
  predicate: string;
}

function aspectOf(action: Action, call: Call): Aspect {
  if (action === 'mute' || action === 'unmute') {
    return { subject: 'the call', predicate: call.muted ? 'muted' : 'not muted' };
  }
  if (action.endsWith('Recording')) {
    switch (call.recording) {
      case 'started':
        return { subject: 'the call', predicate: 'being recorded' };
      case 'pending':
        return { subject: 'recording', predicate: 'starting' };
      case 'paused':
        return { subject: 'recording', predicate: 'paused' };
      case 'failed':
        return { subject: 'recording', predicate: 'failed' };
      default:
        return { subject: 'the call', predicate: 'not being recorded' };
    }
  }
  return { subject: 'the call', predicate: STATE_WORDS[call.state] };
}

/**
 * What is true now about the call a command was meant for, after re-reading it: "the call has ended",
 * "the call is still on hold", "the call is now on hold".
 */
export function truthAbout(action: Action, before: Call | undefined, after: Call | undefined): string {
  if (!after || after.state === 'disconnected') return 'the call has ended';
  const now = aspectOf(action, after);
  const was = before ? aspectOf(action, before) : undefined;
  const still = was?.predicate === now.predicate;
  return `${now.subject} is ${still ? 'still' : 'now'} ${now.predicate}`;
}

/** "Webex did not answer in time." + "the call is still on hold" → "Webex did not answer in time — the call is still on hold." */
export function joinTruth(message: string, truth: string): string {
  return `${message.trim().replace(/\.$/, '')} — ${truth}.`;
}
