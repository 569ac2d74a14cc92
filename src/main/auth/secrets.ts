/**
 * The port to secrets at rest (refresh tokens, client secrets, API credentials), keyed by provider:
 * `webex.refreshToken`, `webex.clientSecret`, `bandwidth.apiSecret` … The shell implements it with
 * safeStorage (shell/secret-vault.ts); a provider's account sees only its own secrets through
 * `forProvider`. No electron here.
 */
import type { ProviderId } from '../../shared/domain';
import { bindToEndpoint, readBound } from './endpoint-bound-secret';
import type { RefreshTokenStore } from './refresh-token-store';

/** What a provider may keep. */
export const SECRET_KINDS = ['refreshToken', 'clientSecret', 'apiToken', 'apiSecret'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];
export type SecretName = `${ProviderId}.${SecretKind}`;

export function secretName(provider: ProviderId, kind: SecretKind): SecretName {
  return `${provider}.${kind}`;
}

/** Names earlier versions stored secrets under, and where they live now (migrated when the vault opens). */
export const LEGACY_SECRET_NAMES: Readonly<Record<string, SecretName>> = {
  webexRefreshToken: 'webex.refreshToken',
  webexClientSecret: 'webex.clientSecret',
};

export interface SecretPersistence {
  /** True when secrets survive a restart (encrypted by the OS's secret store). */
  persistent: boolean;
  /** Why not, in words for the settings screen. */
  reason?: string;
}

/** One provider's secrets: what its account is given. */
export interface ProviderSecrets {
  readonly provider: ProviderId;
  readonly persistence: SecretPersistence;
  get(kind: SecretKind): Promise<string | null>;
  set(kind: SecretKind, value: string | null): Promise<void>;
  /** Forgets this provider's secrets (its sign-out); other providers' stay. */
  wipe(): Promise<void>;
  /**
   * The refresh-token port the token manager writes through, for tokens of one token endpoint: a token
   * is saved with it, and one saved for another endpoint (or by a version that did not record it) loads
   * as none, so it is never sent there (endpoint-bound-secret.ts).
   */
  refreshTokenStore(tokenEndpoint: string): RefreshTokenStore;
}

export interface SecretVault {
  readonly persistence: SecretPersistence;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string | null): Promise<void>;
  /** Forgets one provider's secrets, or every secret when no provider is named. */
  wipe(provider?: ProviderId): Promise<void>;
  forProvider(provider: ProviderId): ProviderSecrets;
}

/** A provider's view of a vault, built from the vault's own get/set/wipe. */
export function providerSecrets(vault: Pick<SecretVault, 'persistence' | 'get' | 'set' | 'wipe'>, provider: ProviderId): ProviderSecrets {
  const get = (kind: SecretKind) => vault.get(secretName(provider, kind));
  const set = (kind: SecretKind, value: string | null) => vault.set(secretName(provider, kind), value);
  return {
    provider,
    persistence: vault.persistence,
    get,
    set,
    wipe: () => vault.wipe(provider),
    refreshTokenStore: (tokenEndpoint) => ({
      save: (t) => set('refreshToken', bindToEndpoint(t, tokenEndpoint)),
      load: async () => {
        const stored = readBound(await get('refreshToken'), tokenEndpoint);
        return stored.status === 'here' ? stored.value : null;
      },
      clear: () => set('refreshToken', null),
    }),
  };
}

/** Secrets for this run only: for tests, the preview, and systems without a secret store. */
export function memorySecretVault(reason?: string): SecretVault {
  const values = new Map<SecretName, string>();
  const vault: Omit<SecretVault, 'forProvider'> = {
    persistence: { persistent: false, ...(reason ? { reason } : {}) },
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      if (value === null) values.delete(name);
      else values.set(name, value);
    },
    wipe: async (provider) => {
      for (const name of [...values.keys()]) if (provider === undefined || name.startsWith(`${provider}.`)) values.delete(name);
    },
  };
  return { ...vault, forProvider: (provider) => providerSecrets(vault, provider) };
}
