/**
 * Bandwidth signs requests with HTTP Basic (user id + API token + secret), not a bearer token; the
 * runtime hands providers one TokenSource string, so the account writes the credentials into that
 * string and the provider reads them back. The demo's credentials also name the number its simulator
 * owns. Pure; never logs or shows the result.
 */
import { ProviderError } from '../../provider-api/provider-error';
import type { BandwidthCredentials } from './client';

export interface CredentialsToken extends BandwidthCredentials {
  /** The demo's number (its simulator owns it); a real account takes the number from settings. */
  number?: string;
}

const PREFIX = 'bandwidth-credentials:';

export function encodeCredentials(credentials: CredentialsToken): string {
  return PREFIX + Buffer.from(JSON.stringify(credentials), 'utf8').toString('base64');
}

export function decodeCredentials(token: string): CredentialsToken {
  const refuse = (): never => {
    throw new ProviderError({ code: 'AUTH', message: 'Not signed in to Bandwidth: enter the user id, API token and secret in Settings.' });
  };
  if (!token.startsWith(PREFIX)) return refuse();
  try {
    const value: unknown = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64').toString('utf8'));
    if (typeof value !== 'object' || value === null) return refuse();
    const { userId, apiToken, apiSecret, number } = value as Record<string, unknown>;
    if (typeof userId !== 'string' || typeof apiToken !== 'string' || typeof apiSecret !== 'string') return refuse();
    return { userId, apiToken, apiSecret, ...(typeof number === 'string' && number ? { number } : {}) };
  } catch {
    return refuse();
  }
}

/** The HTTP Basic `Authorization` header Catapult takes: the API token and secret. */
export function basicAuthorization({ apiToken, apiSecret }: Pick<BandwidthCredentials, 'apiToken' | 'apiSecret'>): string {
  return `Basic ${Buffer.from(`${apiToken}:${apiSecret}`, 'utf8').toString('base64')}`;
}
