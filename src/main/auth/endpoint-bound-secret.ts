/**
 * A secret kept together with the token endpoint it belongs to (a refresh token, an integration's
 * client secret), so it is only ever sent back there: if the account would now use another endpoint
 * (another server chosen, another development server in the environment), the stored secret is not
 * handed out and the user signs in again. The pair is one vault value (JSON), encrypted like any other
 * secret. A value an earlier version stored without its endpoint counts as bound to none. Pure: stores
 * nothing itself; must not import electron.
 */

export type BoundSecret =
  /** Nothing stored. */
  | { status: 'none' }
  /** Stored for this very endpoint: usable. */
  | { status: 'here'; value: string }
  /** Stored for another endpoint: never sent to this one. */
  | { status: 'elsewhere' }
  /** Stored by an earlier version, without its endpoint: never sent anywhere. */
  | { status: 'unbound' };

/** The endpoint in one spelling (lower-case origin, no trailing slash), so equal URLs compare equal. */
function normaliseEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return endpoint;
  }
}

/** The vault value for `value` bound to `endpoint`. */
export function bindToEndpoint(value: string, endpoint: string): string {
  return JSON.stringify({ endpoint: normaliseEndpoint(endpoint), value });
}

/** What a stored vault value is to an account that would use `endpoint` now. */
export function readBound(stored: string | null, endpoint: string): BoundSecret {
  if (stored === null || stored === '') return { status: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { status: 'unbound' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { status: 'unbound' };
  const { endpoint: boundTo, value } = parsed as Record<string, unknown>;
  if (typeof boundTo !== 'string' || typeof value !== 'string' || value === '') return { status: 'unbound' };
  return boundTo === normaliseEndpoint(endpoint) ? { status: 'here', value } : { status: 'elsewhere' };
}

/** A field of a stored JSON record that holds a secret (Bandwidth keeps `{ userId, apiToken }` as one value). */
const SECRET_FIELD = /token|secret|password/i;

/**
 * The secrets inside a stored vault value, whatever endpoint it is bound to: what a report must leave
 * out. A bound pair gives its value; a JSON record its secret-named string fields (not the record as a
 * whole, which no text would ever contain); anything else is the bare secret an earlier version stored.
 */
export function secretsInside(stored: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [stored];
  }
  if (typeof parsed !== 'object' || parsed === null) return [stored];
  const fields = Object.entries(parsed as Record<string, unknown>);
  const bound = fields.find(([key, value]) => key === 'value' && typeof value === 'string' && value !== '');
  if (bound) return [bound[1] as string];
  const secrets = fields.flatMap(([key, value]) => (SECRET_FIELD.test(key) && typeof value === 'string' && value !== '' ? [value] : []));
  return secrets.length > 0 ? secrets : [stored];
}

/** The host of an endpoint, for messages (the text itself when it is not a URL). */
export function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
