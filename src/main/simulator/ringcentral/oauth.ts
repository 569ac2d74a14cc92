/**
 * The simulated RingCentral OAuth server (docs/wire/ringcentral-and-bandwidth.md §A1, §A4): the
 * authorize redirect, authorization_code with PKCE (S256 or plain), refresh_token with rotation (the old
 * access token dies at once; the old refresh token replays the same answer for 10 s), revoke, and the
 * single-use WebSocket token. Knows tokens only; no HTTP server, no calls.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SimRefusal, invalid } from './errors';

interface AccessToken {
  expiresAt: number;
  revoked: boolean;
}

interface IssuedPair {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  owner_id: string;
  endpoint_id: string;
  session_id: string;
}

interface RefreshToken {
  /** When first used: the answer it gave, replayed for 10 s after the new access token is first used. */
  answer?: IssuedPair;
  replayUntil?: number;
  revoked: boolean;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  method: 'S256' | 'plain';
  expiresAt: number;
}

const REFRESH_TTL_SEC = 604_800;
const CODE_TTL_MS = 60_000;
const REPLAY_WINDOW_MS = 10_000;

function token(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

export class OAuthLedger {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly wsTokens = new Map<string, { expiresAt: number; used: boolean }>();
  /** Which pair an access token came from, so its first use opens the replay window of the old refresh token. */
  private readonly predecessor = new Map<string, string>();
  /** The access token issued together with each refresh token. */
  private readonly pairOf = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly settings: { clientId: string; accessTtlSec: number; wsTokenTtlSec: number; ownerId: string },
  ) {}

  /** A token valid from the start (the simulator's `token` option). */
  grant(accessToken: string): void {
    this.access.set(accessToken, { expiresAt: Number.POSITIVE_INFINITY, revoked: false });
  }

  /** 'ok', 'expired' or 'unknown'. */
  check(accessToken: string): 'ok' | 'expired' | 'unknown' {
    const entry = this.access.get(accessToken);
    if (!entry || entry.revoked) return 'unknown';
    if (this.now() >= entry.expiresAt) return 'expired';
    const old = this.predecessor.get(accessToken);
    if (old !== undefined) {
      this.predecessor.delete(accessToken);
      const refresh = this.refresh.get(old);
      if (refresh) refresh.replayUntil = this.now() + REPLAY_WINDOW_MS;
    }
    return 'ok';
  }

  expireAll(): void {
    for (const entry of this.access.values()) entry.expiresAt = this.now();
  }

  /** GET /restapi/oauth/authorize → where to redirect (the simulated user consents at once). */
  authorize(query: Record<string, string>): string {
    if (query.response_type !== 'code') throw invalid('response_type', 'response_type must be code');
    if (query.client_id !== this.settings.clientId) throw new SimRefusal(400, 'OAU-101', 'Client id is unknown', 'client_id');
    const redirectUri = query.redirect_uri;
    if (!redirectUri || !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(redirectUri))
      throw new SimRefusal(400, 'OAU-109', 'Redirect URI does not match the registered one', 'redirect_uri');
    const method = query.code_challenge_method ?? 'plain';
    if (method !== 'S256' && method !== 'plain') throw invalid('code_challenge_method', 'code_challenge_method must be S256 or plain');
    const code = token('code-');
    this.codes.set(code, {
      clientId: query.client_id,
      redirectUri,
      challenge: query.code_challenge,
      method,
      expiresAt: this.now() + CODE_TTL_MS,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (query.state !== undefined) target.searchParams.set('state', query.state);
    target.searchParams.set('expires_in', '60');
    return target.toString();
  }

  /** POST /restapi/oauth/token (form fields). */
  token(form: Record<string, string>): IssuedPair {
    if (form.grant_type === 'authorization_code') return this.exchangeCode(form);
    if (form.grant_type === 'refresh_token') return this.rotate(form);
    throw new SimRefusal(400, 'OAU-250', 'Unsupported grant type', 'grant_type');
  }

  private exchangeCode(form: Record<string, string>): IssuedPair {
    const code = form.code ? this.codes.get(form.code) : undefined;
    if (form.code) this.codes.delete(form.code);
    if (!code || this.now() > code.expiresAt) throw new SimRefusal(400, 'OAU-153', 'Authorization code is invalid or expired', 'code');
    if (form.client_id !== code.clientId) throw new SimRefusal(400, 'OAU-101', 'Client id does not match', 'client_id');
    if (form.redirect_uri !== code.redirectUri) throw new SimRefusal(400, 'OAU-109', 'Redirect URI does not match', 'redirect_uri');
    if (code.challenge !== undefined) {
      const verifier = form.code_verifier ?? '';
      const derived = code.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (derived !== code.challenge) throw new SimRefusal(400, 'OAU-154', 'Code verifier does not match the challenge', 'code_verifier');
    }
    return this.issue();
  }

  private rotate(form: Record<string, string>): IssuedPair {
    const presented = form.refresh_token ?? '';
    const entry = this.refresh.get(presented);
    if (!entry || entry.revoked) throw new SimRefusal(400, 'OAU-210', 'Refresh token is invalid', 'refresh_token');
    if (entry.answer) {
      // Single use: the same token replays the same answer only inside the replay window.
      if (entry.replayUntil !== undefined && this.now() > entry.replayUntil)
        throw new SimRefusal(400, 'OAU-210', 'Refresh token has already been used', 'refresh_token');
      return entry.answer;
    }
    const answer = this.issue();
    entry.answer = answer;
    this.predecessor.set(answer.access_token, presented);
    // The old access token dies at once.
    const oldAccess = this.pairOf.get(presented);
    if (oldAccess !== undefined) this.access.delete(oldAccess);
    return answer;
  }

  private issue(): IssuedPair {
    const accessToken = token('rc-at-');
    const refreshToken = token('rc-rt-');
    this.access.set(accessToken, { expiresAt: this.now() + this.settings.accessTtlSec * 1000, revoked: false });
    this.refresh.set(refreshToken, { revoked: false });
    this.pairOf.set(refreshToken, accessToken);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.settings.accessTtlSec,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TTL_SEC,
      scope: 'CallControl ReadAccounts WebSocketsSubscriptions',
      owner_id: this.settings.ownerId,
      endpoint_id: token('ep-'),
      session_id: token('sess-'),
    };
  }

  /** POST /restapi/oauth/revoke: kills the whole session (the access token and refresh token of the pair, either given). */
  revoke(form: Record<string, string>): void {
    const presented = form.token ?? '';
    let refreshToken: string | undefined = this.refresh.has(presented) ? presented : undefined;
    for (const [refresh, access] of this.pairOf) if (access === presented) refreshToken = refresh;
    const access = this.access.get(presented);
    if (access) access.revoked = true;
    if (refreshToken === undefined) return;
    const refresh = this.refresh.get(refreshToken);
    if (refresh) refresh.revoked = true;
    const paired = this.access.get(this.pairOf.get(refreshToken) ?? '');
    if (paired) paired.revoked = true;
  }

  wsToken(): { ws_access_token: string; expires_in: number } {
    const value = token('ws-');
    this.wsTokens.set(value, { expiresAt: this.now() + this.settings.wsTokenTtlSec * 1000, used: false });
    return { ws_access_token: value, expires_in: this.settings.wsTokenTtlSec };
  }

  /** Single use, short-lived. */
  useWsToken(value: string): boolean {
    const entry = this.wsTokens.get(value);
    if (!entry || entry.used || this.now() > entry.expiresAt) return false;
    entry.used = true;
    return true;
  }
}
