/**
 * The providers the app can run: one entry per provider, its descriptor (from its folder) and — attached
 * here, since a provider folder never imports a simulator — how to start its demo. Adding a provider is
 * a folder under src/main/providers plus one entry below. Also decides which provider and mode to run
 * from settings and SWITCHBOARD_PROVIDER, with a clear error for an unknown or not-yet-implemented id.
 * Must not import electron.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import { PROVIDER_IDS, type ProviderId } from '../../shared/domain';
import type { ProviderInfo } from '../../shared/providers';
import { type Result, err, ok } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { Env, ProviderDescriptor, SectionOf } from '../auth/provider-descriptor';
import { ringCentralDescriptor } from '../providers/ringcentral/descriptor';
import { webexDescriptor } from '../providers/webex/descriptor';
import { startRingCentralSimulator, type RingCentralSimulator } from '../simulator/ringcentral/index';
import { startWebexSimulator, type WebexSimulator } from '../simulator/webex/index';
import { demoCall, seedDemo } from './demo-scenarios';
import { RINGCENTRAL_DEMO_COLLEAGUES, RINGCENTRAL_DEMO_TOKEN, ringCentralDemoCall, seedRingCentralDemo } from './demo-scenarios-ringcentral';

/** A demo's simulator as tests and the preview drive it (the union of every provider's, as they come). */
export type DemoSimulator = WebexSimulator | RingCentralSimulator;

/** The demo's simulator when it is Webex's (tests and tools that drive Webex's scenario API). */
export function webexSimulatorOf(simulator: DemoSimulator | undefined): WebexSimulator | undefined {
  return simulator !== undefined && !('openSockets' in simulator) ? simulator : undefined;
}

/** The demo's simulator when it is RingCentral's. */
export function ringCentralSimulatorOf(simulator: DemoSimulator | undefined): RingCentralSimulator | undefined {
  return simulator !== undefined && 'openSockets' in simulator ? simulator : undefined;
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
  /** Starts the provider's simulator for the demo; absent when it has none. */
  startDemo?: () => Promise<DemoRun>;
}

const REGISTRY: Partial<Record<ProviderId, RegistryEntry>> = {
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
    async startDemo() {
      const simulator = await startRingCentralSimulator({ token: RINGCENTRAL_DEMO_TOKEN, colleagues: RINGCENTRAL_DEMO_COLLEAGUES });
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
};

/** Names of providers known to the app but not implemented yet (their folder brings a descriptor). */
const PLANNED_NAMES: Record<ProviderId, string> = { webex: 'Webex Calling', ringcentral: 'RingCentral', bandwidth: 'Bandwidth' };

export function implementedProviders(): ProviderId[] {
  return PROVIDER_IDS.filter((id) => REGISTRY[id] !== undefined);
}

/** The provider's entry, or a message naming the ones that exist. */
export function providerEntry(id: string): Result<RegistryEntry> {
  const implemented = implementedProviders();
  const valid = `choose one of: ${implemented.join(', ')}`;
  if (!(PROVIDER_IDS as readonly string[]).includes(id)) return err('BAD_INPUT', `Unknown provider "${id}": ${valid}.`);
  const entry = REGISTRY[id as ProviderId];
  if (!entry) return err('BAD_INPUT', `${PLANNED_NAMES[id as ProviderId]} (${id}) is not supported yet: ${valid}.`);
  return ok(entry);
}

/** The provider's settings section. */
export function sectionOf(settings: Settings, id: ProviderId): SectionOf<ProviderId> {
  const sections = settings.providers as Partial<Record<ProviderId, SectionOf<ProviderId>>>;
  return sections[id] ?? {};
}

/** The API base the user configured for the chosen provider (environment first), or undefined. */
export function configuredApiBase(settings: Settings, env: Env): string | undefined {
  const choice = chooseProvider(settings, env);
  const id = choice.ok ? choice.value.provider : settings.provider;
  const entry = providerEntry(id);
  return entry.ok ? entry.value.descriptor.apiBaseUrl(sectionOf(settings, id), env) : undefined;
}

/** The renderer-safe part of every provider the app knows of. */
export function providerInfos(): ProviderInfo[] {
  return PROVIDER_IDS.map((id): ProviderInfo => {
    const entry = REGISTRY[id];
    if (!entry) {
      return { id, name: PLANNED_NAMES[id], shortName: PLANNED_NAMES[id], capabilities: [], signIn: [], settingsFields: [], credentialFields: [], hasDemo: false, implemented: false };
    }
    const d = entry.descriptor;
    return {
      id,
      name: d.name,
      shortName: d.shortName,
      ...(d.pastedTokenHint ? { pastedTokenHint: d.pastedTokenHint } : {}),
      capabilities: [...d.capabilities],
      signIn: [...d.signIn],
      settingsFields: d.settingsFields.map((f) => ({ ...f })),
      credentialFields: (d.credentialFields ?? []).map((f) => ({ ...f })),
      hasDemo: entry.startDemo !== undefined,
      implemented: true,
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
    const demos = implementedProviders().filter((id) => REGISTRY[id]?.startDemo);
    const envHint = raw ? ` (or demo, ${demos.map((id) => `demo:${id}`).join(', ')})` : '';
    return err(entry.error.code, `${where}: ${entry.error.message.replace(/\.$/, '')}${envHint}.`);
  }
  const provider = choice.provider as ProviderId;
  if (choice.demo && !entry.value.startDemo) {
    return err('BAD_INPUT', `${entry.value.descriptor.name} has no demo yet: sign in to it, or try the demo of another provider.`);
  }
  return ok({ provider, demo: choice.demo });
}
