/**
 * What may reach the log file: never a token, secret, authorization code or Authorization header (nor
 * an opaque token of any length that looks like one), no full phone number (the last four digits are
 * enough to tell calls apart), and one entry per line: a CR or LF inside a message is written as the
 * visible "\r" / "\n", so text from a server or a caller cannot forge a log line. Pure; must not import
 * electron.
 */
import { redactSecrets as redactSecretText } from '../foundation/secret-text';
import { INVISIBLE } from '../foundation/secret-text';

/** Any run of token characters this long is redacted in the log, whatever it looks like (Webex tokens are ~100). */
const LOG_OPAQUE_FROM = 40;
/** Phone numbers: digits with the usual punctuation, at least 7 digits. */
const PHONE = /\+?\d[\d\s().-]{5,}\d/g;
/** Bidi overrides/isolates/marks and zero-width characters. */
/** Controls other than CR and LF, and the Unicode line and paragraph separators. */
const OTHER_CONTROLS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

export function redactSecrets(text: string): string {
  return redactSecretText(text, { opaqueFrom: LOG_OPAQUE_FROM });
}

export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    // "+" marks a number however short; without it, 10 digits (durations and counts are shorter).
    const isNumber = match.startsWith('+') ? digits.length >= 7 : digits.length >= 10;
    return isNumber ? `…${digits.slice(-4)}` : match;
  });
}

/** One log line: line breaks shown as \r and \n, other controls as spaces, reordering characters dropped. */
export function singleLine(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(OTHER_CONTROLS, ' ').replace(INVISIBLE, '');
}

/** Everything written to the log goes through this. */
export function redactForLog(text: string): string {
  return singleLine(maskPhoneNumbers(redactSecrets(text)));
}
