/**
 * Which call (or conference) a global shortcut or a tray menu entry acts on, and the command it
 * becomes. Pure: the shell passes the current calls and conferences. A target is chosen only when the call offers that action right now,
 * so a shortcut never sends a command the provider would refuse.
 */
import { callCommand } from '../../shared/call-reference';
import { isOnHold, ringingCalls } from '../../shared/call-states';
import type { CallCommand, ConferenceCommand } from '../../shared/contract';
import type { Action, Call, Conference } from '../../shared/domain';

/** The shortcut actions that act on a call (dial selection, show panel and conference mute do not). */
export type CallShortcut = 'answer' | 'decline' | 'hangup' | 'toggleMute' | 'toggleHold';

const newestFirst = (a: Call, b: Call): number => b.createdAt.localeCompare(a.createdAt);

function offers(call: Call, action: Action): boolean {
  return call.actions.includes(action);
}

/** The call the user is talking on: connected first, else one being dialled. */
export function activeCall(calls: readonly Call[]): Call | undefined {
  const live = calls.filter((c) => c.state === 'connected').sort(newestFirst);
  if (live[0]) return live[0];
  return calls.filter((c) => c.state === 'connecting' && c.direction !== 'incoming').sort(newestFirst)[0];
}

/** Held calls, most recently started first. */
export function heldCalls(calls: readonly Call[]): Call[] {
  return calls.filter(isOnHold).sort(newestFirst);
}

/** The command a shortcut sends, or null when no call offers it right now. */
export function shortcutCommand(shortcut: CallShortcut, calls: readonly Call[]): CallCommand | null {
  switch (shortcut) {
    case 'answer': {
      const call = ringingCalls(calls).find((c) => offers(c, 'answer'));
      return call ? callCommand('answer', call) : null;
    }
    case 'decline': {
      const call = ringingCalls(calls).find((c) => offers(c, 'decline'));
      return call ? callCommand('decline', call) : null;
    }
    case 'hangup': {
      const active = activeCall(calls);
      if (active && offers(active, 'hangup')) return callCommand('hangup', active);
      // With no live call, hang up a held one only when it is the only one: otherwise the choice is the user's.
      const held = heldCalls(calls);
      return held.length === 1 && held[0] && offers(held[0], 'hangup') ? callCommand('hangup', held[0]) : null;
    }
    case 'toggleMute': {
      const active = activeCall(calls);
      if (!active || !active.muteCapable) return null;
      const action = active.muted ? 'unmute' : 'mute';
      return offers(active, action) ? callCommand(action, active) : null;
    }
    case 'toggleHold': {
      const active = activeCall(calls);
      if (active && offers(active, 'hold')) return callCommand('hold', active);
      const held = heldCalls(calls).find((c) => offers(c, 'resume'));
      return held ? callCommand('resume', held) : null;
    }
  }
}

/** What to tell the user when a shortcut finds nothing to act on. */
export function noTargetMessage(shortcut: CallShortcut): string {
  switch (shortcut) {
    case 'answer':
      return 'No ringing call to answer.';
    case 'decline':
      return 'No ringing call to decline.';
    case 'hangup':
      return 'No active call to hang up.';
    case 'toggleMute':
      return 'No call that can be muted.';
    case 'toggleHold':
      return 'No call to hold or resume.';
  }
}

/**
 * The conference the conference-mute shortcut acts on: the connected one (there may be several at
 * once: then the most recently created), never a held or ended one.
 */
export function conferenceToMute(conferences: readonly Conference[]): Conference | undefined {
  return conferences.filter((c) => c.state === 'connected').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** Mute or unmute me in that conference, or null when none is connected or it offers neither now. */
export function conferenceMuteCommand(conferences: readonly Conference[]): ConferenceCommand | null {
  const conference = conferenceToMute(conferences);
  if (!conference) return null;
  const action = conference.muted ? 'unmute' : 'mute';
  if (!conference.actions.includes(action)) return null;
  return { type: action === 'mute' ? 'muteHost' : 'unmuteHost', conferenceId: conference.id };
}

export const NO_CONFERENCE_TO_MUTE = 'No connected conference to mute.';
