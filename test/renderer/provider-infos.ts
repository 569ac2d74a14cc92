/**
 * ProviderInfo for renderer tests: RingCentral and Bandwidth as main describes them to the windows
 * (their capabilities decide what the views offer), narrower "-like" variants for capability hiding, and
 * ways to make one of them the running provider of a FakeBridge.
 */
import type { ProviderInfo } from '../../src/shared/providers';
import { FakeBridge, WEBEX_INFO } from './fake-bridge';

export const BANDWIDTH_INFO: ProviderInfo = {
  id: 'bandwidth',
  name: 'Bandwidth',
  shortName: 'Bandwidth',
  capabilities: ['recording', 'history', 'startConference', 'bridge', 'recordings', 'timeline'],
  signIn: ['credentials'],
  settingsFields: [],
  credentialFields: [],
  hasDemo: true,
};

export const RINGCENTRAL_INFO: ProviderInfo = {
  id: 'ringcentral',
  name: 'RingCentral',
  shortName: 'RingCentral',
  capabilities: ['conference', 'park', 'recording', 'history', 'answerEndpoints', 'divert', 'voicemail', 'listen'],
  signIn: ['oauthPkce', 'pastedToken'],
  settingsFields: [],
  credentialFields: [],
  hasDemo: true,
};

/** A bridge whose running provider (status and app state) is `info`. */
export function bridgeRunning(info: ProviderInfo): FakeBridge {
  const bridge = new FakeBridge();
  bridge.app = {
    ...bridge.app,
    provider: info.id,
    providers: [WEBEX_INFO, RINGCENTRAL_INFO, BANDWIDTH_INFO].map((p) => (p.id === info.id ? info : p)),
  };
  bridge.currentStatus = { ...bridge.currentStatus, provider: info.id };
  return bridge;
}

export const BANDWIDTH_LIKE: ProviderInfo = {
  id: 'bandwidth',
  name: 'Bandwidth',
  shortName: 'Bandwidth',
  capabilities: ['startConference', 'bridge', 'recording', 'recordings', 'timeline'],
  signIn: ['credentials'],
  settingsFields: [],
  credentialFields: [],
  hasDemo: true,
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
};

/** Before mounting: the app state lists the provider and the status says it runs. */
export function useProvider(bridge: FakeBridge, info: ProviderInfo): FakeBridge {
  bridge.app = { ...bridge.app, provider: info.id, providers: [WEBEX_INFO, info] };
  bridge.currentStatus = { ...bridge.currentStatus, provider: info.id, account: { provider: info.id, displayName: 'Pat' } };
  return bridge;
}
