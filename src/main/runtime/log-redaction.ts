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

/**
 * Email addresses and SIP/SIPS URIs: the user part (a person's name or number) is cut to its first
 * character; the host stays, since it tells support which server was involved.
 */
const ADDRESS = /\b(sips?:)?([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)/gi;

function maskAddresses(text: string): string {
  return text.replace(
    ADDRESS,
    (_m, scheme: string | undefined, user: string, host: string) => `${scheme ?? ''}${user.charAt(0)}•••@${host}`,
  );
}

/**
 * What may go into a diagnostics report (runtime/diagnostics-report.ts): the log's rules, plus the
 * secrets known to be in play and the user part of addresses. Applied to every value the report
 * holds, the log tail included although the log was redacted when written (an older file may not be).
 */
export function redactForReport(text: string, known: readonly (string | undefined)[] = []): string {
  return singleLine(maskPhoneNumbers(maskAddresses(redactSecretText(text, { known, opaqueFrom: LOG_OPAQUE_FROM }))));
}
