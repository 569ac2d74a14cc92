/**
 * Settings written by earlier versions, brought to today's shape before they are validated. Version 1
 * (before the provider registry) stored `provider: 'demo' | 'webex' | …` and a top-level `webex`
 * section; today the demo is a flag and each provider has a section under `providers`. It also stored
 * `confirmLinkDial: boolean`; today `linkDial` asks first for feature codes and international numbers
 * unless the user chose otherwise (a user who asked to confirm every link keeps that). Pure: takes the
 * stored value, returns the migrated value and whether anything changed; validates nothing.
 */

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
  return { value: providers.value, migrated: linkDial.migrated || providers.migrated };
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
