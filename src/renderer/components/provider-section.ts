/**
 * Reading and patching one value of the running provider's settings section (`settings.providers.<id>`)
 * from the renderer's settings signal. The schema in main checks the provider, the key and the value;
 * nothing here validates, and nothing here may hold a value of its own (the signal is the truth).
 */
import type { SettingsPatch } from '../../shared/settings';
import { settings } from '../state';

/** A value of the provider's settings section, '' when it has none. */
export function sectionValue(provider: string, key: string): string {
  const sections = settings.value?.providers as Partial<Record<string, Record<string, unknown>>> | undefined;
  const value = sections?.[provider]?.[key];
  return typeof value === 'string' ? value : '';
}

/** A patch of one value of the provider's section. */
export function sectionPatch(provider: string, key: string, value: string): SettingsPatch {
  return { providers: { [provider]: { [key]: value } } } as SettingsPatch;
}
