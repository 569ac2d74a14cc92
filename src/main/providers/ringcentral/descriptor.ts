/**
 * RingCentral as the registry sees it (src/main/auth/provider-descriptor.ts): what it can do, how one
 * signs in (PKCE in the browser, or a pasted access token), which of its settings the account screen
 * shows (client id, server, device), and how its account (account.ts) and its provider with live
 * updates (index.ts) are built from its settings section and the SWITCHBOARD_RINGCENTRAL_* environment.
 * The server is one of RingCentral's two (a window may choose, never name one); another server (a
 * simulator) comes only from SWITCHBOARD_RINGCENTRAL_SERVER.
 * Must not import a simulator, the runtime or another provider: the demo is attached in the runtime.
 */
import { RINGCENTRAL_SERVER_OPTIONS, RINGCENTRAL_SERVERS } from '../../../shared/provider-settings';
import type { ProviderDescriptor } from '../../auth/provider-descriptor';
import { createRingCentralAccount, RINGCENTRAL_SIGN_IN_KINDS } from './account';
import { createRingCentralProvider } from './index';

/** A client id built into a release (electron-vite `define`), so users need not register their own app. */
declare const __SWITCHBOARD_RINGCENTRAL_CLIENT_ID__: string | undefined;
const BUILT_IN_CLIENT_ID = typeof __SWITCHBOARD_RINGCENTRAL_CLIENT_ID__ === 'string' ? __SWITCHBOARD_RINGCENTRAL_CLIENT_ID__ : '';

export const ringCentralDescriptor: ProviderDescriptor<'ringcentral'> = {
  id: 'ringcentral',
  name: 'RingCentral',
  shortName: 'RingCentral',
  // No 'pickup': Call Control picks up only parked calls (Retrieve), not a colleague's ringing call.
  capabilities: ['conference', 'park', 'recording', 'history', 'answerEndpoints', 'divert', 'voicemail', 'listen'],
  signIn: RINGCENTRAL_SIGN_IN_KINDS,
  pastedTokenHint:
    'A RingCentral access token lasts an hour and is not renewed: paste a new one then, or sign in with RingCentral to stay signed in.',
  settingsFields: [
    {
      key: 'clientId',
      label: 'Client ID',
      kind: 'clientId',
      hint: 'From your RingCentral app on developers.ringcentral.com (a client-side app with PKCE).',
    },
    {
      key: 'server',
      label: 'Server',
      kind: 'choice',
      options: [...RINGCENTRAL_SERVER_OPTIONS],
      hint: 'Most accounts use RingCentral; choose the brand partner server only if your provider told you to.',
    },
    {
      key: 'deviceId',
      label: 'Device',
      kind: 'text',
      hint: 'The device id to answer and dial on; empty for the first online desk phone or softphone.',
    },
  ],
  environmentToken: (env) => env.SWITCHBOARD_RINGCENTRAL_TOKEN || undefined,
  apiBaseUrl: (settings, env) => env.SWITCHBOARD_RINGCENTRAL_SERVER || RINGCENTRAL_SERVERS[settings.server],

  createAccount({ settings, env, secrets, openBrowser, fetch, redirectPort, signInTimeoutMs }) {
    const environmentToken = ringCentralDescriptor.environmentToken(env);
    return createRingCentralAccount({
      clientId: () => settings().clientId || env.SWITCHBOARD_RINGCENTRAL_CLIENT_ID || BUILT_IN_CLIENT_ID,
      server: () => ringCentralDescriptor.apiBaseUrl(settings(), env),
      secrets,
      openBrowser,
      ...(fetch ? { fetch } : {}),
      ...(environmentToken ? { environmentToken } : {}),
      ...(redirectPort === undefined ? {} : { redirectPort }),
      ...(signInTimeoutMs === undefined ? {} : { signInTimeoutMs }),
    });
  },

  createProvider({ settings, env, tokens, fetch, baseUrl, timers }) {
    return createRingCentralProvider({
      server: baseUrl ?? ringCentralDescriptor.apiBaseUrl(settings(), env),
      tokens,
      ...(fetch ? { fetch } : {}),
      ...(timers ? { timers } : {}),
      // With SWITCHBOARD_RINGCENTRAL_TOKEN the device is the default one (first online desk phone or softphone).
      deviceId: () => settings().deviceId || undefined,
    }).provider;
  },
};
