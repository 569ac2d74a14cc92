/**
 * Webex Calling as the registry sees it (src/main/auth/provider-descriptor.ts): what it can do, how one
 * signs in, which of its settings the account screen shows, and how its account (account.ts) and its
 * provider (index.ts) are built from its settings section and the SWITCHBOARD_WEBEX_* environment.
 * The API and sign-in host is Webex's own; another (a simulator, a proxy) comes only from
 * SWITCHBOARD_WEBEX_BASE_URL, never from settings (any window may write those).
 * Must not import a simulator, the runtime or another provider: the demo is attached in the runtime.
 */
import type { ProviderDescriptor } from '../../auth/provider-descriptor';
import { createWebexAccount, WEBEX_SIGN_IN_KINDS } from './account';
import { createWebexProvider, WEBEX_BASE_URL } from './index';

/** A client id built into a release (electron-vite `define`), so users need not register their own. */
declare const __SWITCHBOARD_WEBEX_CLIENT_ID__: string | undefined;
const BUILT_IN_CLIENT_ID = typeof __SWITCHBOARD_WEBEX_CLIENT_ID__ === 'string' ? __SWITCHBOARD_WEBEX_CLIENT_ID__ : '';

export const webexDescriptor: ProviderDescriptor<'webex'> = {
  id: 'webex',
  name: 'Webex Calling',
  shortName: 'Webex',
  capabilities: ['conference', 'park', 'pickup', 'bargeIn', 'recording', 'history', 'answerEndpoints', 'lines', 'divert', 'voicemail'],
  signIn: WEBEX_SIGN_IN_KINDS,
  pastedTokenHint:
    'A personal access token from developer.webex.com lasts 12 hours and is not renewed: paste a new one then, or sign in with Webex to stay signed in.',
  settingsFields: [{ key: 'clientId', label: 'Client ID', kind: 'clientId', hint: 'From your Webex integration on developer.webex.com.' }],
  environmentToken: (env) => env.SWITCHBOARD_WEBEX_TOKEN || undefined,
  apiBaseUrl: (_settings, env) => env.SWITCHBOARD_WEBEX_BASE_URL || WEBEX_BASE_URL,

  createAccount({ settings, env, secrets, openBrowser, fetch, redirectPort, signInTimeoutMs }) {
    const apiBase = (): string => webexDescriptor.apiBaseUrl(settings(), env);
    const environmentToken = webexDescriptor.environmentToken(env);
    return createWebexAccount({
      clientId: () => settings().clientId || env.SWITCHBOARD_WEBEX_CLIENT_ID || BUILT_IN_CLIENT_ID,
      authBaseUrl: apiBase,
      apiBaseUrl: apiBase,
      secrets,
      openBrowser,
      ...(fetch ? { fetch } : {}),
      ...(environmentToken ? { environmentToken } : {}),
      ...(redirectPort === undefined ? {} : { redirectPort }),
      ...(signInTimeoutMs === undefined ? {} : { signInTimeoutMs }),
    });
  },

  createProvider({ settings, env, tokens, fetch, baseUrl, log, timers }) {
    return createWebexProvider({
      baseUrl: baseUrl ?? webexDescriptor.apiBaseUrl(settings(), env),
      tokens,
      fetch,
      ...(timers ? { timers } : {}),
      answerEndpointId: () => settings().answerEndpointId,
      ...(log ? { log } : {}),
    });
  },
};
