// @vitest-environment happy-dom
/**
 * RingCentral's server on the account screen: a choice between its two servers (a select with plain
 * labels), saved as the choice when picked; no field anywhere takes an address.
 */
import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../src/renderer/components/SettingsView';
import { RINGCENTRAL_SERVER_OPTIONS } from '../../src/shared/provider-settings';
import type { ProviderInfo } from '../../src/shared/providers';
import { FakeBridge, WEBEX_INFO } from './fake-bridge';
import { mount, settle, unmountAll } from './fixtures';
import { RINGCENTRAL_INFO } from './provider-infos';

afterEach(unmountAll);

/** RingCentral with its settings fields as main describes them (src/main/providers/ringcentral/descriptor.ts). */
const RINGCENTRAL: ProviderInfo = {
  ...RINGCENTRAL_INFO,
  settingsFields: [
    { key: 'clientId', label: 'Client ID', kind: 'clientId', hint: 'From your RingCentral app.' },
    {
      key: 'server',
      label: 'Server',
      kind: 'choice',
      options: [...RINGCENTRAL_SERVER_OPTIONS],
      hint: 'Most accounts use RingCentral.',
    },
  ],
};

function ringCentralSignedOut(): FakeBridge {
  const bridge = new FakeBridge();
  bridge.app = { ...bridge.app, demo: false, provider: 'ringcentral', providers: [WEBEX_INFO, RINGCENTRAL] };
  bridge.currentSettings = { ...bridge.currentSettings, provider: 'ringcentral', demo: false };
  bridge.accountState = { ...bridge.accountState, provider: 'ringcentral', signInKinds: ['oauthPkce', 'pastedToken'] };
  bridge.currentStatus = { ...bridge.currentStatus, provider: 'ringcentral', demo: false, health: 'signedOut' };
  return bridge;
}

function accountSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Account' });
}

describe("RingCentral's server", () => {
  it('is a choice of its two servers, with labels that say which is which; choosing one saves the choice', async () => {
    const { bridge } = await mount(<SettingsView />, ringCentralSignedOut());
    const server = within(accountSection()).getByLabelText('Server') as HTMLSelectElement;
    expect(server.tagName).toBe('SELECT');
    expect([...server.options].map((o) => [o.value, o.textContent])).toEqual([
      ['production', 'RingCentral (platform.ringcentral.com)'],
      ['biz', 'Brand partner account (platform.ringcentral.biz)'],
    ]);
    expect(server.value).toBe('production');

    fireEvent.change(server, { target: { value: 'biz' } });
    await settle();
    expect(bridge.settingsPatches).toEqual([{ providers: { ringcentral: { server: 'biz' } } }]);
    expect(bridge.currentSettings.providers.ringcentral.server).toBe('biz');
    // Nothing to type an address into.
    expect(within(accountSection()).queryByRole('textbox', { name: 'Server' })).toBeNull();
  });
});
