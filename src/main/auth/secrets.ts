/**
 * The port to secrets at rest (refresh tokens, client secrets). The shell implements it with
 * safeStorage (shell/secret-vault.ts); the account logic only sees this interface. No electron here.
 */
import type { RefreshTokenStore } from './refresh-token-store';

export const SECRET_NAMES = ['webexRefreshToken', 'webexClientSecret'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretPersistence {
  /** True when secrets survive a restart (encrypted by the OS's secret store). */
  persistent: boolean;
  /** Why not, in words for the settings screen. */
  reason?: string;
}

export interface SecretVault {
  readonly persistence: SecretPersistence;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string | null): Promise<void>;
  /** Forgets every secret (sign-out). */
  wipe(): Promise<void>;
  /** The refresh-token port the token manager writes through. */
  refreshTokenStore(name: 'webexRefreshToken'): RefreshTokenStore;
}

/** Secrets for this run only: for tests, the preview, and systems without a secret store. */
export function memorySecretVault(reason?: string): SecretVault {
  const values = new Map<SecretName, string>();
  const get = async (name: SecretName) => values.get(name) ?? null;
  const set = async (name: SecretName, value: string | null) => {
    if (value === null) values.delete(name);
    else values.set(name, value);
  };
  return {
    persistence: { persistent: false, ...(reason ? { reason } : {}) },
    get,
    set,
    wipe: async () => values.clear(),
    refreshTokenStore: (name) => ({ save: (t) => set(name, t), load: () => get(name), clear: () => set(name, null) }),
  };
}
