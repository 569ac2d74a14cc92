/**
 * Where the token manager keeps the refresh token between runs. The shell implements it with
 * safeStorage + electron-store (encrypted, never plain); this module only defines the port and the
 * session-only variant for machines without a real secret store (Linux `basic_text`), where the token
 * is not persisted (docs/architecture.md, "Settings, secrets, sign-in"). Must not import electron and never writes a token anywhere itself.
 */

export interface RefreshTokenStore {
  /** Replaces the stored refresh token. Resolves once it is durable. */
  save(token: string): Promise<void>;
  /** The stored refresh token, or null when there is none (or it cannot be decrypted). */
  load(): Promise<string | null>;
  /** Forgets the refresh token. */
  clear(): Promise<void>;
}

/**
 * Keeps the refresh token for this run only: after a restart the user signs in again. For systems
 * where encrypting at rest is impossible; the shell tells the user why.
 */
export function sessionOnlyRefreshTokenStore(): RefreshTokenStore {
  let token: string | null = null;
  return {
    save: async (value) => {
      token = value;
    },
    load: async () => token,
    clear: async () => {
      token = null;
    },
  };
}
