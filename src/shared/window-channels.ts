/**
 * Which channels each window may use, defined once: the invoke channels it may call and the push
 * events it is sent. Derived from what each window's code calls (src/renderer/<window>/ and the
 * shared state, components and hooks it renders); a window gets nothing else, so a page showing
 * caller-controlled text (the popup) cannot change settings or reach the account. Main's IPC
 * handler refuses the rest (src/main/runtime/command-invocation.ts), the push hub sends only these,
 * and a preload may expose only these. Plain data; no imports beyond the contract's types.
 */
import type { CommandChannel, PushChannel, WindowName } from './contract';

export interface WindowChannels {
  readonly invoke: readonly CommandChannel[];
  readonly push: readonly PushChannel[];
}

/** What every window's shared state (src/renderer/state.ts) reads and follows, and Escape hiding it. */
const EVERY_WINDOW_READS: readonly CommandChannel[] = [
  'calls:list',
  'conferences:list',
  'status:get',
  'settings:get',
  'app:state',
  'window:hide',
];

export const WINDOW_CHANNELS: Readonly<Record<WindowName, WindowChannels>> = {
  // The panel shows everything: calls, history, settings, the account, the demo menu, Save diagnostics.
  panel: {
    invoke: [
      ...EVERY_WINDOW_READS,
      'call:command',
      'history:list',
      'endpoints:list',
      'status:reconcile',
      'settings:set',
      'demo:simulate',
      'window:open',
      'account:get',
      'account:signIn',
      'account:cancelSignIn',
      'account:pasteToken',
      'account:setClientSecret',
      'account:signInWithCredentials',
      'account:signOut',
      'recordings:list',
      'transcription:request',
      'call:timeline',
      'diagnostics:save',
    ],
    push: [
      'calls:changed',
      'conferences:changed',
      'history:changed',
      'status:changed',
      'settings:changed',
      'app:changed',
      'dial:requested',
      'notice',
      'account:changed',
      'view:requested',
    ],
  },
  // The incoming-call popup answers, declines and diverts ringing calls: no settings changes, no account, no history.
  popup: {
    invoke: [...EVERY_WINDOW_READS, 'call:command'],
    push: ['calls:changed', 'status:changed', 'settings:changed', 'app:changed', 'notice'],
  },
  // The conference window controls conferences and reconciles from its status line.
  conference: {
    invoke: [...EVERY_WINDOW_READS, 'conference:command', 'status:reconcile'],
    push: ['calls:changed', 'conferences:changed', 'status:changed', 'settings:changed', 'app:changed', 'notice'],
  },
};

export function mayInvoke(window: WindowName, channel: CommandChannel): boolean {
  return WINDOW_CHANNELS[window].invoke.includes(channel);
}

export function receivesPush(window: WindowName, channel: PushChannel): boolean {
  return WINDOW_CHANNELS[window].push.includes(channel);
}
