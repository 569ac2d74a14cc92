/**
 * What a provider folder tells the rest of main about itself: its id and name, what it can do, how one
 * signs in, its settings section, and how to build its account and its provider. Each provider folder
 * exports one (src/main/providers/<id>/descriptor.ts); src/main/runtime/provider-registry.ts lists them
 * and attaches the demo simulators (a provider folder never imports a simulator). It lives in auth
 * because the account it builds needs the secrets port; it must not import runtime, core or electron.
 */
import type { AccountState } from '../../shared/account';
import type { ProviderId } from '../../shared/domain';
import type { ProviderSettings } from '../../shared/provider-settings';
import type { CredentialField, ProviderCapability, ProviderSettingField, SignInKind } from '../../shared/providers';
import type { Result } from '../../shared/result';
import type { Timers } from '../foundation/timers';
import type { FetchFn } from '../provider-api/http-client';
import type { Provider } from '../provider-api/provider';
import type { TokenSource } from '../provider-api/token-source';
import type { ProviderSecrets } from './secrets';

/** Environment variables (SWITCHBOARD_*) as given to the app. */
export type Env = Record<string, string | undefined>;

/**
 * A provider account: sign-in, the session's tokens and sign-out. Which sign-in methods exist follows
 * the descriptor's sign-in kinds; a missing one is refused by the runtime with a clear message.
 */
export interface ProviderAccount {
  /** What the provider asks for tokens. */
  readonly tokens: TokenSource;
  state(): AccountState;
  onChange(listener: (state: AccountState) => void): () => void;
  /** Signed out by the provider (refresh refused) or by the user: the core must forget the calls. */
  onSignedOut(listener: (message: string) => void): () => void;
  /** At start: resumes a session from stored secrets. */
  restore(): Promise<void>;
  cancelSignIn(): void;
  signOut(): Promise<void>;
  /** 'oauthPkce' / 'oauthClientSecret': sign in in the system browser. */
  signInWithBrowser?(): Promise<Result<null>>;
  /** 'pastedToken': an access token the user pasted. */
  usePastedToken?(token: string): Promise<Result<null>>;
  /** 'oauthClientSecret': the integration's client secret; null forgets it. */
  setClientSecret?(secret: string | null): Promise<Result<null>>;
  /** 'credentials': the form's values by CredentialField key. */
  useCredentials?(values: Record<string, string>): Promise<Result<null>>;
}

/** The settings section of one provider, as the descriptor reads it. */
export type SectionOf<Id extends ProviderId> = Id extends keyof ProviderSettings ? ProviderSettings[Id] : Record<string, never>;

export interface AccountDeps<Section> {
  /** The provider's settings section as it is now. */
  settings: () => Section;
  env: Env;
  secrets: ProviderSecrets;
  /** Opens the system browser (shell.openExternal); never an embedded webview. */
  openBrowser: (url: string) => Promise<void>;
  fetch?: FetchFn;
  /** Loopback port for an OAuth redirect (tests use 0). */
  redirectPort?: number;
  signInTimeoutMs?: number;
}

export interface ProviderDeps<Section> {
  /** The provider's settings section as it is now (values the user may change while running). */
  settings: () => Section;
  env: Env;
  tokens: TokenSource;
  fetch?: FetchFn;
  /** The demo's simulator: its API base replaces the configured one. */
  baseUrl?: string;
  /** Where the provider reports what it skipped or could not read (the app log); never tokens. */
  log?: ProviderLog;
  /**
   * The clock its own waits run on (Bandwidth's paced request queue); real time unless a test drives a
   * hand clock (the IPC fuzz on Bandwidth's demo). A provider that has no such waits ignores it.
   */
  timers?: Timers;
}

/** The app log as a provider sees it. */
export interface ProviderLog {
  warn(message: string): void;
}

export interface ProviderDescriptor<Id extends ProviderId = ProviderId> {
  id: Id;
  /** The name shown to the user, e.g. "Webex Calling". */
  name: string;
  /** The short name in buttons and sentences, e.g. "Webex" ("Sign in with Webex"). */
  shortName: string;
  capabilities: readonly ProviderCapability[];
  signIn: readonly SignInKind[];
  /** Its section's fields the account screen shows (schema and defaults: src/shared/provider-settings.ts). */
  settingsFields: readonly ProviderSettingField[];
  credentialFields?: readonly CredentialField[];
  /** For 'pastedToken': where such a token comes from and how long it lasts. */
  pastedTokenHint?: string;
  /** An access token from the environment (e.g. SWITCHBOARD_WEBEX_TOKEN) that skips sign-in. */
  environmentToken(env: Env): string | undefined;
  /** The API base: fixed per provider (or the user's choice among its fixed ones), another only from the environment; also the sign-in browser's allow list. */
  apiBaseUrl(settings: SectionOf<Id>, env: Env): string;
  createAccount(deps: AccountDeps<SectionOf<Id>>): ProviderAccount;
  createProvider(deps: ProviderDeps<SectionOf<Id>>): Provider;
}
