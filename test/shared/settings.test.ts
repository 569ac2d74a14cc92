import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, applySettingsPatch, settingsPatchSchema, settingsSchema } from '../../src/shared/settings';

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('applies a nested patch without losing the rest', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, {
      popup: { reasons: { callQueue: false }, quietHours: { enabled: true } },
      shortcuts: { answer: 'F12' },
    });
    expect(result.success).toBe(true);
    expect(result.data?.popup.reasons.callQueue).toBe(false);
    expect(result.data?.popup.reasons.busy).toBe(true);
    expect(result.data?.popup.quietHours).toEqual({ enabled: true, start: '19:00', end: '08:00' });
    expect(result.data?.shortcuts.answer).toBe('F12');
    expect(result.data?.shortcuts.decline).toBe(DEFAULT_SETTINGS.shortcuts.decline);
  });

  it.each([
    [{ theme: 'purple' }],
    [{ popup: { quietHours: { start: '25:00' } } }],
    [{ webex: { baseUrl: 'ftp://example.com' } }],
    [{ shortcuts: { answer: 'Ctrl+<script>' } }],
    [{ unknownSetting: true }],
    [{ provider: 'skype' }],
  ])('refuses a malformed patch %j', (patch) => {
    const parsed = settingsPatchSchema.safeParse(patch);
    const applied = parsed.success ? applySettingsPatch(DEFAULT_SETTINGS, parsed.data) : parsed;
    expect(applied.success).toBe(false);
  });
});
