/**
 * Saving a settings change: sends the patch through the bridge, takes main's validated settings as the
 * new truth, and keeps the refusal message for the section that asked, so it shows next to the control.
 */
import { useState } from 'preact/hooks';
import type { SettingsPatch } from '../../shared/settings';
import { useBridge } from '../bridge-context';
import { throughBridge } from '../bridge-request';
import { settings } from '../state';

export interface SettingsSave {
  save: (patch: SettingsPatch) => Promise<boolean>;
  error: string | null;
}

export function useSettingsSave(): SettingsSave {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: SettingsPatch): Promise<boolean> => {
    const result = await throughBridge(() => bridge.updateSettings(patch), 'save the setting');
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    settings.value = result.value;
    setError(null);
    return true;
  };
  return { save, error };
}
