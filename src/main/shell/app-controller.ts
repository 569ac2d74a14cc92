/**
 * Wires the running backend to the desktop: windows (panel, popup), tray, OS notifications, global
 * shortcuts, links, IPC and connectivity. Core events flow out to the windows, the tray model, the
 * popup and the notifications; user actions from any of them flow back in as core commands, and every
 * failure becomes a notice. "Save diagnostics…" (tray and panel) saves the runtime's redacted report.
 * Owns the clean shutdown. No call logic of its own: that is the core's.
 */
import { app, clipboard, Menu, type Rectangle } from 'electron';
import type { AppState, CallCommand, DiagnosticsSaved, DialRequest, Notice, PushChannel, PushEvents } from '../../shared/contract';
import { callCommand } from '../../shared/call-reference';
import { err, ok, type Result } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import { type CallShortcut, conferenceMuteCommand, NO_CONFERENCE_TO_MUTE, noTargetMessage, shortcutCommand } from './shortcut-targets';
import { type TrayAction, trayModel } from './tray-model';
import type { Session } from '../runtime/session';
import { createBridgeHandlers, forwardCoreEvents } from '../runtime/bridge-handlers';
import { providerInfos } from '../runtime/provider-registry';
import { watchConnectivity } from './connectivity';
import { createDialRequests } from './dial-requests';
import { saveDiagnostics } from './diagnostics-export';
import { gatherDiagnosticsReport } from '../runtime/diagnostics-gather';
import { registerIpcHandlers } from './ipc';
import { createNoticeBoard } from './notices';
import { createCallNotifier } from './notifications';
import { createPanelWindow, type PanelWindow } from './panel-window';
import { createPopupController } from './popup-controller';
import { createPopupWindow, type PopupWindow } from './popup-window';
import { createConferenceWindow, type ConferenceWindow } from './conference-window';
import type { LaunchRequests } from './protocol-links';
import { createPushHub } from './push';
import type { SettingsStore } from './settings-store';
import { createShortcutManager } from './shortcuts';
import { createTrayView } from './tray';
import { createWindowRegistry } from './window-registry';

/** What the shell needs of the running session (src/main/runtime/session.ts). */
export type ShellBackend = Pick<
  Session,
  | 'core'
  | 'demo'
  | 'provider'
  | 'simulateIncomingCall'
  | 'close'
  | 'accountControls'
  | 'settingsChanged'
  | 'onAccountChanged'
  | 'onSwitched'
  | 'onSettingsChanged'
  | 'diagnostics'
  | 'knownSecrets'
>;

/** Where the shell writes what happened (runtime/app-log.ts); redaction happens there. */
export interface ShellLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface AppControllerOptions {
  backend: ShellBackend;
  settings: SettingsStore;
  /** Links and second starts, queued since launch. */
  requests: LaunchRequests;
  log?: ShellLog;
  /** The app log's file, whose tail goes into the diagnostics report. */
  logFile?: string;
  platform?: NodeJS.Platform;
  /** How often to look at the network state (default 3 s: shell/connectivity.ts). */
  onlinePollMs?: number;
  now?: () => Date;
}

export interface AppController {
  readonly panel: PanelWindow;
  readonly popup: PopupWindow;
  readonly conference: ConferenceWindow;
  state(): AppState;
  /** Stops everything and closes the backend; the app then quits. */
  close(): Promise<void>;
}

/** Linux keeps the X11 primary selection separately from the clipboard; other systems have only the clipboard. */
async function readSelection(platform: NodeJS.Platform): Promise<string> {
  if (platform === 'linux' && clipboard.selection) {
    const selection = (await clipboard.selection.readText()).trim();
    if (selection) return selection;
  }
  return (await clipboard.readText()).trim();
}

function applicationMenu(platform: NodeJS.Platform): Menu | null {
  // No default menu: it would bring Reload and DevTools accelerators. macOS keeps Edit so copy/paste work in fields.
  return platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null;
}

export function startAppController(options: AppControllerOptions): AppController {
  const { backend, settings: store } = options;
  const { core } = backend;
  const platform = options.platform ?? process.platform;
  const now = options.now ?? (() => new Date());
  const settings = (): Settings => store.get();
  let quitting = false;
  let closing: Promise<void> | null = null;
  let closed = false;

  Menu.setApplicationMenu(applicationMenu(platform));
  if (platform === 'darwin') app.dock?.hide();

  const registry = createWindowRegistry();
  const push = createPushHub(registry);

  let trayBounds: () => Rectangle | undefined = () => undefined;
  const panel = createPanelWindow({ trayBounds: () => trayBounds(), quitting: () => quitting });
  const popup = createPopupWindow({ quitting: () => quitting });
  const conferenceWindow = createConferenceWindow({ quitting: () => quitting });
  registry.add('panel', panel.window);
  registry.add('popup', popup.window);
  registry.add('conference', conferenceWindow.window);
  const log = options.log;

  const notices = createNoticeBoard({ push, windowVisible: () => panel.isVisible() || popup.isVisible() });
  const notice = (n: Notice): void => {
    if (n.kind === 'error') log?.warn(n.message);
    notices.show(n);
  };

  function runCommand(command: CallCommand): Promise<void> {
    return core.command(command).then((result) => {
      if (result.ok) return;
      const callId = 'callId' in command ? command.callId : undefined;
      notice({ kind: 'error', message: result.error.message, error: result.error, ...(callId ? { callId } : {}) });
    });
  }

  const popupController = createPopupController({ popup, settings, now });
  const notifier = createCallNotifier({
    platform,
    settings,
    now,
    answer: (call) => void runCommand(callCommand('answer', call)),
    decline: (call) => void runCommand(callCommand('decline', call)),
    activate: () => {
      if (!popupController.bringForward()) panel.show();
    },
  });

  const tray = createTrayView({ platform, perform: (action) => void perform(action), onClick: () => panel.toggle() });
  trayBounds = () => tray.bounds();

  function refresh(): void {
    const calls = core.calls();
    const current = settings();
    tray.render(
      trayModel({ calls, conferences: core.conferences(), status: core.status(), doNotDisturb: current.doNotDisturb, demo: backend.demo }),
    );
    popupController.update(calls);
    notifier.update(calls);
  }

  const dialRequests = createDialRequests({
    core,
    settings,
    confirm: (request: DialRequest) => {
      push.send('dial:requested', request);
      panel.show();
    },
    notice,
  });

  const onShortcut = (shortcut: CallShortcut) => () => {
    const command = shortcutCommand(shortcut, core.calls());
    if (command) void runCommand(command);
    else notice({ kind: 'info', message: noTargetMessage(shortcut) });
  };
  const shortcuts = createShortcutManager({
    answer: onShortcut('answer'),
    decline: onShortcut('decline'),
    hangup: onShortcut('hangup'),
    toggleMute: onShortcut('toggleMute'),
    toggleHold: onShortcut('toggleHold'),
    dialSelection: () => void readSelection(platform).then((text) => dialRequests.fromSelection(text)),
    showPanel: () => panel.show(),
    toggleConferenceMute: () => {
      const command = conferenceMuteCommand(core.conferences());
      if (!command) {
        notice({ kind: 'info', message: NO_CONFERENCE_TO_MUTE });
        return;
      }
      void core.conferenceCommand(command).then((result) => {
        if (!result.ok) notice({ kind: 'error', message: result.error.message, error: result.error });
      });
    },
  });

  function state(): AppState {
    return {
      demo: backend.demo,
      provider: backend.provider,
      providers: providerInfos(),
      version: app.getVersion(),
      platform,
      shortcutFailures: shortcuts.failures(),
    };
  }

  function applyStartAtLogin(current: Settings): void {
    // Login items exist on macOS and Windows; Linux autostart needs a .desktop file the packager writes.
    if (platform !== 'darwin' && platform !== 'win32') return;
    if (app.getLoginItemSettings().openAtLogin !== current.startAtLogin) app.setLoginItemSettings({ openAtLogin: current.startAtLogin });
  }

  function applySettings(current: Settings): void {
    const before = shortcuts.failures().join();
    shortcuts.apply(current.shortcuts);
    applyStartAtLogin(current);
    push.send('settings:changed', current);
    if (shortcuts.failures().join() !== before) push.send('app:changed', state());
    refresh();
  }

  function updateSettings(patch: unknown): Result<Settings> {
    const result = store.update(patch);
    if (result.ok) {
      applySettings(result.value);
      // A provider change swaps the backend; a failure leaves the running one and says why.
      void backend.settingsChanged(result.value).then((swapped) => {
        if (!swapped.ok) notice({ kind: 'error', message: swapped.error.message, error: swapped.error });
      });
    }
    return result;
  }

  /** Asks where to save the redacted report (runtime/diagnostics-gather.ts builds it) and writes it there. */
  function exportDiagnostics(): Promise<Result<DiagnosticsSaved>> {
    return saveDiagnostics({
      now,
      parent: () => (panel.isVisible() ? panel.window : undefined),
      build: () =>
        gatherDiagnosticsReport({
          journal: backend.diagnostics,
          status: () => core.status(),
          provider: () => backend.provider,
          demo: () => backend.demo,
          appVersion: app.getVersion(),
          now,
          known: () => backend.knownSecrets(),
          ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
        }),
    });
  }

  async function perform(action: TrayAction): Promise<void> {
    switch (action.type) {
      case 'showPanel':
        panel.show();
        return;
      case 'showSettings':
      case 'signIn':
        panel.show();
        push.send('view:requested', { view: 'settings', focusAccount: action.type === 'signIn' });
        return;
      case 'showConference':
        conferenceWindow.show();
        return;
      case 'command':
        await runCommand(action.command);
        return;
      case 'setDoNotDisturb': {
        const result = updateSettings({ doNotDisturb: action.enabled });
        if (!result.ok) notice({ kind: 'error', message: result.error.message, error: result.error });
        return;
      }
      case 'simulate': {
        const result = await backend.simulateIncomingCall(action.kind);
        if (!result.ok) notice({ kind: 'error', message: result.error.message, error: result.error });
        return;
      }
      case 'saveDiagnostics': {
        const result = await exportDiagnostics();
        if (!result.ok) notice({ kind: 'error', message: result.error.message, error: result.error });
        else if (result.value.saved) notice({ kind: 'info', message: `Diagnostics saved to ${result.value.path}` });
        return;
      }
      case 'quit':
        app.quit();
        return;
    }
  }

  const handlers = createBridgeHandlers({
    backend,
    account: backend.accountControls,
    settings: { get: settings, update: updateSettings },
    appState: state,
    windows: {
      open(name) {
        if (name === 'panel') panel.show();
        else if (name === 'popup') {
          if (!popupController.bringForward()) return err('NOT_FOUND', 'No call is ringing.');
        } else conferenceWindow.show();
        return ok(null);
      },
      hide(name) {
        if (name === 'panel') panel.hide();
        else if (name === 'popup') popupController.dismiss();
        else conferenceWindow.hide();
        return ok(null);
      },
    },
    saveDiagnostics: exportDiagnostics,
  });
  const unregisterIpc = registerIpcHandlers(registry, handlers);

  // Notices go through the notice board (an OS notification when no window shows them); calls and status also redraw the tray.
  const stopForwarding = forwardCoreEvents(core, <C extends PushChannel>(channel: C, payload: PushEvents[C]) => {
    if (channel === 'notice') notices.show(payload as Notice);
    else push.send(channel, payload);
    if (channel === 'calls:changed' || channel === 'status:changed' || channel === 'conferences:changed') refresh();
  });
  const stopAccount = backend.onAccountChanged((account) => push.send('account:changed', account));
  // Settings the session saved itself (leaving the demo after a sign-in) reach the windows like any other save.
  const stopSessionSettings = backend.onSettingsChanged((current) => applySettings(current));
  // A provider swap (demo → Webex after sign-in) changes what the windows show as the app's state.
  const stopSwitched = backend.onSwitched(() => {
    push.send('app:changed', state());
    refresh();
  });
  const stopConnectivity = watchConnectivity({ core, pollMs: options.onlinePollMs });

  shortcuts.apply(settings().shortcuts);
  applyStartAtLogin(settings());
  refresh();

  // Problems found while reading settings: told once the panel can display them.
  if (store.notices.length > 0) {
    panel.window.webContents.once('did-finish-load', () => {
      for (const n of store.notices) notices.show(n);
    });
  }

  options.requests.attach((request) => {
    if (request.type === 'show') panel.show();
    else void dialRequests.fromLink(request.url);
  });

  // A tray app lives on with every window closed.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void controller.close().then(() => app.quit());
  });

  const controller: AppController = {
    panel,
    popup,
    conference: conferenceWindow,
    state,
    close() {
      if (closing) return closing;
      quitting = true;
      closing = (async () => {
        stopForwarding();
        stopAccount();
        stopSessionSettings();
        stopSwitched();
        stopConnectivity();
        shortcuts.unregisterAll();
        notifier.closeAll();
        unregisterIpc();
        tray.destroy();
        for (const [, window] of registry.entries()) window.destroy();
        try {
          await backend.close();
        } finally {
          closed = true;
        }
      })();
      return closing;
    },
  };
  return controller;
}
