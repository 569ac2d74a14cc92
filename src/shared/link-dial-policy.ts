/**
 * Whether a number that came from outside the panel (a tel:/sip:/callto: link any program can open, or
 * selected text) should be dialled at once or shown for the user to confirm first. Feature codes (`*`,
 * `#`: call forwarding, voicemail, paging…) and international numbers cost money or change settings, so
 * by default they wait for a press of Dial; the user can ask for every number to wait, or for none to.
 * Pure: no I/O.
 */

export const LINK_DIAL_MODES = ['askAlways', 'askUnusual', 'dialAtOnce'] as const;
export type LinkDialMode = (typeof LINK_DIAL_MODES)[number];

export const LINK_DIAL_LABELS: Record<LinkDialMode, string> = {
  askAlways: 'Always ask first',
  askUnusual: 'Ask first for feature codes and international numbers',
  dialAtOnce: 'Dial at once',
};

/** Country calling codes of one and two digits (ITU-T E.164); every other code has three. */
const ONE_DIGIT = new Set(['1', '7']);
const TWO_DIGITS = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** The country calling code of an E.164 number (`+44…` → `44`), or undefined for anything else. */
export function countryCodeOf(number: string): string | undefined {
  const digits = /^\+(\d{4,15})$/.exec(number)?.[1];
  if (!digits) return undefined;
  if (ONE_DIGIT.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGITS.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/**
 * Why this (normalised) destination should wait for the user, or null to dial it. `homeNumber` is the
 * user's own number (E.164) when known: a number in the same country is not international; without
 * it, every number in international form counts as international.
 */
export function reasonToAsk(destination: string, mode: LinkDialMode, homeNumber?: string): string | null {
  if (mode === 'dialAtOnce') return null;
  if (mode === 'askAlways') return 'You asked to confirm every number from a link.';
  if (destination.includes('@')) return null;
  if (/[*#]/.test(destination)) return 'It is a feature code (it may change your phone settings).';
  const code = countryCodeOf(destination) ?? (/^00\d/.test(destination) ? '00' : undefined);
  if (code === undefined) return null;
  const home = homeNumber ? countryCodeOf(homeNumber) : undefined;
  return home !== undefined && home === code ? null : 'It is an international number.';
}
