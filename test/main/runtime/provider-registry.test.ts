import { describe, expect, it } from 'vitest';
import { chooseProvider, providerInfos } from '../../../src/main/runtime/provider-registry';
import { PROVIDER_IDS } from '../../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

describe('provider registry', () => {
  it('describes every known provider to the renderer as plain data', () => {
    const infos = providerInfos();
    expect(infos.map((p) => p.id)).toEqual([...PROVIDER_IDS]);
    expect(infos.find((p) => p.id === 'webex')).toMatchObject({
      name: 'Webex Calling',
      shortName: 'Webex',
      signIn: ['oauthPkce', 'oauthClientSecret', 'pastedToken'],
      settingsFields: [{ key: 'clientId', kind: 'clientId' }],
      hasDemo: true,
    });
    expect(infos.find((p) => p.id === 'webex')?.capabilities).toContain('conference');
    expect(infos.find((p) => p.id === 'ringcentral')).toMatchObject({
      name: 'RingCentral',
      hasDemo: true,
      signIn: ['oauthPkce', 'pastedToken'],
      settingsFields: [
        { key: 'clientId', kind: 'clientId' },
        // A choice between RingCentral's two servers, never a free address.
        { key: 'server', kind: 'choice', options: [{ value: 'production' }, { value: 'biz' }] },
        { key: 'deviceId' },
      ],
    });
    expect(infos.find((p) => p.id === 'ringcentral')?.capabilities).toEqual(
      expect.arrayContaining(['conference', 'listen', 'answerEndpoints', 'divert', 'voicemail']),
    );
    expect(infos.find((p) => p.id === 'ringcentral')?.capabilities).not.toContain('bargeIn');
    expect(infos.find((p) => p.id === 'bandwidth')).toMatchObject({
      name: 'Bandwidth',
      signIn: ['credentials'],
      capabilities: ['recording', 'history', 'startConference', 'bridge', 'recordings', 'timeline'],
      settingsFields: [{ key: 'number' }, { key: 'myPhone' }],
      credentialFields: [
        { key: 'userId', secret: false },
        { key: 'apiToken', secret: false },
        { key: 'apiSecret', secret: true },
      ],
      hasDemo: true,
    });
    // Plain data: it survives the structured clone IPC does.
    expect(structuredClone(infos)).toEqual(infos);
  });

  it.each([
    [undefined, { provider: 'webex', demo: true }],
    ['demo', { provider: 'webex', demo: true }],
    ['demo:webex', { provider: 'webex', demo: true }],
    ['webex', { provider: 'webex', demo: false }],
    ['demo:bandwidth', { provider: 'bandwidth', demo: true }],
    ['bandwidth', { provider: 'bandwidth', demo: false }],
    ['ringcentral', { provider: 'ringcentral', demo: false }],
    ['demo:ringcentral', { provider: 'ringcentral', demo: true }],
  ])('SWITCHBOARD_PROVIDER=%s runs %j', (value, expected) => {
    expect(chooseProvider(DEFAULT_SETTINGS, { SWITCHBOARD_PROVIDER: value })).toEqual({ ok: true, value: expected });
  });

  it('follows settings when the environment says nothing', () => {
    expect(chooseProvider({ ...DEFAULT_SETTINGS, demo: false }, {})).toEqual({ ok: true, value: { provider: 'webex', demo: false } });
  });

  it.each([
    [
      'skype',
      'SWITCHBOARD_PROVIDER: Unknown provider "skype": choose one of: webex, ringcentral, bandwidth (or demo, demo:webex, demo:ringcentral, demo:bandwidth).',
    ],
    [
      'demo:skype',
      'SWITCHBOARD_PROVIDER: Unknown provider "skype": choose one of: webex, ringcentral, bandwidth (or demo, demo:webex, demo:ringcentral, demo:bandwidth).',
    ],
  ])('refuses SWITCHBOARD_PROVIDER=%s, naming the valid values', (value, message) => {
    expect(chooseProvider(DEFAULT_SETTINGS, { SWITCHBOARD_PROVIDER: value })).toMatchObject({ ok: false, error: { message } });
  });

  it('refuses an unknown provider in settings, naming the valid ones', () => {
    const settings = { ...DEFAULT_SETTINGS, provider: 'skype', demo: false } as unknown as typeof DEFAULT_SETTINGS;
    expect(chooseProvider(settings, {})).toMatchObject({
      ok: false,
      error: { message: 'Settings: Unknown provider "skype": choose one of: webex, ringcentral, bandwidth.' },
    });
  });
});
