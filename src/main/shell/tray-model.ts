/**
 * The tray as data: which icon, which tooltip and which context menu the current calls, event health
 * and settings call for. Pure, so every state is table-tested; the shell turns it into an Electron Tray.
 * The menu is always complete because some Linux trays deliver no click at all.
 */
import { ACTION_LABELS, SAVE_DIAGNOSTICS_LABEL } from '../../shared/action-labels';
import { callCommand } from '../../shared/call-reference';
import { isAnswered, isOnHold, ringingCalls } from '../../shared/call-states';
import type { CallCommand } from '../../shared/contract';
import { DEMO_CALL_KINDS, DEMO_CALL_LABELS, DEMO_MENU_LABEL, type DemoCallKind } from '../../shared/demo-calls';
import type { Call, Conference, Status } from '../../shared/domain';
import { partyTitle } from '../../shared/party-text';
import { activeCall, shortcutCommand } from './shortcut-targets';

export const TRAY_STATES = ['idle', 'ringing', 'inCall', 'muted', 'offline', 'signedOut'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** What a menu entry does when clicked; the shell carries it out. */
export type TrayAction =
  | { type: 'showPanel' }
  | { type: 'command'; command: CallCommand }
  | { type: 'setDoNotDisturb'; enabled: boolean }
  | { type: 'simulate'; kind: DemoCallKind }
  | { type: 'showSettings' }
  | { type: 'showConference' }
  | { type: 'signIn' }
  | { type: 'saveDiagnostics' }
  | { type: 'quit' };

export type TrayMenuItem =
  | { kind: 'action'; label: string; action: TrayAction }
  | { kind: 'checkbox'; label: string; checked: boolean; action: TrayAction }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] }
  | { kind: 'separator' };

export interface TrayModel {
  state: TrayState;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayInput {
  calls: readonly Call[];
  /** The conferences now (any number at once); a live one makes the Conference entry open its controls. */
  conferences?: readonly Conference[];
  status: Pick<Status, 'health' | 'detail'>;
  doNotDisturb: boolean;
  demo: boolean;
}

export const APP_NAME = 'Switchboard';

/**
 * The icon state. Signed out and offline come first: then the call list is stale and must not look
 * live. A ringing call outranks a call in progress; a muted call shows as muted.
 */
export function trayState(input: TrayInput): TrayState {
  const { health } = input.status;
  if (health === 'signedOut') return 'signedOut';
  if (health === 'offline') return 'offline';
  if (ringingCalls(input.calls).length > 0) return 'ringing';
  const active = activeCall(input.calls);
  if (active?.state === 'connected' && active.muted) return 'muted';
  if (active || input.calls.some(isOnHold)) return 'inCall';
  if (health === 'degraded') return 'offline';
  return 'idle';
}

export function trayTooltip(input: TrayInput, state: TrayState = trayState(input)): string {
  const dnd = input.doNotDisturb ? ' (do not disturb)' : '';
  const detail = input.status.detail ? `: ${input.status.detail}` : '';
  const active = activeCall(input.calls) ?? input.calls.find(isOnHold);
  switch (state) {
    case 'signedOut':
      return `${APP_NAME} — signed out${detail}`;
    case 'offline':
      return input.status.health === 'degraded'
        ? `${APP_NAME} — connection degraded${detail}${dnd}`
        : `${APP_NAME} — offline${detail}${dnd}`;
    case 'ringing': {
      const callers = ringingCalls(input.calls).map((c) => partyTitle(c.remote));
      return `${APP_NAME} — ringing: ${callers.join(', ')}${dnd}`;
    }
    case 'muted':
      return `${APP_NAME} — muted: ${active ? partyTitle(active.remote) : ''}${dnd}`;
    case 'inCall': {
      const on = active && isOnHold(active) ? 'on hold' : 'in a call';
      return `${APP_NAME} — ${on}${active ? ` with ${partyTitle(active.remote)}` : ''}${dnd}`;
    }
    case 'idle':
      return `${APP_NAME} — idle${dnd}`;
  }
}

function commandItem(label: string, command: CallCommand | null): TrayMenuItem[] {
  return command ? [{ kind: 'action', label, action: { type: 'command', command } }] : [];
}

function callItems(calls: readonly Call[]): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  const ringing = ringingCalls(calls);
  for (const call of ringing) {
    // With one call "Answer" is enough; with several each entry names its caller.
    const who = ringing.length > 1 ? ` ${partyTitle(call.remote)}` : '';
    if (call.actions.includes('answer')) items.push(...commandItem(`${ACTION_LABELS.answer}${who}`, callCommand('answer', call)));
    if (call.actions.includes('decline')) items.push(...commandItem(`${ACTION_LABELS.decline}${who}`, callCommand('decline', call)));
  }
  items.push(...commandItem(ACTION_LABELS.hangup, shortcutCommand('hangup', calls)));
  const mute = shortcutCommand('toggleMute', calls);
  if (mute) items.push(...commandItem(ACTION_LABELS[mute.type === 'mute' ? 'mute' : 'unmute'], mute));
  return items;
}

export function trayMenu(input: TrayInput): TrayMenuItem[] {
  const calls = callItems(input.calls);
  const menu: TrayMenuItem[] = [{ kind: 'action', label: 'Show panel', action: { type: 'showPanel' } }];
  // Signed out, the one thing that helps is signing in: offer it first.
  if (input.status.health === 'signedOut') menu.push({ kind: 'action', label: 'Sign in…', action: { type: 'signIn' } });
  if (calls.length > 0) menu.push({ kind: 'separator' }, ...calls);
  const answered = input.calls.filter(isAnswered);
  const live = (input.conferences ?? []).filter((c) => c.state !== 'disconnected').length;
  if (live > 0 || answered.length >= 2) {
    // One window shows them all: with several, the entry says how many.
    menu.push({ kind: 'action', label: live > 1 ? `Conferences (${live})…` : 'Conference…', action: { type: 'showConference' } });
  }
  menu.push(
    { kind: 'separator' },
    {
      kind: 'checkbox',
      label: 'Do not disturb',
      checked: input.doNotDisturb,
      action: { type: 'setDoNotDisturb', enabled: !input.doNotDisturb },
    },
  );
  if (input.demo) {
    menu.push({
      kind: 'submenu',
      label: DEMO_MENU_LABEL,
      items: DEMO_CALL_KINDS.map((kind) => ({
        kind: 'action',
        label: DEMO_CALL_LABELS[kind],
        action: { type: 'simulate', kind },
      })),
    });
  }
  menu.push(
    { kind: 'action', label: 'Settings', action: { type: 'showSettings' } },
    // Always there: a report for support is most wanted when nothing else works.
    { kind: 'action', label: SAVE_DIAGNOSTICS_LABEL, action: { type: 'saveDiagnostics' } },
    { kind: 'separator' },
    { kind: 'action', label: 'Quit', action: { type: 'quit' } },
  );
  return menu;
}

export function trayModel(input: TrayInput): TrayModel {
  const state = trayState(input);
  return { state, tooltip: trayTooltip(input, state), menu: trayMenu(input) };
}

/** The icon file for a state: macOS menu bars take black-and-alpha "Template" images that the OS tints. */
export function trayIconFile(state: TrayState, platform: string): string {
  return platform === 'darwin' ? `${state}Template.png` : `${state}.png`;
}
