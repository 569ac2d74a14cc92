/**
 * Which web addresses Switchboard may hand to the system browser: https only, and only the provider
 * sites a user needs (sign-in, developer portal, help). Everything else a page tries to open is dropped.
 * Pure; the shell calls shell.openExternal only when this says yes.
 */

export const EXTERNAL_HOSTS = [
  'webexapis.com',
  'developer.webex.com',
  'help.webex.com',
  'www.webex.com',
  'idbroker.webex.com',
  'settings.webex.com',
  'platform.ringcentral.com',
  'platform.devtest.ringcentral.com',
  'developers.ringcentral.com',
  'support.ringcentral.com',
  'dev.bandwidth.com',
  'support.bandwidth.com',
] as const;

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  // Credentials in a URL are a classic way to disguise the real host ("https://webex.com@evil.example").
  if (parsed.username || parsed.password) return false;
  if (parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
