/**
 * What may reach the log file: never a token, secret, authorization code or Authorization header, and
 * no full phone number (the last four digits are enough to tell calls apart). Pure; must not import electron.
 */

const SECRET_PATTERNS: RegExp[] = [
  // Authorization headers and bearer tokens anywhere.
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
  // OAuth fields in URLs, forms and JSON: access_token=…, "refresh_token":"…", client_secret, code, code_verifier.
  /\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|token|password|secret)(["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
];
/** Long opaque strings (Webex tokens are ~100 chars of base64url) whatever field they came in. */
const OPAQUE = /\b[A-Za-z0-9_-]{40,}\b/g;
/** Phone numbers: digits with the usual punctuation, at least 7 digits. */
const PHONE = /\+?\d[\d\s().-]{5,}\d/g;

export function redactSecrets(text: string): string {
  let out = text;
  out = out.replace(SECRET_PATTERNS[0]!, (_m, scheme: string) => `${scheme} [redacted]`);
  out = out.replace(SECRET_PATTERNS[1]!, (_m, key: string, sep: string) => `${key}${sep}[redacted]`);
  return out.replace(OPAQUE, '[redacted]');
}

export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    // "+" marks a number however short; without it, 10 digits (durations and counts are shorter).
    const isNumber = match.startsWith('+') ? digits.length >= 7 : digits.length >= 10;
    return isNumber ? `…${digits.slice(-4)}` : match;
  });
}

/** Everything written to the log goes through this. */
export function redactForLog(text: string): string {
  return maskPhoneNumbers(redactSecrets(text));
}
