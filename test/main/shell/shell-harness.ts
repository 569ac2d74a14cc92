/**
 * Starts the whole shell the way src/main/index.ts does — bootstrap() with the real backend
 * (runtime/backend.ts) — inside the fake electron module. Two backends:
 * - 'webex': the real Webex provider against a recording Webex simulator on loopback (the test sees
 *   every request the app makes);
 * - 'demo': the built-in demo exactly as a new user gets it (simulator in-process, not recorded).
 * Nothing but electron is faked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Backend, startBackend } from '../../../src/main/runtime/backend';
import type { AppController } from '../../../src/main/shell/app-controller';
import { bootstrap } from '../../../src/main/shell/bootstrap';
import { webexSimulatorOf } from '../../../src/main/runtime/provider-registry';
import { type RecordedRequest, startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex/index';
import type { Call } from '../../../src/shared/domain';
import type { SettingsPatch } from '../../../src/shared/settings';
import { app, type BrowserWindow, type FakeMenu, resetFakeElectron, Tray, windowsShowing } from '../../fakes/electron';

export interface ShellOptions {
  backend?: 'webex' | 'demo';
  platform?: NodeJS.Platform;
  argv?: string[];
  /** Written to the settings file before start. */
  settings?: SettingsPatch;
  /** Runs between bootstrap() and `ready` (e.g. macOS open-url before ready). */
  beforeReady?: () => void;
}

export interface RunningShell {
  controller: AppController;
  backend: Backend;
  simulator: WebexSimulator;
  panel: BrowserWindow;
  popup: BrowserWindow;
  tray: Tray;
  settingsDirectory: string;
  /** The requests the app made since this call, e.g. to wait for a POST. */
  requests(match?: { method?: string; path?: string }): RecordedRequest[];
  /** Waits until the core shows a call matching the predicate. */
  untilCall(predicate: (call: Call) => boolean): Promise<Call>;
  untilNoCalls(): Promise<void>;
  stop(): Promise<void>;
}

export const POLL_MS = '100';

/** The tray's context menu, which the test expects the shell to have set. */
export function trayMenu(shell: RunningShell | undefined): FakeMenu {
  const contextMenu = shell?.tray.contextMenu;
  if (!contextMenu) throw new Error('the tray has no context menu');
  return contextMenu;
}

export async function startShell(options: ShellOptions = {}): Promise<RunningShell> {
  resetFakeElectron();
  const settingsDirectory = mkdtempSync(join(tmpdir(), 'switchboard-shell-'));
  if (options.settings) writeFileSync(join(settingsDirectory, 'config.json'), JSON.stringify({ settings: options.settings }));

  const kind = options.backend ?? 'webex';
  const ownSimulator = kind === 'webex' ? await startWebexSimulator({ farEndAnswerMs: null }) : undefined;
  const env: Record<string, string> =
    kind === 'webex' && ownSimulator
      ? {
          SWITCHBOARD_PROVIDER: 'webex',
          SWITCHBOARD_WEBEX_BASE_URL: ownSimulator.baseUrl,
          SWITCHBOARD_WEBEX_TOKEN: ownSimulator.token,
          SWITCHBOARD_POLL_MS: POLL_MS,
        }
      : { SWITCHBOARD_PROVIDER: 'demo', SWITCHBOARD_POLL_MS: POLL_MS };

  let backend: Backend | undefined;
  const running = bootstrap({
    startBackend: async (o) => {
      backend = await startBackend(o);
      return backend;
    },
    argv: options.argv ?? ['/opt/Switchboard/switchboard'],
    env,
    settingsDirectory,
    onlinePollMs: 20,
    ...(options.platform ? { platform: options.platform } : {}),
  });
  options.beforeReady?.();
  app.emitReady();
  const controller = await running;
  if (!controller || !backend) throw new Error('the shell did not start');
  const simulator = ownSimulator ?? webexSimulatorOf(backend.simulator);
  if (!simulator) throw new Error('no simulator');
  const started = simulator.requests.length;
  const core = backend.core;

  const [panel] = windowsShowing('panel.html');
  const [popup] = windowsShowing('popup.html');
  const [tray] = Tray.instances;
  if (!panel || !popup || !tray) throw new Error('windows or tray missing');

  return {
    controller,
    backend,
    simulator,
    panel,
    popup,
    tray,
    settingsDirectory,
    requests: (match = {}) =>
      simulator.requests
        .slice(started)
        .filter((r) => (match.method === undefined || r.method === match.method) && (match.path === undefined || r.path === match.path)),
    async untilCall(predicate) {
      await expect.poll(() => core.calls().some(predicate), { timeout: 5_000, interval: 20 }).toBe(true);
      const call = core.calls().find(predicate);
      if (!call) throw new Error('call vanished');
      return call;
    },
    async untilNoCalls() {
      await expect.poll(() => core.calls().length, { timeout: 5_000, interval: 20 }).toBe(0);
    },
    async stop() {
      await controller.close();
      await ownSimulator?.close();
      rmSync(settingsDirectory, { recursive: true, force: true });
    },
  };
}

/** Waits for a condition the app reaches asynchronously (polling, IPC round trips). */
export function eventually<T>(read: () => T, timeout = 5_000) {
  return expect.poll(read, { timeout, interval: 20 });
}
