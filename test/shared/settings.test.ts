import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, applySettingsPatch, settingsPatchSchema, settingsSchema } from '../../src/shared/settings';
import { migrateSettings } from '../../src/shared/settings-migration';

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
    [{ providers: { webex: { baseUrl: 'ftp://example.com' } } }],
    [{ providers: { webex: { baseUrl: 'https://webexapis.com/v1' } } }],
    [{ providers: { bandwidth: { baseUrl: 'https://api.catapult.inetwork.com/v1' } } }],
    [{ providers: { ringcentral: { server: 'https://platform.ringcentral.com' } } }],
    [{ providers: { ringcentral: { server: 'staging' } } }],
    [{ providers: { skype: { clientId: 'x' } } }],
    [{ demo: 'yes' }],
    [{ shortcuts: { answer: 'Ctrl+<script>' } }],
    [{ unknownSetting: true }],
    [{ provider: 'skype' }],
  ])('refuses a malformed patch %j', (patch) => {
    const parsed = settingsPatchSchema.safeParse(patch);
    const applied = parsed.success ? applySettingsPatch(DEFAULT_SETTINGS, parsed.data) : parsed;
    expect(applied.success).toBe(false);
  });

  it("patches one provider's section without losing its other settings", () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { providers: { webex: { clientId: 'C0abc' } }, demo: false });
    expect(result.data?.providers.webex).toEqual({ ...DEFAULT_SETTINGS.providers.webex, clientId: 'C0abc' });
    expect(result.data?.demo).toBe(false);
  });

  it('names the valid providers when a provider id is unknown', () => {
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, provider: 'skype' });
    expect(parsed.error?.issues[0]?.message).toBe('unknown provider: use one of webex, ringcentral, bandwidth');
  });

  it('starts new users in the demo of Webex', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ provider: 'webex', demo: true });
  });
});

describe('settings migration', () => {
  it("turns the earlier version's demo provider into the demo flag and moves the webex section", () => {
    const earlier = {
      provider: 'demo',
      webex: { clientId: 'C1', baseUrl: 'https://proxy.example/v1', answerEndpointId: 'ep-1' },
      theme: 'dark',
    };
    expect(migrateSettings(earlier)).toEqual({
      migrated: true,
      value: {
        provider: 'webex',
        demo: true,
        providers: { webex: { clientId: 'C1', answerEndpointId: 'ep-1' } },
        theme: 'dark',
      },
    });
  });

  it('keeps a signed-in Webex user out of the demo', () => {
    expect(migrateSettings({ provider: 'webex', webex: { clientId: 'C1' } }).value).toEqual({
      provider: 'webex',
      demo: false,
      providers: { webex: { clientId: 'C1' } },
    });
  });

  it.each([
    ['https://platform.ringcentral.biz', 'biz'],
    ['https://platform.ringcentral.biz/', 'biz'],
    ['https://PLATFORM.ringcentral.biz', 'biz'],
    ['https://platform.ringcentral.com', 'production'],
    ['http://127.0.0.1:4100', 'production'],
    ['https://platform.devtest.ringcentral.com', 'production'],
    ['not a url', 'production'],
  ])('turns the RingCentral server %s of an earlier version into the choice %s', (server, choice) => {
    expect(
      migrateSettings({ provider: 'ringcentral', demo: false, providers: { ringcentral: { clientId: 'rc', server, deviceId: '' } } }),
    ).toEqual({
      migrated: true,
      value: { provider: 'ringcentral', demo: false, providers: { ringcentral: { clientId: 'rc', server: choice, deviceId: '' } } },
    });
  });

  it("drops the Webex and Bandwidth API addresses an earlier version kept, and the result is valid today's settings", () => {
    const earlier = {
      ...DEFAULT_SETTINGS,
      providers: {
        webex: { clientId: 'C1', baseUrl: 'http://proxy.example/v1', answerEndpointId: '' },
        ringcentral: { clientId: '', server: 'https://platform.ringcentral.com', deviceId: '' },
        bandwidth: { number: '+19195551212', myPhone: '', baseUrl: 'https://api.catapult.inetwork.com/v1' },
      },
    };
    const { value, migrated } = migrateSettings(earlier);
    expect(migrated).toBe(true);
    expect(settingsSchema.parse(value).providers).toEqual({
      webex: { clientId: 'C1', answerEndpointId: '' },
      ringcentral: { clientId: '', server: 'production', deviceId: '' },
      bandwidth: { number: '+19195551212', myPhone: '' },
    });
  });

  it("leaves today's settings and partial files alone", () => {
    expect(migrateSettings(DEFAULT_SETTINGS)).toEqual({ migrated: false, value: DEFAULT_SETTINGS });
    expect(migrateSettings({ theme: 'light' })).toEqual({ migrated: false, value: { theme: 'light' } });
    expect(migrateSettings('nonsense')).toEqual({ migrated: false, value: 'nonsense' });
  });
});
