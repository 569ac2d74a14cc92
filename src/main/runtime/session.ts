/**
 * The running app without its windows: settings, the Webex account (sign-in, tokens, secrets), the
 * backend host (demo or a real provider, swappable) and what ties them: a sign-in switches from the
 * demo to Webex, a sign-out makes the core forget the calls, a provider change in settings swaps the
 * backend. The Electron shell and the browser preview both run one. Must not import electron.
 */
import type { AccountState } from '../../shared/account';
import { type Result, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { SecretVault } from '../auth/secrets';
import type { FetchFn } from '../provider-api/http-client';
import type { SwitchboardCore } from '../core/switchboard-core';
import { WEBEX_BASE_URL } from '../providers/webex/index';
import type { WebexSimulator } from '../simulator/webex/index';
import { startBackend } from './backend';
import { type BackendFactory, type BackendHost, startBackendHost } from './backend-host';
import type { AccountControls } from './bridge-handlers';
import { createWebexAccount, type WebexAccount } from '../providers/webex/account';

/** A client id built into a release (electron-vite `define`), so users need not register their own. */
declare const __SWITCHBOARD_WEBEX_CLIENT_ID__: string | undefined;
const BUILT_IN_CLIENT_ID = typeof __SWITCHBOARD_WEBEX_CLIENT_ID__ === 'string' ? __SWITCHBOARD_WEBEX_CLIENT_ID__ : '';

export interface SessionLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface SessionOptions {
  settings: { get(): Settings; update(patch: unknown): Result<Settings> };
  env: Record<string, string | undefined>;
  vault: SecretVault;
  /** Opens the system browser for sign-in (shell.openExternal in the app). */
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  log?: SessionLog;
  /** Loopback port for the OAuth redirect (default the registered one; tests use 0). */
  redirectPort?: number;
  signInTimeoutMs?: number;
  startBackend?: BackendFactory;
}

export interface Session {
  /** Stable across provider swaps. */
  readonly core: SwitchboardCore;
  readonly demo: boolean;
  readonly simulator: WebexSimulator | undefined;
  readonly account: WebexAccount;
  /** The account channels of the bridge. */
  readonly accountControls: AccountControls;
  simulateIncomingCall: BackendHost['simulateIncomingCall'];
  /** Call after settings were saved: swaps the provider if it changed. */
  settingsChanged(next: Settings): Promise<Result<null>>;
  onAccountChanged(listener: (state: AccountState) => void): () => void;
  /** Told after a provider swap (the demo flag may have changed). */
  onSwitched(listener: () => void): () => void;
  close(): Promise<void>;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const { env, settings, log } = options;
  const apiBase = (): string => env.SWITCHBOARD_WEBEX_BASE_URL ?? settings.get().webex.baseUrl ?? WEBEX_BASE_URL;
  const account = createWebexAccount({
    clientId: () => settings.get().webex.clientId || env.SWITCHBOARD_WEBEX_CLIENT_ID || BUILT_IN_CLIENT_ID,
    authBaseUrl: apiBase,
    apiBaseUrl: apiBase,
    vault: options.vault,
    openBrowser: options.openBrowser,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(env.SWITCHBOARD_WEBEX_TOKEN ? { environmentToken: env.SWITCHBOARD_WEBEX_TOKEN } : {}),
    ...(options.redirectPort === undefined ? {} : { redirectPort: options.redirectPort }),
    ...(options.signInTimeoutMs === undefined ? {} : { signInTimeoutMs: options.signInTimeoutMs }),
  });
  await account.restore();

  const host = await startBackendHost(
    { settings: settings.get(), liveSettings: settings.get, env, tokens: account.tokens, ...(options.fetch ? { fetch: options.fetch } : {}) },
    options.startBackend ?? startBackend,
  );
  log?.info(`Started with ${host.demo ? 'the demo account' : host.provider}.`);

  account.onSignedOut((message) => {
    log?.info(`Signed out of Webex: ${message}`);
    if (host.provider === 'webex') host.core.signOut(message);
  });

  /** After a successful sign-in: use Webex (swapping out the demo), then read everything afresh. */
  async function afterSignIn(): Promise<Result<null>> {
    log?.info(`Signed in to Webex (${account.state().method ?? 'unknown method'}).`);
    if (host.provider !== 'webex') {
      const saved = settings.update({ provider: 'webex' });
      if (!saved.ok) return saved;
      return host.switchTo(saved.value);
    }
    const read = await host.core.signIn();
    return read.ok ? ok(null) : read;
  }

  const accountControls: AccountControls = {
    state: () => account.state(),
    async signIn() {
      const result = await account.signInWithBrowser();
      if (!result.ok) {
        log?.warn(`Sign-in failed: ${result.error.message}`);
        return result;
      }
      return afterSignIn();
    },
    cancelSignIn() {
      account.cancelSignIn();
      return ok(null);
    },
    async pasteToken(token) {
      const result = await account.usePastedToken(token);
      return result.ok ? afterSignIn() : result;
    },
    setClientSecret: (secret) => account.setClientSecret(secret),
    async signOut() {
      await account.signOut();
      return ok(null);
    },
  };

  return {
    core: host.core,
    get demo() {
      return host.demo;
    },
    get simulator() {
      return host.simulator;
    },
    account,
    accountControls,
    simulateIncomingCall: (kind) => host.simulateIncomingCall(kind),
    async settingsChanged(next) {
      const before = host.provider;
      const result = await host.switchTo(next);
      if (result.ok && host.provider !== before) log?.info(`Switched from ${before} to ${host.provider}.`);
      return result;
    },
    onAccountChanged: (listener) => account.onChange(listener),
    onSwitched: (listener) => host.onSwitched(listener),
    async close() {
      account.cancelSignIn();
      await host.close();
    },
  };
}
