/**
 * One settings write, checked: the patch is parsed with the settings patch schema, applied to the
 * current settings and the whole result validated again. Shared by the settings file (shell) and the
 * preview's in-memory settings, so both refuse the same writes with the same words. Stores nothing.
 */
import { err, ok, type Result } from '../../shared/result';
import { applySettingsPatch, type Settings, settingsPatchSchema } from '../../shared/settings';

/** The first few problems, "path: message; …", for a person to read. */
export function describeSettingsIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The settings after `patch`, or BAD_INPUT saying what was wrong (nothing is changed). */
export function patchSettings(current: Settings, patch: unknown): Result<Settings> {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) return err('BAD_INPUT', `Those settings were not saved: ${describeSettingsIssues(parsed.error.issues)}.`);
  const next = applySettingsPatch(current, parsed.data);
  if (!next.success) return err('BAD_INPUT', `Those settings were not saved: ${describeSettingsIssues(next.error.issues)}.`);
  return ok(next.data);
}
