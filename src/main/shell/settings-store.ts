/**
 * The user's settings on disk (electron-store, config.json in the app's data folder). What is read is
 * validated with the settings schema — a setting missing from an older file takes its default — and a
 * corrupt or invalid file is set aside as config.corrupt-<time>.json (so nothing is lost) and reported,
 * then defaults apply. A file an earlier version wrote is migrated first (shared/settings-migration.ts)
 * and saved back in today's shape. Every write is a validated patch. No secrets are stored here.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { Notice } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, settingsPatchSchema } from '../../shared/settings';
import { migrateSettings } from '../../shared/settings-migration';
import { describeSettingsIssues as describeIssues, patchSettings } from '../runtime/settings-patch';

export interface SettingsStore {
  get(): Settings;
  /** Validates and saves a patch; the saved settings, or BAD_INPUT saying what was wrong. */
  update(patch: unknown): Result<Settings>;
  /** Problems found while reading the file (shown to the user once the windows are up). */
  readonly notices: readonly Notice[];
  readonly path: string;
}

export interface SettingsStoreOptions {
  /** The folder for config.json (default: Electron's userData). */
  cwd?: string;
  now?: () => Date;
}

interface StoredShape {
  settings?: unknown;
}

const FILE_NAME = 'config';

/** Reads stored settings leniently: missing keys take defaults, anything malformed is an error. */
function parseStored(value: unknown): Result<Settings> {
  if (value === undefined) return ok(DEFAULT_SETTINGS);
  const patch = settingsPatchSchema.safeParse(migrateSettings(value).value);
  if (!patch.success) return err('BAD_INPUT', describeIssues(patch.error.issues));
  const merged = applySettingsPatch(DEFAULT_SETTINGS, patch.data);
  return merged.success ? ok(merged.data) : err('BAD_INPUT', describeIssues(merged.error.issues));
}

/** Checks the file before electron-store reads it, so a bad one can be moved aside rather than lost or fatal. */
function inspectFile(path: string): Result<null> {
  if (!existsSync(path)) return ok(null);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return err('BAD_INPUT', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err('BAD_INPUT', 'not a settings object');
  const settings = parseStored((raw as StoredShape).settings);
  return settings.ok ? ok(null) : settings;
}

export function openSettingsStore(options: SettingsStoreOptions = {}): SettingsStore {
  const now = options.now ?? (() => new Date());
  const notices: Notice[] = [];
  const cwd = options.cwd ?? app.getPath('userData');
  const path = join(cwd, `${FILE_NAME}.json`);

  // electron-store throws on a file that is not JSON, so the file is checked (and moved aside) first.
  const problem = inspectFile(path);
  if (!problem.ok) {
    const aside = join(cwd, `${FILE_NAME}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(path, aside);
    notices.push({
      kind: 'error',
      message: `Your settings file could not be read (${problem.error.message}), so the defaults are in use. The old file was kept as ${aside}.`,
    });
  }

  const store = new Store<StoredShape>({ name: FILE_NAME, cwd });
  const raw = store.get('settings');
  const stored = parseStored(raw);
  let current: Settings = stored.ok ? stored.value : DEFAULT_SETTINGS;
  // An earlier version's file: write it back in today's shape, so it is migrated once.
  if (stored.ok && migrateSettings(raw).migrated) {
    try {
      store.set('settings', current);
    } catch {
      // Read-only folder: the migration simply runs again at the next start.
    }
  }

  return {
    get: () => current,
    update(patch) {
      const next = patchSettings(current, patch);
      if (!next.ok) return next;
      try {
        store.set('settings', next.value);
      } catch (error) {
        return err('UNAVAILABLE', `Your settings could not be saved: ${error instanceof Error ? error.message : String(error)}`, {
          retryable: true,
        });
      }
      current = next.value;
      return ok(current);
    },
    notices,
    path: store.path,
  };
}
