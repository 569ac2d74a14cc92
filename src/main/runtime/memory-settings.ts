/**
 * Settings kept in memory only, for the browser preview: the same checked writes as the settings file
 * (settings-patch.ts), nothing saved to disk, gone when the process ends.
 */
import { ok, type Result } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import { patchSettings } from './settings-patch';

export interface MemorySettings {
  get(): Settings;
  update(patch: unknown): Result<Settings>;
}

export function createMemorySettings(initial: Settings): MemorySettings {
  let current = structuredClone(initial);
  return {
    get: () => current,
    update(patch) {
      const next = patchSettings(current, patch);
      if (!next.ok) return next;
      current = next.value;
      return ok(current);
    },
  };
}
