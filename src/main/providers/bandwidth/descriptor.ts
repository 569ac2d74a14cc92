/**
 * Bandwidth (Catapult v1 Voice) as the registry sees it (src/main/auth/provider-descriptor.ts): what it
 * can do, how one signs in (user id, API token and secret, checked and then kept encrypted: account.ts),
 * which settings the account screen shows (the Bandwidth number, my phone), and how the provider is
 * built from its settings section and the SWITCHBOARD_BANDWIDTH_* environment (the API is Catapult's;
 * another host, a simulator, only through SWITCHBOARD_BANDWIDTH_BASE_URL). Must not import a
 * simulator, the runtime or another provider: the demo is attached in the runtime.
 */
import type { Env, ProviderDescriptor } from '../../auth/provider-descriptor';
import { BANDWIDTH_SIGN_IN_KINDS, CREDENTIAL_KEYS, createBandwidthAccount } from './account';
import { CATAPULT_BASE_URL } from './assemble';
import type { BandwidthCredentials } from './client';
import { encodeCredentials } from './credentials-token';
import { SignedInBandwidthProvider } from './signed-in-provider';

/** SWITCHBOARD_BANDWIDTH_USER_ID, _TOKEN and _SECRET together sign in without storing anything. */
export function environmentCredentials(env: Env): BandwidthCredentials | undefined {
  const userId = env.SWITCHBOARD_BANDWIDTH_USER_ID?.trim();
  const apiToken = env.SWITCHBOARD_BANDWIDTH_TOKEN?.trim();
  const apiSecret = env.SWITCHBOARD_BANDWIDTH_SECRET?.trim();
  return userId && apiToken && apiSecret ? { userId, apiToken, apiSecret } : undefined;
}

export const bandwidthDescriptor: ProviderDescriptor<'bandwidth'> = {
  id: 'bandwidth',
  name: 'Bandwidth',
  shortName: 'Bandwidth',
  capabilities: ['recording', 'history', 'startConference', 'bridge', 'recordings', 'timeline'],
  signIn: BANDWIDTH_SIGN_IN_KINDS,
  settingsFields: [
    { key: 'number', label: 'Bandwidth number', kind: 'text', hint: 'The number Switchboard watches and dials from, e.g. +19195551212.' },
    {
      key: 'myPhone',
      label: 'My phone',
      kind: 'text',
      hint: 'Optional: a number or sip: address where you talk. Answered calls are passed there; dialling rings it first.',
    },
  ],
  credentialFields: [
    { key: CREDENTIAL_KEYS.userId, label: 'User id', secret: false },
    { key: CREDENTIAL_KEYS.apiToken, label: 'API token', secret: false },
    { key: CREDENTIAL_KEYS.apiSecret, label: 'API secret', secret: true },
  ],
  environmentToken: (env) => {
    const credentials = environmentCredentials(env);
    return credentials ? encodeCredentials(credentials) : undefined;
  },
  apiBaseUrl: (_settings, env) => env.SWITCHBOARD_BANDWIDTH_BASE_URL || CATAPULT_BASE_URL,

  createAccount({ settings, env, secrets, fetch }) {
    const environment = environmentCredentials(env);
    return createBandwidthAccount({
      apiBaseUrl: () => bandwidthDescriptor.apiBaseUrl(settings(), env),
      secrets,
      ...(fetch ? { fetch } : {}),
      ...(environment ? { environment } : {}),
    });
  },

  createProvider({ settings, env, tokens, fetch, baseUrl, log, timers }) {
    return new SignedInBandwidthProvider({
      tokens,
      baseUrl: baseUrl ?? bandwidthDescriptor.apiBaseUrl(settings(), env),
      ...(timers ? { timers } : {}),
      number: () => env.SWITCHBOARD_BANDWIDTH_NUMBER || settings().number,
      myPhone: () => env.SWITCHBOARD_BANDWIDTH_MY_PHONE || settings().myPhone,
      ...(fetch ? { fetch } : {}),
      // The status line says it too (the snapshot's advisory); the log keeps it for a support ticket.
      onNotice: (message) => log?.warn(`Bandwidth: ${message}`),
    });
  },
};
