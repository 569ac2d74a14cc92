/**
 * ProviderInfo for renderer tests of capability hiding: a Bandwidth-like provider (no pickup, barge-in,
 * park, history of its own kind here, lines or answer devices; conferences it starts and bridges) and a
 * RingCentral-like one (listen, no lines), and `useProvider`, which makes a FakeBridge run one of them.
 */
import type { ProviderInfo } from '../../src/shared/providers';
import { type FakeBridge, WEBEX_INFO } from './fake-bridge';

export const BANDWIDTH_LIKE: ProviderInfo = {
  id: 'bandwidth',
  name: 'Bandwidth',
  shortName: 'Bandwidth',
  capabilities: ['startConference', 'bridge', 'recording', 'recordings', 'timeline'],
  signIn: ['credentials'],
  settingsFields: [],
  credentialFields: [],
  hasDemo: true,
  implemented: true,
};

export const RINGCENTRAL_LIKE: ProviderInfo = {
  id: 'ringcentral',
  name: 'RingCentral',
  shortName: 'RingCentral',
  capabilities: ['conference', 'park', 'pickup', 'recording', 'history', 'answerEndpoints', 'divert', 'voicemail', 'listen'],
  signIn: ['oauthPkce', 'pastedToken'],
  settingsFields: [],
  credentialFields: [],
  hasDemo: true,
  implemented: true,
};

/** Before mounting: the app state lists the provider and the status says it runs. */
export function useProvider(bridge: FakeBridge, info: ProviderInfo): FakeBridge {
  bridge.app = { ...bridge.app, provider: info.id, providers: [WEBEX_INFO, info] };
  bridge.currentStatus = { ...bridge.currentStatus, provider: info.id, account: { provider: info.id, displayName: 'Pat' } };
  return bridge;
}
