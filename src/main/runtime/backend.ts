/**
 * Builds what the app runs on from settings and environment overrides: the chosen provider (from the
 * registry, provider-registry.ts) — against its real API or, in demo mode, against its simulator on
 * loopback — and the core on top of it. Shared by the Electron shell and the browser preview, so it must
 * not import electron.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import type { ProviderId } from '../../shared/domain';
import { type Result, err, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { Timers } from '../foundation/timers';
import type { FetchFn } from '../provider-api/http-client';
import { providerDisplayName } from '../core/command-wording';
import { createSwitchboardCore, type SwitchboardCore } from '../core/switchboard-core';
import type { ProviderLog } from '../auth/provider-descriptor';
import { staticTokenSource, type TokenSource } from '../provider-api/token-source';
import { ProviderError } from '../provider-api/provider-error';
import { chooseProvider, type DemoSimulator, providerEntry, sectionOf } from './provider-registry';

export interface Backend {
  core: SwitchboardCore;
  /** The provider (in the demo: the one whose simulator runs). */
  provider: ProviderId;
  /** True when running against the provider's built-in simulator. */
  demo: boolean;
  /** The demo's simulator (tests and the preview drive it); undefined with a real account. */
  simulator?: DemoSimulator;
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
  /** Where a signed-in user's token comes from when no env token is set (the provider's account). */
  tokens?: TokenSource;
  /** The same, per provider (the session's accounts); wins over `tokens`. */
  tokensFor?: (provider: ProviderId) => TokenSource;
  /** The app log, for what a provider skipped or could not read. */
  log?: ProviderLog;
  /** The clock of the core, the provider (its requests' timeouts, rate-limit waits, pace) and the demo's simulator (default real timers; tests drive it by hand). */
  timers?: Timers;
}

/** SWITCHBOARD_POLL_MS as the core's intervals (nothing when unset or below 100 ms). */
export function pollIntervals(env: Record<string, string | undefined>): { fastMs?: number; normalMs?: number; idleMs?: number } {
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

/** Starts the chosen provider; throws a ProviderError saying why when it cannot be run. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const env = options.env ?? {};
  const choice = chooseProvider(options.settings, env);
  if (!choice.ok) throw new ProviderError({ code: choice.error.code, message: choice.error.message });
  const { provider: id, demo } = choice.value;
  const entry = providerEntry(id);
  if (!entry.ok) throw new ProviderError({ code: entry.error.code, message: entry.error.message });
  const { descriptor, startDemo } = entry.value;
  // The provider's own pace (its rate limit), unless SWITCHBOARD_POLL_MS asks for another.
  const intervals = { ...entry.value.pollIntervals, ...pollIntervals(env) };
  // How long after a call ends its provider has it in the history (RingCentral's call log lags).
  const historyDelay = entry.value.historyDelayMs === undefined ? {} : { historyRefreshDelayMs: entry.value.historyDelayMs };
  const section = () => sectionOf(options.liveSettings?.() ?? options.settings, id);
  const clock = options.timers ? { timers: options.timers } : {};

  if (demo && startDemo) {
    const run = await startDemo(clock);
    const providerName = `${providerDisplayName(id)} (demo)`;
    const provider = descriptor.createProvider({
      settings: section,
      env,
      tokens: staticTokenSource(run.token, providerName),
      fetch: options.fetch,
      baseUrl: run.baseUrl,
      ...(options.log ? { log: options.log } : {}),
      ...clock,
    });
    // The real provider's id throughout (calls, account, status); only `demo` says it is simulated.
    const core = createSwitchboardCore({ provider, intervals, ...historyDelay, demo: true, providerName, ...clock });
    await core.start();
    return {
      core,
      provider: id,
      demo: true,
      simulator: run.simulator,
      async simulateIncomingCall(kind) {
        run.ring(kind);
        const read = await core.reconcile();
        return read.ok ? ok(null) : read;
      },
      async close() {
        core.stop();
        await run.close();
      },
    };
  }

  const token = descriptor.environmentToken(env);
  const tokens = token
    ? staticTokenSource(token, descriptor.name)
    : (options.tokensFor?.(id) ?? options.tokens ?? signedOutTokens(descriptor.name));
  const provider = descriptor.createProvider({
    settings: section,
    env,
    tokens,
    fetch: options.fetch,
    ...(options.log ? { log: options.log } : {}),
    ...clock,
  });
  const core = createSwitchboardCore({ provider, intervals, ...historyDelay, ...clock });
  await core.start();
  return {
    core,
    provider: id,
    demo: false,
    simulateIncomingCall: async () => err('NOT_ALLOWED', 'Simulated calls exist only in the demo.'),
    async close() {
      core.stop();
    },
  };
}
