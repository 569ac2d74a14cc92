/**
 * PKCE (RFC 7636) and the OAuth `state`: crypto-random values for one sign-in attempt.
 * Pure Node crypto; must not import electron and must never log what it creates.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes → 43 base64url characters, the RFC 7636 minimum with 256 bits of entropy. */
const DEFAULT_VERIFIER_BYTES = 32;

export interface PkcePair {
  /** Kept in main; sent only to the token endpoint. */
  verifier: string;
  /** Sent with the authorize request. */
  challenge: string;
  method: 'S256';
}

/**
 * A code verifier of `bytes` random bytes, base64url without padding (unreserved characters only).
 * `bytes` 32…96 gives 43…128 characters, the length RFC 7636 allows.
 */
export function createCodeVerifier(bytes = DEFAULT_VERIFIER_BYTES): string {
  if (!Number.isInteger(bytes) || bytes < 32 || bytes > 96) {
    throw new RangeError('A PKCE code verifier needs 32 to 96 random bytes (43 to 128 characters).');
  }
  return randomBytes(bytes).toString('base64url');
}

/** BASE64URL(SHA256(ASCII(verifier))) as RFC 7636 §4.2 defines for the S256 method. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkcePair(bytes = DEFAULT_VERIFIER_BYTES): PkcePair {
  const verifier = createCodeVerifier(bytes);
  return { verifier, challenge: codeChallengeS256(verifier), method: 'S256' };
}

/** An unguessable `state` (256 bits) binding the browser's redirect to this sign-in attempt. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
