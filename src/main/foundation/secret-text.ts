/**
 * Text that may carry a secret, made safe to show or write: known secrets (the token actually sent),
 * Bearer/Basic credentials, secret-named fields and anything that looks like an opaque token become
 * "[redacted]"; control, line-break and bidi characters cannot reshape the text. Used where provider
 * text leaves main (provider-api/provider-error.ts) and where the log is written
 * (runtime/log-redaction.ts). Pure; must not import electron or anything outside src/shared.
 */

export const REDACTED = '[redacted]';

/** Authorization schemes followed by their credentials, anywhere (headers echoed in a body, messages). */
const CREDENTIALS = /\b(Bearer|Basic)(\s+|%20|\+)([A-Za-z0-9._~+/=-]{4,})/gi;
/** What a field's value may not start with: a scheme word (left to CREDENTIALS) or what was already redacted. */
const VALUE = `(?!(?:Bearer|Basic)\\b|\\[redacted\\])[^"'&\\s,}]+`;
/**
 * Secret-named fields in URLs, forms, headers and JSON: access_token=…, "refresh_token":"…",
 * Authorization: …, x-api-key: … The value ends at a quote, &, whitespace, comma or brace.
 */
const SECRET_FIELDS = new RegExp(
  `\\b(access_token|refresh_token|id_token|client_secret|code_verifier|api[_-]?key|x-api-key|authorization)(["']?\\s*[:=]\\s*["']?)${VALUE}`,
  'gi',
);
/**
 * Words that are secrets only as a field (code=…, token=…, "secret":"…"): with a bare colon they are
 * prose ("Webex refused the access token: sign in again").
 */
const SECRET_WORD_FIELDS = new RegExp(`\\b(code|token|secret|password|passwd)(\\s*=\\s*["']?|["']\\s*:\\s*["']?)${VALUE}`, 'gi');
/** Candidate opaque strings: runs of the characters tokens are made of. */
const RUN = /[A-Za-z0-9_-]{16,}/g;
/** Identifiers that are not secrets: a UUID, optionally behind a prefix (Webex tracking ids: ROUTER_…). */
const UUID_LIKE = /^([A-Za-z]+_)?[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

/**
 * Whether a run of token characters looks like a credential: mixed case with digits (base64 and
 * random tokens, from 16 characters), a long hex string (API keys), or very long (opaque tokens).
 * `longest` is where any run counts as opaque (the log uses 40; provider text keeps long
 * upper-case tracking ids and so passes Infinity).
 */
function looksOpaque(run: string, longest: number): boolean {
  if (UUID_LIKE.test(run)) return false;
  if (run.length >= longest) return true;
  if (/^[0-9a-fA-F]{32,}$/.test(run)) return true;
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
}

export interface RedactOptions {
  /** Secrets known to be in play (the token a request carried): removed wherever they appear. */
  known?: readonly (string | undefined)[];
  /** Runs of token characters at least this long are redacted whatever they look like (default: never). */
  opaqueFrom?: number;
}

export function redactSecrets(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.known ?? []) {
    // Short strings would match ordinary words; no real token is this short.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(CREDENTIALS, (match, scheme: string, gap: string, value: string) =>
    // "Basic plan" is prose; Basic credentials are base64 (mixed case, digits or padding).
    /^basic$/i.test(scheme) && /^[a-z]+$/.test(value) ? match : `${scheme}${gap}${REDACTED}`,
  );
  out = out.replace(SECRET_FIELDS, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`);
  out = out.replace(SECRET_WORD_FIELDS, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`);
  const longest = options.opaqueFrom ?? Number.POSITIVE_INFINITY;
  return out.replace(RUN, (run) => (looksOpaque(run, longest) ? REDACTED : run));
}

/** Bidi overrides/isolates/marks and zero-width characters: they can make text read other than it is. */
/** Bidi controls and zero-width characters: they can make text read other than it is. */
export const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** One line of plain text: controls become spaces, invisible reordering characters go, runs of space shrink. */
export function flattenText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

/** At most `max` characters, with an ellipsis when cut (never inside a surrogate pair). */
export function capLength(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
