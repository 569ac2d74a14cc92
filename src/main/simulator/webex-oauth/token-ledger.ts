/**
 * The fake Webex authorization server's memory: authorization codes (single use, PKCE-bound),
 * grants with their current refresh token (rotated on every refresh: the previous one is dead), and
 * access tokens with their expiry. No HTTP here; the handler speaks the wire. Must not import electron.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface LedgerOptions {
  accessTtlS: number;
  refreshTtlS: number;
  codeTtlS: number;
  now: () => number;
  onTokenIssued?: (accessToken: string, info: { expiresAt: number; scope: string }) => void;
  onTokenRevoked?: (accessToken: string) => void;
}

export interface IssuedTokens {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  token_type: 'Bearer';
  scope: string;
}

/** A refusal in RFC 6749 §5.2 terms. */
export interface GrantRefusal {
  error: 'invalid_grant' | 'invalid_request';
  description: string;
}

export interface LedgerCounters {
  authorizations: number;
  deniedAuthorizations: number;
  codeGrants: number;
  /** refresh_token grant requests that reached the ledger, served or not. */
  refreshRequests: number;
  /** refresh_token grants served (new tokens issued). */
  refreshGrants: number;
  refusedGrants: number;
  revocations: number;
}

interface PendingCode {
  redirectUri: string;
  codeChallenge?: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

interface Grant {
  scope: string;
  refreshToken: string;
  refreshExpiresAt: number;
  accessTokens: Set<string>;
}

interface AccessRecord {
  grant: Grant;
  expiresAt: number;
}

const VERIFIER_FORMAT = /^[A-Za-z0-9\-._~]{43,128}$/;

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export class TokenLedger {
  private readonly codes = new Map<string, PendingCode>();
  private readonly grantsByRefresh = new Map<string, Grant>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly count: LedgerCounters = {
    authorizations: 0,
    deniedAuthorizations: 0,
    codeGrants: 0,
    refreshRequests: 0,
    refreshGrants: 0,
    refusedGrants: 0,
    revocations: 0,
  };

  constructor(private readonly options: LedgerOptions) {}

  counters(): LedgerCounters {
    return { ...this.count };
  }

  noteDenied(): void {
    this.count.deniedAuthorizations++;
  }

  issueCode(init: { redirectUri: string; codeChallenge?: string; scope: string }): string {
    const code = randomToken('sim_code_');
    this.codes.set(code, { ...init, expiresAt: this.options.now() + this.options.codeTtlS * 1000, used: false });
    this.count.authorizations++;
    return code;
  }

  redeemCode(init: { code: string; redirectUri: string | null; codeVerifier: string | null }): IssuedTokens | GrantRefusal {
    const pending = this.codes.get(init.code);
    if (!pending) return this.refuse('invalid_grant', 'The authorization code is unknown.');
    if (pending.used) return this.refuse('invalid_grant', 'The authorization code was already used.');
    // Single use: any redemption attempt consumes the code, so a wrong verifier cannot be retried.
    pending.used = true;
    if (this.options.now() >= pending.expiresAt) return this.refuse('invalid_grant', 'The authorization code has expired.');
    if (init.redirectUri !== pending.redirectUri)
      return this.refuse('invalid_grant', 'The redirect_uri does not match the one used to authorize.');
    if (pending.codeChallenge !== undefined) {
      if (!init.codeVerifier) return this.refuse('invalid_grant', 'The code_verifier is missing.');
      if (!VERIFIER_FORMAT.test(init.codeVerifier)) return this.refuse('invalid_grant', 'The code_verifier is malformed.');
      const challenge = createHash('sha256').update(init.codeVerifier, 'ascii').digest('base64url');
      if (challenge !== pending.codeChallenge) return this.refuse('invalid_grant', 'The code_verifier does not match the code_challenge.');
    }
    this.count.codeGrants++;
    const grant: Grant = { scope: pending.scope, refreshToken: '', refreshExpiresAt: 0, accessTokens: new Set() };
    return this.issue(grant);
  }

  refresh(refreshToken: string | null): IssuedTokens | GrantRefusal {
    this.count.refreshRequests++;
    if (!refreshToken) return this.refuse('invalid_request', 'The refresh_token is missing.');
    const grant = this.grantsByRefresh.get(refreshToken);
    if (!grant) return this.refuse('invalid_grant', 'The refresh token provided is expired, revoked, malformed, or invalid.');
    if (this.options.now() >= grant.refreshExpiresAt) {
      this.grantsByRefresh.delete(refreshToken);
      return this.refuse('invalid_grant', 'The refresh token provided is expired, revoked, malformed, or invalid.');
    }
    this.count.refreshGrants++;
    return this.issue(grant);
  }

  /** RFC 7009: a refresh token ends its whole grant (its access tokens too); unknown tokens are fine. */
  revoke(token: string): void {
    this.count.revocations++;
    const grant = this.grantsByRefresh.get(token);
    if (grant) {
      this.grantsByRefresh.delete(token);
      for (const accessToken of grant.accessTokens) this.revokeAccess(accessToken);
      return;
    }
    if (this.access.has(token)) this.revokeAccess(token);
  }

  isAccessTokenValid(token: string): boolean {
    const record = this.access.get(token);
    return !!record && this.options.now() < record.expiresAt;
  }

  /** Test control: every access token issued so far stops working (as if its lifetime had passed). */
  expireAccessTokens(): void {
    for (const token of [...this.access.keys()]) this.revokeAccess(token);
  }

  /** Test control: every refresh token stops working (the user revoked the integration, or 90 days passed). */
  invalidateRefreshTokens(): void {
    this.grantsByRefresh.clear();
  }

  private issue(grant: Grant): IssuedTokens {
    const now = this.options.now();
    if (grant.refreshToken) this.grantsByRefresh.delete(grant.refreshToken); // rotation: the old one is dead
    grant.refreshToken = randomToken('sim_rt_');
    grant.refreshExpiresAt = now + this.options.refreshTtlS * 1000;
    this.grantsByRefresh.set(grant.refreshToken, grant);
    const accessToken = randomToken('sim_at_');
    const expiresAt = now + this.options.accessTtlS * 1000;
    this.access.set(accessToken, { grant, expiresAt });
    grant.accessTokens.add(accessToken);
    this.options.onTokenIssued?.(accessToken, { expiresAt, scope: grant.scope });
    return {
      access_token: accessToken,
      expires_in: this.options.accessTtlS,
      refresh_token: grant.refreshToken,
      refresh_token_expires_in: this.options.refreshTtlS,
      token_type: 'Bearer',
      scope: grant.scope,
    };
  }

  private revokeAccess(token: string): void {
    const record = this.access.get(token);
    if (!record) return;
    this.access.delete(token);
    record.grant.accessTokens.delete(token);
    this.options.onTokenRevoked?.(token);
  }

  private refuse(error: GrantRefusal['error'], description: string): GrantRefusal {
    this.count.refusedGrants++;
    return { error, description };
  }
}
