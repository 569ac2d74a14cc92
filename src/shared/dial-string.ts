/**
 * Validation and normalisation of what a user types, pastes or clicks as a number (dial strings,
 * tel:/sip:/callto:/webextel: links, DTMF). Shared so the dialer can validate as the user types and
 * the contract's schemas (src/shared/contract.ts) normalise every command where it enters main. Pure: no I/O.
 */
import { type Result, err, ok } from './result';

const MAX_DESTINATION_LENGTH = 128;
const LINK_SCHEMES = ['tel:', 'callto:', 'webextel:', 'sip:', 'sips:'] as const;
/** Punctuation people write inside phone numbers: "+1 (555) 010-2030", "555.010.2030". */
const NUMBER_PUNCTUATION = /[\s().\-\u00a0\u2010-\u2015]/g;
const DIALABLE = /^\+?[0-9*#]+$/;
const URI_ADDRESS = /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$/;

/**
 * Turns what the user gave into a destination the provider accepts: digits with an optional leading
 * `+`, star codes (`*73`), or a SIP/e-mail style URI (`user@company.domain`).
 */
export function normalizeDestination(input: string): Result<string> {
  if (typeof input !== 'string') return err('BAD_INPUT', 'Enter a number to call.');
  let text = input.trim();
  if (text.length === 0) return err('BAD_INPUT', 'Enter a number to call.');
  if (text.length > MAX_DESTINATION_LENGTH) return err('BAD_INPUT', 'That number is too long to dial.');

  const lower = text.toLowerCase();
  const scheme = LINK_SCHEMES.find((s) => lower.startsWith(s));
  if (scheme) {
    text = text.slice(scheme.length).replace(/^\/\//, '');
    // Links may carry parameters (tel:+1555;ext=2, sip:a@b?subject=x): the address is before them.
    text = text.split(/[;?]/)[0] ?? '';
    try {
      text = decodeURIComponent(text);
    } catch {
      return err('BAD_INPUT', `"${input}" is not a valid link to a number.`);
    }
    text = text.trim();
  }

  if (text.includes('@')) {
    return URI_ADDRESS.test(text) ? ok(text) : err('BAD_INPUT', `"${input}" is not a valid address to call.`);
  }

  const digits = text.replace(NUMBER_PUNCTUATION, '');
  if (digits.length === 0) return err('BAD_INPUT', 'Enter a number to call.');
  if (!DIALABLE.test(digits)) {
    return err('BAD_INPUT', `"${input}" is not a number: use digits, +, * or #, or an address like name@company.com.`);
  }
  if (digits === '+') return err('BAD_INPUT', 'Enter a number to call.');
  return ok(digits);
}

const DTMF = /^[0-9*#A-D,]+$/;
const MAX_DTMF_LENGTH = 64;

/** DTMF digits: 0-9 * # A-D, and "," for a pause. Lower-case a-d are accepted as A-D. */
export function normalizeDtmf(input: string): Result<string> {
  if (typeof input !== 'string' || input.length === 0) return err('BAD_INPUT', 'Enter the digits to send.');
  const digits = input.toUpperCase();
  if (digits.length > MAX_DTMF_LENGTH) return err('BAD_INPUT', `Send at most ${MAX_DTMF_LENGTH} digits at a time.`);
  if (!DTMF.test(digits)) {
    const bad = [...digits].find((c) => !/[0-9*#A-D,]/.test(c));
    return err('BAD_INPUT', `"${bad ?? input}" cannot be sent as a tone: use 0-9, *, #, A-D, or "," for a pause.`);
  }
  return ok(digits);
}
