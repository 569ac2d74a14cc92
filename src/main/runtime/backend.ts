/**
 * Builds what the app runs on from settings and environment overrides: the provider (the real Webex
 * client, against webexapis.com or — in demo mode — the in-process simulator on loopback) and the core
 * on top of it. Shared by the Electron shell and the browser preview, so it must not import electron.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import type { ProviderId } from '../../shared/domain';
import { type Result, err, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { FetchFn } from '../provider-api/http-client';
import { createSwitchboardCore, type SwitchboardCore } from '../core/switchboard-core';
import { staticTokenSource, type TokenSource } from '../provider-api/token-source';
import { ProviderError } from '../provider-api/provider-error';
import { createWebexProvider, WEBEX_BASE_URL } from '../providers/webex/index';
import { startWebexSimulator, type WebexSimulator } from '../simulator/webex/index';
import { demoCall, seedDemo } from './demo-scenarios';

export interface Backend {
  core: SwitchboardCore;
  provider: ProviderId;
  /** True when running against the built-in simulator. */
  demo: boolean;
  /** The demo's simulator (tests and the preview drive it); undefined with a real account. */
  simulator?: WebexSimulator;
  simulateIncomingCall(kind: DemoCallKind): Promise<Result<null>>;
  close(): Promise<void>;
}

export interface BackendOptions {
  settings: Settings;
  /** The settings as they are now, for values the user may change while running (the answer device). */
  liveSettings?: () => Settings;
  env?: Record<string, string | undefined>;
  /** Electron's net.fetch in the app (system proxy); Node's fetch elsewhere. */
  fetch?: FetchFn;
  /** Where a signed-in user's token comes from when no env token is set (the OAuth token manager). */
  tokens?: TokenSource;
}

/** Which provider to run: the environment wins, then settings. */
export function chooseProvider(settings: Settings, env: Record<string, string | undefined>): ProviderId {
  const fromEnv = env.SWITCHBOARD_PROVIDER;
  if (fromEnv === 'demo' || fromEnv === 'webex' || fromEnv === 'ringcentral' || fromEnv === 'bandwidth') return fromEnv;
  return settings.provider;
}

function pollIntervals(env: Record<string, string | undefined>): { fastMs?: number; normalMs?: number; idleMs?: number } {
  const ms = Number(env.SWITCHBOARD_POLL_MS);
  if (!Number.isFinite(ms) || ms < 100) return {};
  // The user asked for this pace whether or not a call is up; a ringing call is never read more slowly.
  return { fastMs: Math.min(ms, 1_000), normalMs: ms, idleMs: ms };
}

/** A token source for a provider nobody signed in to yet: every request answers "sign in". */
function signedOutTokens(providerName: string): TokenSource {
  const refuse = async (): Promise<string> => {
    throw new ProviderError({ code: 'AUTH', message: `Not signed in to ${providerName}: open Settings to sign in.` });
  };
  return { accessToken: refuse, refreshAfterUnauthorized: refuse };
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const env = options.env ?? {};
  const provider = chooseProvider(options.settings, env);
  const intervals = pollIntervals(env);
  const answerEndpointId = (): string => (options.liveSettings?.() ?? options.settings).webex.answerEndpointId;

  if (provider === 'demo') {
    const simulator = await startWebexSimulator({ recordRequests: false });
    const webex = createWebexProvider({
      baseUrl: simulator.baseUrl,
      tokens: staticTokenSource(simulator.token, 'Webex (demo)'),
      fetch: options.fetch,
      answerEndpointId,
      // A Webex account in every respect but its id, so the UI can say "demo".
      id: 'demo',
    });
    const core = createSwitchboardCore({ provider: webex, intervals });
    seedDemo(simulator);
    await core.start();
    return {
      core,
      provider,
      demo: true,
      simulator,
      async simulateIncomingCall(kind) {
        simulator.scenario.ringUser(demoCall(kind));
        const read = await core.reconcile();
        return read.ok ? ok(null) : read;
      },
      async close() {
        core.stop();
        await simulator.close();
      },
    };
  }

  if (provider === 'webex') {
    const token = env.SWITCHBOARD_WEBEX_TOKEN;
    const tokens = token ? staticTokenSource(token, 'Webex') : (options.tokens ?? signedOutTokens('Webex'));
    const baseUrl = env.SWITCHBOARD_WEBEX_BASE_URL ?? options.settings.webex.baseUrl ?? WEBEX_BASE_URL;
    const webex = createWebexProvider({ baseUrl, tokens, fetch: options.fetch, answerEndpointId });
    const core = createSwitchboardCore({ provider: webex, intervals });
    await core.start();
    return {
      core,
      provider,
      demo: false,
      simulateIncomingCall: async () => err('NOT_ALLOWED', 'Simulated calls exist only in the demo.'),
      async close() {
        core.stop();
      },
    };
  }

  throw new ProviderError({
    code: 'PROVIDER',
    message: `${provider === 'ringcentral' ? 'RingCentral' : 'Bandwidth'} is not supported yet: choose Webex or the demo in Settings.`,
  });
}
