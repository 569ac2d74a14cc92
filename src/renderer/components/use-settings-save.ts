/**
 * Saving a settings change: sends the patch through the bridge, takes main's validated settings as the
 * new truth, and keeps the refusal message for the section that asked, so it shows next to the control.
 */
import { useState } from 'preact/hooks';
import type { SettingsPatch } from '../../shared/settings';
import { useBridge } from '../bridge-context';
import { settings } from '../state';

export interface SettingsSave {
  save: (patch: SettingsPatch) => Promise<boolean>;
  error: string | null;
}

export function useSettingsSave(): SettingsSave {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      const result = await bridge.updateSettings(patch);
      if (result.ok) {
        settings.value = result.value;
        setError(null);
        return true;
      }
      setError(result.error.message);
    } catch (failure) {
      setError(`Could not save the setting: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    return false;
  };
  return { save, error };
}
