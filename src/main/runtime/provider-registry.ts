/**
 * The providers the app can run: one entry per provider, its descriptor (from its folder) and — attached
 * here, since a provider folder never imports a simulator — how to start its demo. Adding a provider is
 * a folder under src/main/providers plus one entry below. Also decides which provider and mode to run
 * from settings and SWITCHBOARD_PROVIDER, with a clear error for an unknown id.
 * Must not import electron.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import type { Timers } from '../foundation/timers';
import { PROVIDER_IDS, type ProviderId } from '../../shared/domain';
import type { ProviderInfo } from '../../shared/providers';
import { type Result, err, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { Env, ProviderDescriptor, SectionOf } from '../auth/provider-descriptor';
import type { PollIntervals } from '../core/feed-intervals';
import { bandwidthDescriptor } from '../providers/bandwidth/descriptor';
import { encodeCredentials } from '../providers/bandwidth/credentials-token';
import { startBandwidthSimulator, type BandwidthSimulator } from '../simulator/bandwidth/index';
import { ringCentralDescriptor } from '../providers/ringcentral/descriptor';
import { webexDescriptor } from '../providers/webex/descriptor';
import { startRingCentralSimulator, type RingCentralSimulator } from '../simulator/ringcentral/index';
import { startWebexSimulator, type WebexSimulator } from '../simulator/webex/index';
import { BANDWIDTH_DEMO_NUMBER, bandwidthDemoCaller } from './bandwidth-demo-scenarios';
import { demoCall, seedDemo } from './demo-scenarios';
import {
  RINGCENTRAL_DEMO_COLLEAGUES,
  RINGCENTRAL_DEMO_TOKEN,
  ringCentralDemoCall,
  seedRingCentralDemo,
} from './demo-scenarios-ringcentral';

/** A demo's simulator as tests and the preview drive it (the union of every provider's, as they come). */
export type DemoSimulator = WebexSimulator | RingCentralSimulator | BandwidthSimulator;

const isBandwidth = (simulator: DemoSimulator): simulator is BandwidthSimulator => 'ringIn' in simulator.scenario;
const isRingCentral = (simulator: DemoSimulator): simulator is RingCentralSimulator => 'openSockets' in simulator;

/** The demo's simulator when it is Webex's (tests and tools that drive Webex's scenario API), else undefined. */
export function webexSimulatorOf(simulator: DemoSimulator | undefined): WebexSimulator | undefined {
  return simulator !== undefined && !isBandwidth(simulator) && !isRingCentral(simulator) ? simulator : undefined;
}

/** The demo's simulator when it is RingCentral's, else undefined. */
export function ringCentralSimulatorOf(simulator: DemoSimulator | undefined): RingCentralSimulator | undefined {
  return simulator !== undefined && isRingCentral(simulator) ? simulator : undefined;
}

/** The demo's simulator as the Bandwidth one (throws for another provider's). */
export function bandwidthSimulatorOf(simulator: DemoSimulator | undefined): BandwidthSimulator {
  if (simulator && isBandwidth(simulator)) return simulator;
  throw new Error('This needs the Bandwidth demo (SWITCHBOARD_PROVIDER=demo:bandwidth).');
}

/** A running demo: the simulator on loopback, a token it accepts, and the "Simulate incoming call" menu. */
export interface DemoRun {
  readonly baseUrl: string;
  readonly token: string;
  readonly simulator: DemoSimulator;
  ring(kind: DemoCallKind): void;
  close(): Promise<void>;
}

export interface RegistryEntry {
  descriptor: ProviderDescriptor;
  /** Starts the provider's simulator for the demo (on `timers` where its simulator takes a clock); absent when it has none. */
  startDemo?: (options?: { timers?: Timers }) => Promise<DemoRun>;
  /** The polling pace this provider's API allows (a polled provider under a rate limit); the core's defaults otherwise. */
  pollIntervals?: Partial<PollIntervals>;
  /** How long after a call ends the provider lists it in its history (the core's 2 s otherwise). */
  historyDelayMs?: number;
}

const REGISTRY: Record<ProviderId, RegistryEntry> = {
  webex: {
    descriptor: webexDescriptor,
    async startDemo() {
      const simulator = await startWebexSimulator({ recordRequests: false });
      seedDemo(simulator);
      return {
        baseUrl: simulator.baseUrl,
        token: simulator.token,
        simulator,
        ring: (kind) => void simulator.scenario.ringUser(demoCall(kind)),
        close: () => simulator.close(),
      };
    },
  },
  ringcentral: {
    descriptor: ringCentralDescriptor,
    // RingCentral writes a call into its call log a few seconds after it ends ("typically 3-10 seconds",
    // docs/wire/ringcentral-and-bandwidth.md §A6): the history is re-read once it is surely there.
    historyDelayMs: 10_000,
    async startDemo() {
      const simulator = await startRingCentralSimulator({
        token: RINGCENTRAL_DEMO_TOKEN,
        colleagues: RINGCENTRAL_DEMO_COLLEAGUES,
        recordRequests: false,
      });
      seedRingCentralDemo(simulator);
      return {
        baseUrl: simulator.baseUrl,
        token: RINGCENTRAL_DEMO_TOKEN,
        simulator,
        ring: (kind) => void simulator.scenario.ringUser(ringCentralDemoCall(kind)),
        close: () => simulator.close(),
      };
    },
  },
  bandwidth: {
    descriptor: bandwidthDescriptor,
    // Catapult allows about one request a second (docs/wire/ringcentral-and-bandwidth.md §B6): one list
    // read every 1.5 s while a call rings or a command waits, every 3 s otherwise, leaves half of it
    // for commands and the reads of a running gather or playback.
    pollIntervals: { fastMs: 1_500, normalMs: 3_000, idleMs: 3_000 },
    async startDemo(options) {
      const simulator = await startBandwidthSimulator({
        numbers: [BANDWIDTH_DEMO_NUMBER],
        recordRequests: false,
        ...(options?.timers ? { timers: options.timers } : {}),
      });
      return {
        baseUrl: simulator.baseUrl,
        token: encodeCredentials({
          userId: simulator.userId,
          apiToken: simulator.apiToken,
          apiSecret: simulator.apiSecret,
          number: BANDWIDTH_DEMO_NUMBER,
        }),
        simulator,
        ring: (kind) => void simulator.scenario.ringIn(bandwidthDemoCaller(kind)),
        close: () => simulator.close(),
      };
    },
  },
};

/** The provider's entry, or a message naming the ones that exist. */
export function providerEntry(id: string): Result<RegistryEntry> {
  if (!(PROVIDER_IDS as readonly string[]).includes(id))
    return err('BAD_INPUT', `Unknown provider "${id}": choose one of: ${PROVIDER_IDS.join(', ')}.`);
  return ok(REGISTRY[id as ProviderId]);
}

/** The provider's settings section. */
export function sectionOf(settings: Settings, id: ProviderId): SectionOf<ProviderId> {
  return settings.providers[id];
}

/** The provider the user configured (the environment first); settings' when the environment names none that works. */
export function configuredProviderId(settings: Settings, env: Env): ProviderId {
  const choice = chooseProvider(settings, env);
  return choice.ok ? choice.value.provider : settings.provider;
}

/** The API base of the chosen provider (its fixed one or the user's choice among them; the environment first), or undefined. */
export function configuredApiBase(settings: Settings, env: Env): string | undefined {
  const id = configuredProviderId(settings, env);
  const entry = providerEntry(id);
  return entry.ok ? entry.value.descriptor.apiBaseUrl(sectionOf(settings, id), env) : undefined;
}

/** The renderer-safe part of every provider the app knows of. */
export function providerInfos(): ProviderInfo[] {
  return PROVIDER_IDS.map((id): ProviderInfo => {
    const entry = REGISTRY[id];
    const d = entry.descriptor;
    return {
      id,
      name: d.name,
      shortName: d.shortName,
      ...(d.pastedTokenHint ? { pastedTokenHint: d.pastedTokenHint } : {}),
      capabilities: [...d.capabilities],
      signIn: [...d.signIn],
      settingsFields: d.settingsFields.map((f) => (f.kind === 'choice' ? { ...f, options: f.options.map((o) => ({ ...o })) } : { ...f })),
      credentialFields: (d.credentialFields ?? []).map((f) => ({ ...f })),
      hasDemo: entry.startDemo !== undefined,
    };
  });
}

/** What to run: a provider, real or as its demo. */
export interface ProviderChoice {
  provider: ProviderId;
  demo: boolean;
}

/**
 * The environment wins, then settings. SWITCHBOARD_PROVIDER takes `demo` (the demo of the configured
 * provider), `demo:<id>`, or a provider id; anything else is an error naming the valid values.
 */
export function chooseProvider(settings: Settings, env: Env): Result<ProviderChoice> {
  const raw = env.SWITCHBOARD_PROVIDER?.trim();
  let choice: { provider: string; demo: boolean };
  if (!raw) choice = { provider: settings.provider, demo: settings.demo };
  else if (raw === 'demo') choice = { provider: settings.provider, demo: true };
  else if (raw.startsWith('demo:')) choice = { provider: raw.slice('demo:'.length), demo: true };
  else choice = { provider: raw, demo: false };

  const entry = providerEntry(choice.provider);
  if (!entry.ok) {
    const where = raw ? 'SWITCHBOARD_PROVIDER' : 'Settings';
    const demos = PROVIDER_IDS.filter((id) => REGISTRY[id].startDemo);
    const envHint = raw ? ` (or demo, ${demos.map((id) => `demo:${id}`).join(', ')})` : '';
    return err(entry.error.code, `${where}: ${entry.error.message.replace(/\.$/, '')}${envHint}.`);
  }
  const provider = choice.provider as ProviderId;
  if (choice.demo && !entry.value.startDemo) {
    return err('BAD_INPUT', `${entry.value.descriptor.name} has no demo yet: sign in to it, or try the demo of another provider.`);
  }
  return ok({ provider, demo: choice.demo });
}
