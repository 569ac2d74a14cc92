/**
 * Secrets at rest (refresh tokens, client secrets), keyed by provider (`webex.refreshToken`): encrypted
 * with safeStorage's async API and kept in their own electron-store file (secrets.json), never in plain
 * text. Secrets stored under an earlier version's names (`webexRefreshToken`) are moved to today's on
 * open. Where the OS has no real secret store (Linux `basic_text`, or encryption unavailable) nothing is
 * persisted: secrets live for this run only and the user is told why. Access tokens never come here:
 * they stay in memory.
 */
import { app, safeStorage } from 'electron';
import Store from 'electron-store';
import type { ProviderId } from '../../shared/domain';
import { LEGACY_SECRET_NAMES, providerSecrets, type SecretName, type SecretPersistence, type SecretVault } from '../auth/secrets';

export interface ShellSecretVault extends SecretVault {
  /** The file holding the encrypted secrets. */
  readonly path: string;
}

export interface SecretVaultOptions {
  cwd?: string;
  platform?: NodeJS.Platform;
}

/** Encrypted values, base64, nested by provider (electron-store reads `webex.refreshToken` as a path). */
type StoredSecrets = Record<string, unknown>;

/** Backends that only obfuscate: a fixed key anyone can read, so nothing is kept there (docs/architecture.md). */
const NOT_A_SECRET_STORE = new Set(['basic_text', 'unknown']);

async function decidePersistence(platform: NodeJS.Platform): Promise<SecretPersistence> {
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  if (!available) {
    return {
      persistent: false,
      reason: 'This system offers no encryption for stored secrets, so you will sign in again after each restart.',
    };
  }
  if (platform === 'linux' && NOT_A_SECRET_STORE.has(safeStorage.getSelectedStorageBackend())) {
    return {
      persistent: false,
      reason:
        'No secret store (GNOME Keyring or KWallet) is running, so Switchboard keeps your sign-in only until you quit rather than store it where anyone could read it.',
    };
  }
  return { persistent: true };
}

export async function openSecretVault(options: SecretVaultOptions = {}): Promise<ShellSecretVault> {
  const platform = options.platform ?? process.platform;
  const persistence = await decidePersistence(platform);
  const store = new Store<StoredSecrets>({ name: 'secrets', cwd: options.cwd ?? app.getPath('userData') });
  const memory = new Map<SecretName, string>();

  if (!persistence.persistent) {
    // Something stored under a real secret store earlier cannot be read now, and must not linger.
    store.clear();
  }
  migrateLegacyNames(store);

  async function get(name: SecretName): Promise<string | null> {
    if (!persistence.persistent) return memory.get(name) ?? null;
    const stored = store.get(name);
    if (typeof stored !== 'string') return null;
    try {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
      return result;
    } catch {
      // Encrypted by another user or machine key: unreadable, so forget it rather than fail every start.
      store.delete(name);
      return null;
    }
  }

  async function set(name: SecretName, value: string | null): Promise<void> {
    if (!persistence.persistent) {
      if (value === null) memory.delete(name);
      else memory.set(name, value);
      return;
    }
    if (value === null) {
      store.delete(name);
      return;
    }
    const encrypted = await safeStorage.encryptStringAsync(value);
    store.set(name, encrypted.toString('base64'));
  }

  async function wipe(provider?: ProviderId): Promise<void> {
    if (provider === undefined) {
      memory.clear();
      store.clear();
      return;
    }
    for (const name of [...memory.keys()]) if (name.startsWith(`${provider}.`)) memory.delete(name);
    store.delete(provider);
  }

  const vault = { persistence, get, set, wipe };
  return { ...vault, forProvider: (provider) => providerSecrets(vault, provider), path: store.path };
}

/** Moves secrets stored under an earlier version's names to today's, still encrypted as they were. */
function migrateLegacyNames(store: Store<StoredSecrets>): void {
  for (const [legacy, name] of Object.entries(LEGACY_SECRET_NAMES)) {
    const value = store.get(legacy);
    if (value === undefined) continue;
    if (typeof value === 'string' && store.get(name) === undefined) store.set(name, value);
    store.delete(legacy);
  }
}
