/**
 * What the renderer may know about each provider, as plain data: its name, what it can do (the UI hides
 * what it cannot), how one signs in, which of its settings the account screen shows, and whether it has
 * a demo. Main builds these from the provider descriptors (src/main/runtime/provider-registry.ts).
 * Pure types and constants: no Node, no DOM, no electron.
 */
import type { ProviderId } from './domain';

/** Features a provider may or may not have; the renderer hides the ones it lacks. */
export const PROVIDER_CAPABILITIES = [
  'conference',
  'park',
  'pickup',
  'bargeIn',
  'recording',
  'history',
  'answerEndpoints',
  'lines',
  'divert',
  'voicemail',
  /** Listen to a colleague's call (RingCentral supervise). */
  'listen',
  /** Start an empty conference and dial people into it (Bandwidth). */
  'startConference',
  /** Connect two calls in a bridge (Bandwidth). */
  'bridge',
  /** A call's recordings, with transcriptions, viewable from the call and from history. */
  'recordings',
  /** A call's event timeline, viewable from the call and from history. */
  'timeline',
] as const;
export type ProviderCapability = (typeof PROVIDER_CAPABILITIES)[number];

/**
 * Ways to sign in: OAuth with PKCE in the system browser (no secret), OAuth where the provider also
 * wants the integration's client secret, a credentials form (user id + API token + secret), or a
 * pasted access token.
 */
export const SIGN_IN_KINDS = ['oauthPkce', 'oauthClientSecret', 'credentials', 'pastedToken'] as const;
export type SignInKind = (typeof SIGN_IN_KINDS)[number];

/** One value a 'choice' field offers: what the setting stores and what the user reads. */
export interface ProviderSettingOption {
  value: string;
  label: string;
}

/** One field of the provider's settings section that the account screen shows and saves. */
export type ProviderSettingField = {
  /** The key in `settings.providers[id]`. */
  key: string;
  label: string;
  hint?: string;
} & (
  | {
      /** 'clientId' fields are the OAuth integration's id: saved before a browser sign-in starts. */
      kind: 'text' | 'clientId';
    }
  | {
      /** One of a fixed list (a select), saved when chosen: e.g. RingCentral's two servers. */
      kind: 'choice';
      options: ProviderSettingOption[];
    }
);

/** One input of a credentials sign-in form (never stored in settings: main keeps them in the vault). */
export interface CredentialField {
  key: string;
  label: string;
  secret: boolean;
}

export interface ProviderInfo {
  id: ProviderId;
  /** The name shown to the user, e.g. "Webex Calling". */
  name: string;
  /** The short name in buttons and sentences, e.g. "Webex" ("Sign in with Webex"). */
  shortName: string;
  capabilities: ProviderCapability[];
  signIn: SignInKind[];
  /** The settings of its section the account screen shows. */
  settingsFields: ProviderSettingField[];
  /** For 'credentials' sign-in: the form's fields. */
  credentialFields: CredentialField[];
  /** Where a pasted access token comes from and how long it lasts, for its field's hint. */
  pastedTokenHint?: string;
  /** True when the demo can run this provider's simulator. */
  hasDemo: boolean;
}
