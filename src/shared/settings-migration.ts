/**
 * Settings written by earlier versions, brought to today's shape before they are validated. Version 1
 * (before the provider registry) stored `provider: 'demo' | 'webex' | …` and a top-level `webex`
 * section; today the demo is a flag and each provider has a section under `providers`. It also stored
 * `confirmLinkDial: boolean`; today `linkDial` asks first for feature codes and international numbers
 * unless the user chose otherwise (a user who asked to confirm every link keeps that). Versions before
 * the fixed hosts stored free addresses: `providers.webex.baseUrl`, `providers.bandwidth.baseUrl` (both
 * dropped: the APIs are fixed, a development server comes from the environment) and
 * `providers.ringcentral.server` as a URL (today the choice of RingCentral's two servers: the matching
 * one, else production). Pure: takes the stored value, returns the migrated value and whether anything
 * changed; validates nothing.
 */
import { RINGCENTRAL_SERVER_CHOICES, RINGCENTRAL_SERVERS, type RingCentralServerChoice } from './provider-settings';

export interface MigratedSettings {
  value: unknown;
  migrated: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Version 1 → today: `provider: 'demo'` becomes `{ provider: 'webex', demo: true }`, `webex` moves to `providers.webex`. */
export function migrateSettings(stored: unknown): MigratedSettings {
  if (!isRecord(stored)) return { value: stored, migrated: false };
  const linkDial = migrateLinkDial(stored);
  const providers = migrateProviders(linkDial.value);
  const addresses = migrateAddresses(providers.value);
  return { value: addresses.value, migrated: linkDial.migrated || providers.migrated || addresses.migrated };
}

/** Free addresses → none (Webex, Bandwidth) or RingCentral's server choice. */
function migrateAddresses(stored: Record<string, unknown>): { value: Record<string, unknown>; migrated: boolean } {
  if (!isRecord(stored.providers)) return { value: stored, migrated: false };
  const providers: Record<string, unknown> = { ...stored.providers };
  let migrated = false;
  for (const id of ['webex', 'bandwidth']) {
    const section = providers[id];
    if (isRecord(section) && 'baseUrl' in section) {
      const rest: Record<string, unknown> = { ...section };
      delete rest.baseUrl;
      providers[id] = rest;
      migrated = true;
    }
  }
  const ringcentral = providers.ringcentral;
  if (isRecord(ringcentral) && 'server' in ringcentral && !isServerChoice(ringcentral.server)) {
    providers.ringcentral = { ...ringcentral, server: serverChoiceOf(ringcentral.server) };
    migrated = true;
  }
  return migrated ? { value: { ...stored, providers }, migrated } : { value: stored, migrated };
}

function isServerChoice(value: unknown): value is RingCentralServerChoice {
  return (RINGCENTRAL_SERVER_CHOICES as readonly unknown[]).includes(value);
}

/** The choice whose server has this URL's origin; anything else (a development server, nonsense) → production. */
function serverChoiceOf(url: unknown): RingCentralServerChoice {
  let origin: string;
  try {
    origin = new URL(String(url)).origin;
  } catch {
    return 'production';
  }
  return RINGCENTRAL_SERVER_CHOICES.find((choice) => RINGCENTRAL_SERVERS[choice] === origin) ?? 'production';
}

/** `confirmLinkDial: true` → `linkDial: 'askAlways'`; `false` (the old default) → the new default. */
function migrateLinkDial(stored: Record<string, unknown>): { value: Record<string, unknown>; migrated: boolean } {
  if (!('confirmLinkDial' in stored)) return { value: stored, migrated: false };
  const { confirmLinkDial, ...rest } = stored;
  const next: Record<string, unknown> = { ...rest };
  if (!('linkDial' in rest)) next.linkDial = confirmLinkDial === true ? 'askAlways' : 'askUnusual';
  return { value: next, migrated: true };
}

function migrateProviders(stored: Record<string, unknown>): { value: Record<string, unknown>; migrated: boolean } {
  const oldShape = 'webex' in stored || stored.provider === 'demo' || ('provider' in stored && !('demo' in stored));
  if (!oldShape) return { value: stored, migrated: false };

  const { webex, provider, ...rest } = stored;
  const next: Record<string, unknown> = { ...rest };
  if (provider === 'demo') {
    // The demo of version 1 was always Webex's simulator.
    next.provider = 'webex';
    next.demo = true;
  } else if (provider !== undefined) {
    // A real provider was chosen (after a sign-in): keep it, out of the demo.
    next.provider = provider;
    next.demo = false;
  }
  if (webex !== undefined) {
    const providers = isRecord(rest.providers) ? rest.providers : {};
    const existing = isRecord(providers.webex) ? providers.webex : {};
    next.providers = { ...providers, webex: isRecord(webex) ? { ...webex, ...existing } : webex };
  }
  return { value: next, migrated: true };
}
