/**
 * The app's lifecycle from launch to the running controller: the single-instance lock comes first (a
 * second start hands its link or "show" to the first and quits), links are collected from before
 * `ready` (macOS open-url), then — once Electron is ready — security hooks, settings, the backend and
 * the controller, and finally the OS protocol registration. A backend that cannot start is reported
 * in a dialog and the app quits.
 */
import { app, dialog, net } from 'electron';
import type { Settings } from '../../shared/settings';
import type { FetchFn } from '../core/http-client';
import { type AppController, type ShellBackend, startAppController } from './app-controller';
import { createLaunchRequests, deliverArgv, listenForLaunchRequests, registerLinkProtocols } from './protocol-links';
import { installSecurity } from './security';
import { openSettingsStore } from './settings-store';

/** Must equal electron-builder's appId: Windows ties notifications to it. */
export const APP_USER_MODEL_ID = 'com.switchboard.desktop';

export interface BootstrapOptions {
  startBackend(options: { settings: Settings; env: Record<string, string | undefined>; fetch?: FetchFn }): Promise<ShellBackend>;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Folder of the settings file (default Electron's userData). */
  settingsDirectory?: string;
  onlinePollMs?: number;
}

/** Electron's fetch goes through Chromium's network stack: system proxy, PAC and certificates. */
const electronFetch: FetchFn = (input, init) => net.fetch(input instanceof URL ? input.href : input, init);

/** Runs the app; resolves with the controller, or null when this instance quits (second start, failed start). */
export async function bootstrap(options: BootstrapOptions): Promise<AppController | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const requests = createLaunchRequests();
  listenForLaunchRequests(requests);
  deliverArgv(requests, options.argv, null);
  app.setAppUserModelId(APP_USER_MODEL_ID);

  await app.whenReady();
  installSecurity();
  const settings = openSettingsStore(options.settingsDirectory === undefined ? {} : { cwd: options.settingsDirectory });

  let backend: ShellBackend;
  try {
    backend = await options.startBackend({ settings: settings.get(), env: options.env, fetch: electronFetch });
  } catch (error) {
    dialog.showErrorBox('Switchboard could not start', error instanceof Error ? error.message : String(error));
    app.quit();
    return null;
  }

  const controller = startAppController({
    backend,
    settings,
    requests,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
    ...(options.onlinePollMs === undefined ? {} : { onlinePollMs: options.onlinePollMs }),
  });
  registerLinkProtocols();
  return controller;
}
