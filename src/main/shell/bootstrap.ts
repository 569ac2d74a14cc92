/**
 * The app's lifecycle from launch to the running controller: the single-instance lock comes first (a
 * second start hands its link or "show" to the first and quits), links are collected from before
 * `ready` (macOS open-url), then — once Electron is ready — security hooks, settings, the backend and
 * the controller, and finally the OS protocol registration. A backend that cannot start is reported
 * in a dialog and the app quits.
 */
import { join } from 'node:path';
import { app, dialog, net } from 'electron';
import type { FetchFn } from '../provider-api/http-client';
import { createAppLog } from '../runtime/app-log';
import type { BackendFactory } from '../runtime/backend-host';
import { configuredApiBase } from '../runtime/provider-registry';
import { type Session, startSession } from '../runtime/session';
import { type AppController, startAppController } from './app-controller';
import { createLaunchRequests, deliverArgv, listenForLaunchRequests, registerLinkProtocols } from './protocol-links';
import { installSecurity, openExternalSafely } from './security';
import { openSecretVault } from './secret-vault';
import { openSettingsStore } from './settings-store';

/** Must equal electron-builder's appId: Windows ties notifications to it. */
export const APP_USER_MODEL_ID = 'com.switchboard.desktop';

export interface BootstrapOptions {
  startBackend: BackendFactory;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Folder of the settings, secrets and log files (default Electron's userData). */
  settingsDirectory?: string;
  /** Loopback port for the sign-in redirect (default the one to register; tests use 0). */
  redirectPort?: number;
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
  const folder = options.settingsDirectory ?? app.getPath('userData');
  const settings = openSettingsStore({ cwd: folder });
  const log = createAppLog({ folder: join(folder, 'logs') });
  const vault = await openSecretVault({ cwd: folder, ...(options.platform === undefined ? {} : { platform: options.platform }) });
  if (!vault.persistence.persistent) log.warn(`Secrets are kept for this run only: ${vault.persistence.reason ?? ''}`);

  let session: Session;
  try {
    session = await startSession({
      settings,
      env: options.env,
      vault,
      fetch: electronFetch,
      log,
      startBackend: options.startBackend,
      // The system browser, never an embedded one: the provider's https sign-in pages, or the provider's
      // API base (fixed, RingCentral's chosen server, or a development server from the environment; never
      // a window's choice) — the authorize URL is built from it.
      openBrowser: async (url) => {
        if (!openExternalSafely(url, configuredApiBase(settings.get(), options.env))) {
          throw new Error('That sign-in address is not one Switchboard opens.');
        }
      },
      ...(options.redirectPort === undefined ? {} : { redirectPort: options.redirectPort }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Could not start: ${message}`);
    dialog.showErrorBox('Switchboard could not start', message);
    app.quit();
    return null;
  }

  const controller = startAppController({
    backend: session,
    settings,
    log,
    logFile: log.file,
    requests,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
    ...(options.onlinePollMs === undefined ? {} : { onlinePollMs: options.onlinePollMs }),
  });
  registerLinkProtocols();
  return controller;
}
