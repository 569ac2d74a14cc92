/**
 * What every bridge channel does, free of electron: the handler map for the contract's invoke channels
 * (calls, commands, history, status, settings, app state, demo calls, windows, diagnostics) and the forwarding of
 * core events as push events. The Electron shell (shell/app-controller.ts) and the browser preview
 * (src/preview) run this same map, each supplying its own settings store, app state and windows.
 * Must not import electron, and must not decide how a push reaches a window: that is the caller's.
 */
import type { AccountState } from '../../shared/account';
import type {
  AppState,
  CommandArgs,
  CommandChannel,
  CommandResult,
  DiagnosticsSaved,
  Notice,
  PushChannel,
  PushEvents,
  WindowName,
} from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { SwitchboardCore } from '../core/switchboard-core';
import type { Backend } from './backend';

/** One handler per command channel; `from` is the window that asked. */
export type CommandHandlers = {
  [C in CommandChannel]: (args: CommandArgs<C>, from: WindowName) => CommandResult<C> | Promise<CommandResult<C>>;
};

/** What the handlers need of the backend (src/main/runtime/backend.ts). */
export type HandlerBackend = Pick<Backend, 'simulateIncomingCall'> & { core: SwitchboardCore };

/** The account channels (runtime/session.ts implements them). */
export interface AccountControls {
  state(): AccountState;
  signIn(): Promise<Result<null>>;
  cancelSignIn(): Result<null>;
  pasteToken(token: string): Promise<Result<null>>;
  setClientSecret(secret: string | null): Promise<Result<null>>;
  signInWithCredentials(values: Record<string, string>): Promise<Result<null>>;
  signOut(): Promise<Result<null>>;
}

export interface BridgeHandlerDeps {
  backend: HandlerBackend;
  account: AccountControls;
  settings: {
    get(): Settings;
    /** Validates, saves and applies a patch (the caller tells the windows about the change). */
    update(patch: unknown): Result<Settings>;
  };
  appState: () => AppState;
  windows: {
    open(name: WindowName): Result<null>;
    hide(name: WindowName): Result<null>;
  };
  /** Saves the diagnostics report where the user chooses (the shell's save dialog); the preview has none. */
  saveDiagnostics(): Promise<Result<DiagnosticsSaved>>;
}

export function createBridgeHandlers({
  backend,
  account,
  settings,
  appState,
  windows,
  saveDiagnostics,
}: BridgeHandlerDeps): CommandHandlers {
  const { core } = backend;
  return {
    'calls:list': () => core.calls(),
    'call:command': (command) => core.command(command),
    'conferences:list': () => core.conferences(),
    'conference:command': (command) => core.conferenceCommand(command),
    'history:list': (query) => core.history(query.type),
    'status:get': () => core.status(),
    'endpoints:list': () => core.answerEndpoints(),
    'recordings:list': ({ callId }) => core.recordings(callId),
    'transcription:request': ({ recordingId }) => core.requestTranscription(recordingId),
    'call:timeline': ({ callId }) => core.timeline(callId),
    'status:reconcile': () => core.reconcile(),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
    'app:state': () => appState(),
    // The backend refuses outside the demo, with the same words whichever way the request came.
    'demo:simulate': ({ kind }) => backend.simulateIncomingCall(kind),
    'window:open': ({ name }) => windows.open(name),
    // Escape hides the window it was pressed in: the sender, never another (the popup cannot hide the panel).
    'window:hide': (_none, from) => windows.hide(from),
    'account:get': () => account.state(),
    'account:signIn': () => account.signIn(),
    'account:cancelSignIn': () => account.cancelSignIn(),
    'account:pasteToken': ({ token }) => account.pasteToken(token),
    'account:setClientSecret': ({ secret }) => account.setClientSecret(secret),
    'account:signInWithCredentials': ({ values }) => account.signInWithCredentials(values),
    'account:signOut': () => account.signOut(),
    'diagnostics:save': () => saveDiagnostics(),
  };
}

export type PushSender = <C extends PushChannel>(channel: C, payload: PushEvents[C]) => void;

/**
 * Sends the core's changes as push events: calls, conferences, history, status, and a failed command
 * as an error `notice`. Returns the function that stops forwarding.
 */
export function forwardCoreEvents(core: SwitchboardCore, send: PushSender): () => void {
  const unsubscribe = [
    core.on('calls', (calls) => send('calls:changed', calls)),
    core.on('status', (status) => send('status:changed', status)),
    core.on('history', (history) => send('history:changed', history)),
    core.on('conferences', (conferences) => send('conferences:changed', conferences)),
    core.on('commandFailed', (failure) => {
      const notice: Notice = { kind: 'error', message: failure.error.message, callId: failure.callId, error: failure.error };
      send('notice', notice);
    }),
  ];
  return () => {
    for (const off of unsubscribe) off();
  };
}
