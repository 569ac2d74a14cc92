/**
 * Links that ask Switchboard to dial: tel:, callto:, sip: and webextel:. Finds one in a command line
 * (first start, or a second instance on Windows/Linux) and turns it into a destination the provider
 * accepts. Pure; the shell registers the protocols and dials.
 */
import { normalizeDestination } from '../../shared/dial-string';
import { type Result, err } from '../../shared/result';

export const LINK_PROTOCOLS = ['tel', 'callto', 'sip', 'webextel'] as const;
export type LinkProtocol = (typeof LINK_PROTOCOLS)[number];

/** The scheme of a link we handle (sips: is accepted as sip:), or null. */
export function linkProtocol(text: string): LinkProtocol | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(text.trim());
  const scheme = match?.[1]?.toLowerCase();
  if (scheme === 'sips') return 'sip';
  return (LINK_PROTOCOLS as readonly string[]).includes(scheme ?? '') ? (scheme as LinkProtocol) : null;
}

/** The first argument that is one of our links; other arguments (the app path, Chromium switches) are skipped. */
export function findLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => !arg.startsWith('-') && linkProtocol(arg) !== null) ?? null;
}

/**
 * The destination a link dials, normalised ("tel:+1-555-010-2030" → "+15550102030"). Windows hands
 * some links over with a trailing slash ("callto://+15550100/"), which is not part of the number.
 */
export function destinationFromLink(link: string): Result<string> {
  const text = link.trim();
  if (linkProtocol(text) === null) return err('BAD_INPUT', `"${shorten(text)}" is not a tel:, callto:, sip: or webextel: link.`);
  const result = normalizeDestination(text.replace(/\/+$/, ''));
  if (result.ok) return result;
  return err('BAD_INPUT', `The link "${shorten(text)}" has no number to call.`);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
