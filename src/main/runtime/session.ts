/**
 * The running app without its windows: settings, the provider accounts (sign-in, tokens, secrets — one
 * per provider, built from its descriptor), the backend host (a provider or its demo, swappable) and
 * what ties them: a sign-in leaves the demo for the real account, a sign-out makes the core forget the
 * calls, a provider change in settings swaps the backend. Settings the session itself writes are told
 * through `onSettingsChanged`, so the windows hear of them. It also keeps the diagnostics journal (health
 * transitions, every command through its core) for "Save diagnostics…". The Electron shell and the
 * browser preview both run one. Must not import electron.
 */
import type { AccountState } from '../../shared/account';
import { PROVIDER_IDS, type ProviderId } from '../../shared/domain';
import { type Result, err, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { ProviderAccount } from '../auth/provider-descriptor';
import { secretsInside } from '../auth/endpoint-bound-secret';
import { SECRET_KINDS, type SecretVault, secretName } from '../auth/secrets';
import type { FetchFn } from '../provider-api/http-client';
import { safeProviderText } from '../provider-api/provider-error';
import type { SwitchboardCore } from '../core/switchboard-core';
import type { Timers } from '../foundation/timers';
import { createEmitter } from '../foundation/typed-emitter';
import { startBackend } from './backend';
import { type BackendFactory, type BackendHost, startBackendHost } from './backend-host';
import type { AccountControls } from './bridge-handlers';
import { secretsInEnvironment } from './diagnostics-gather';
import { createDiagnosticsJournal, type DiagnosticsJournal } from './diagnostics-journal';
import { configuredProviderId, type DemoSimulator, providerEntry, sectionOf } from './provider-registry';

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
  /** The backend's clock (backend.ts `timers`; default real time). */
  timers?: Timers;
}

export interface Session {
  /** Stable across provider swaps; every command through it is recorded in `diagnostics`. */
  readonly core: SwitchboardCore;
  /** Health transitions and the last commands with their outcomes, for the diagnostics report. */
  readonly diagnostics: DiagnosticsJournal;
  /** Every secret the session knows of (stored for any provider, the access token in use, or given in the environment), so a report can leave them out. */
  knownSecrets(): Promise<string[]>;
  readonly demo: boolean;
  /** The running provider (in the demo: the one whose simulator runs). */
  readonly provider: ProviderId;
  readonly simulator: DemoSimulator | undefined;
  /** The account of the configured provider. */
  readonly account: ProviderAccount;
  /** The account channels of the bridge. */
  readonly accountControls: AccountControls;
  simulateIncomingCall: BackendHost['simulateIncomingCall'];
  /** Call after settings were saved: swaps the provider if it changed. */
  settingsChanged(next: Settings): Promise<Result<null>>;
  onAccountChanged(listener: (state: AccountState) => void): () => void;
  /** Told after a provider swap (the demo flag may have changed). */
  onSwitched(listener: () => void): () => void;
  /** Told when the session saved settings itself (leaving the demo after a sign-in): windows must hear of it. */
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  close(): Promise<void>;
}

interface Events {
  account: AccountState;
  settings: Settings;
}

/** The account as a window sees it: its message (a sign-in problem in the provider's words) made safe like any provider text. */
function safeAccountState(state: AccountState): AccountState {
  return state.message === undefined ? state : { ...state, message: safeProviderText(state.message) };
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const { env, settings, log } = options;
  const events = createEmitter<Events>();
  const accounts = new Map<ProviderId, ProviderAccount>();
  // Set once the backend runs; an account restored before then has no calls to forget.
  const running: { host?: BackendHost } = {};

  /** The provider the user configured (the environment first); its account is the one shown. */
  function configuredProvider(): ProviderId {
    return configuredProviderId(settings.get(), env);
  }

  /** The provider's account, built from its descriptor on first use and restored from the vault. */
  async function accountFor(id: ProviderId): Promise<ProviderAccount | undefined> {
    const existing = accounts.get(id);
    if (existing) return existing;
    const entry = providerEntry(id);
    if (!entry.ok) return undefined;
    const { descriptor } = entry.value;
    const account = descriptor.createAccount({
      settings: () => sectionOf(settings.get(), id),
      env,
      secrets: options.vault.forProvider(id),
      openBrowser: options.openBrowser,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.redirectPort === undefined ? {} : { redirectPort: options.redirectPort }),
      ...(options.signInTimeoutMs === undefined ? {} : { signInTimeoutMs: options.signInTimeoutMs }),
    });
    accounts.set(id, account);
    account.onChange((state) => {
      if (configuredProvider() === id) events.emit('account', safeAccountState(state));
    });
    account.onSignedOut((message) => {
      log?.info(`Signed out of ${descriptor.name}: ${message}`);
      if (running.host?.provider === id && !running.host.demo) running.host.core.signOut(message);
    });
    await account.restore();
    return account;
  }

  let shownProvider = configuredProvider();
  const first = await accountFor(shownProvider);
  const host: BackendHost = await startBackendHost(
    {
      settings: settings.get(),
      liveSettings: settings.get,
      env,
      tokensFor: (id) => {
        const account = accounts.get(id);
        if (!account) throw new Error(`No account for ${id}`);
        return account.tokens;
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(log ? { log } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    },
    options.startBackend ?? startBackend,
  );
  running.host = host;
  const diagnostics = createDiagnosticsJournal();
  const stopJournal = diagnostics.watch(host.core);
  log?.info(`Started with ${host.demo ? `the demo of ${host.provider}` : host.provider}.`);

  /** The configured provider's account; its absence means the settings name no runnable provider. */
  function current(): ProviderAccount {
    const account = accounts.get(configuredProvider()) ?? first;
    if (!account) throw new Error('No provider account');
    return account;
  }

  /** Saves a patch of the session's own and tells the windows, as a save from Settings would. */
  function saveSettings(patch: unknown): Result<Settings> {
    const saved = settings.update(patch);
    if (saved.ok) events.emit('settings', saved.value);
    return saved;
  }

  /** After a successful sign-in: leave the demo for the real account, then read everything afresh. */
  async function afterSignIn(): Promise<Result<null>> {
    const id = configuredProvider();
    log?.info(`Signed in to ${nameOf(id)} (${current().state().method ?? 'unknown method'}).`);
    if (host.demo || host.provider !== id) {
      const saved = saveSettings({ provider: id, demo: false });
      if (!saved.ok) return saved;
      return host.switchTo(saved.value);
    }
    const read = await host.core.signIn();
    return read.ok ? ok(null) : read;
  }

  function nameOf(id: ProviderId): string {
    const entry = providerEntry(id);
    return entry.ok ? entry.value.descriptor.name : id;
  }

  function unsupported(what: string): Result<null> {
    return err('NOT_ALLOWED', `${nameOf(configuredProvider())} has no ${what}.`);
  }

  const accountControls: AccountControls = {
    state: () => safeAccountState(current().state()),
    async signIn() {
      const account = current();
      if (!account.signInWithBrowser) return unsupported('browser sign-in');
      const result = await account.signInWithBrowser();
      if (!result.ok) {
        log?.warn(`Sign-in failed: ${result.error.message}`);
        return result;
      }
      return afterSignIn();
    },
    cancelSignIn() {
      current().cancelSignIn();
      return ok(null);
    },
    async pasteToken(token) {
      const account = current();
      if (!account.usePastedToken) return unsupported('pasted-token sign-in');
      const result = await account.usePastedToken(token);
      return result.ok ? afterSignIn() : result;
    },
    async setClientSecret(secret) {
      const account = current();
      return account.setClientSecret ? account.setClientSecret(secret) : unsupported('client secret');
    },
    async signInWithCredentials(values) {
      const account = current();
      if (!account.useCredentials) return unsupported('credentials sign-in');
      const result = await account.useCredentials(values);
      return result.ok ? afterSignIn() : result;
    },
    async signOut() {
      await current().signOut();
      return ok(null);
    },
  };

  return {
    core: diagnostics.recording(host.core),
    diagnostics,
    async knownSecrets() {
      const names = PROVIDER_IDS.flatMap((id) => SECRET_KINDS.map((kind) => secretName(id, kind)));
      const stored = await Promise.all(names.map((name) => options.vault.get(name).catch(() => null)));
      const values = stored.filter((value): value is string => !!value).flatMap(secretsInside);
      // The token in use now: a pasted one is stored nowhere, and a short plain one looks like any word.
      const inUse = await Promise.all(
        [...accounts.values()].filter((account) => account.state().signedIn).map((account) => account.tokens.accessToken().catch(() => '')),
      );
      return [...values, ...inUse.filter((token) => token !== ''), ...secretsInEnvironment(env)];
    },
    get demo() {
      return host.demo;
    },
    get provider() {
      return host.provider;
    },
    get simulator() {
      return host.simulator;
    },
    get account() {
      return current();
    },
    accountControls,
    simulateIncomingCall: (kind) => host.simulateIncomingCall(kind),
    async settingsChanged(next) {
      const before = { provider: host.provider, demo: host.demo };
      // Another provider chosen: its account (restored from the vault) is the one the screen shows now.
      const shown = configuredProvider();
      const account = await accountFor(shown);
      if (account && shown !== shownProvider) events.emit('account', safeAccountState(account.state()));
      shownProvider = shown;
      const result = await host.switchTo(next);
      if (result.ok && (host.provider !== before.provider || host.demo !== before.demo)) {
        log?.info(
          `Switched from ${before.demo ? 'the demo of ' : ''}${before.provider} to ${host.demo ? 'the demo of ' : ''}${host.provider}.`,
        );
      }
      return result;
    },
    onAccountChanged: (listener) => events.on('account', listener),
    onSwitched: (listener) => host.onSwitched(listener),
    onSettingsChanged: (listener) => events.on('settings', listener),
    async close() {
      for (const account of accounts.values()) account.cancelSignIn();
      stopJournal();
      await host.close();
    },
  };
}
