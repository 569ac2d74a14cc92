/**
 * The fake Webex OAuth endpoints as a plain Node request handler, mountable under /v1 of any server
 * (the Webex API simulator, or the standalone server next to this file):
 *   GET  /authorize             validates the request, auto-consents (or denies) and 302s to redirect_uri
 *   POST /access_token          authorization_code (+PKCE) and refresh_token (rotating) grants
 *   POST /access_token/revoke   RFC 7009 revocation (Webex documents none for users [unconfirmed])
 * Refusals carry both RFC 6749 fields and Webex's {message, errors[], trackingId} envelope.
 * Must not import electron.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TokenLedger, type GrantRefusal, type IssuedTokens, type LedgerCounters } from './token-ledger';

export type Consent = 'grant' | 'deny';

export interface WebexOAuthOptions {
  clientId: string;
  /** When set, the token endpoint requires it (form or HTTP Basic), as Webex does. */
  clientSecret?: string;
  /** Access token lifetime (default 1209599 s, about 14 days, as Webex). */
  accessTtlS?: number;
  /** Refresh token lifetime (default 7775999 s, about 90 days). */
  refreshTtlS?: number;
  /** Authorization code lifetime (default 300 s). */
  codeTtlS?: number;
  /**
   * Registered redirect URIs. Loopback http URIs match on any port (RFC 8252 §7.3). Default: any
   * http://127.0.0.1, [::1] or localhost URI.
   */
  redirectUris?: readonly string[];
  /** Scopes the integration may request (default: the Webex calling, people and telephony scopes). */
  allowedScopes?: readonly string[];
  /** Refuse authorize requests without an S256 code_challenge (default true). */
  requirePkce?: boolean;
  /** What the fake user answers on the consent page (default 'grant'; change with setConsent()). */
  consent?: Consent;
  now?: () => number;
  /** An access token was issued: wire it into the API simulator's acceptToken(). */
  onTokenIssued?: (accessToken: string, info: { expiresAt: number; scope: string }) => void;
  /** An access token stopped being valid early (revoked, or expired by a test control). */
  onTokenRevoked?: (accessToken: string) => void;
}

export interface WebexOAuthControls {
  setConsent(consent: Consent): void;
  /** Every access token issued so far stops working (API calls with it should get 401). */
  expireAccessTokens(): void;
  /** Every refresh token stops working: the next refresh gets invalid_grant. */
  invalidateRefreshTokens(): void;
  /** The next `count` token-endpoint requests fail with `status` (default 503) before reaching the ledger. */
  failNextTokenRequests(count: number, status?: number): void;
  isAccessTokenValid(accessToken: string): boolean;
  counters(): LedgerCounters;
}

export interface WebexOAuthHandler extends WebexOAuthControls {
  /**
   * Serves `path` (relative to the /v1 mount: "/authorize", "/access_token", "/access_token/revoke").
   * Returns false, without touching `res`, when the path is not an OAuth one.
   */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean;
}

export const WEBEX_SIMULATOR_SCOPES: readonly string[] = [
  'spark:calls_read',
  'spark:calls_write',
  'spark:people_read',
  'spark:telephony_config_read',
  'spark:telephony_config_write',
  'spark:kms',
  'spark-admin:telephony_config_read',
];

const MAX_FORM_BYTES = 64 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

function redirectUriAllowed(candidate: string, registered: readonly string[] | undefined): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.hash) return false;
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!registered) return loopback;
  return registered.some((entry) => {
    if (entry === candidate) return true;
    if (!loopback) return false;
    const reg = new URL(entry);
    return reg.protocol === url.protocol && reg.hostname === url.hostname && reg.pathname === url.pathname && reg.search === url.search;
  });
}

function htmlError(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><title>Webex sign-in error</title><h1>Sign-in error</h1><p>${text.replace(/[&<>"']/g, '')}</p>`);
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      req.resume();
      reject(new BadRequest(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new BadRequest(413, 'invalid_request', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** Client credentials from HTTP Basic or from the form (Webex accepts both). */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): { id: string | null; secret: string | null } {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

export function createWebexOAuthHandler(options: WebexOAuthOptions): WebexOAuthHandler {
  const now = options.now ?? Date.now;
  const ledger = new TokenLedger({
    accessTtlS: options.accessTtlS ?? 1_209_599,
    refreshTtlS: options.refreshTtlS ?? 7_775_999,
    codeTtlS: options.codeTtlS ?? 300,
    now,
    onTokenIssued: options.onTokenIssued,
    onTokenRevoked: options.onTokenRevoked,
  });
  const allowedScopes = new Set(options.allowedScopes ?? WEBEX_SIMULATOR_SCOPES);
  const requirePkce = options.requirePkce ?? true;
  let consent: Consent = options.consent ?? 'grant';
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let trackingCounter = 0;

  function trackingId(): string {
    trackingCounter++;
    return `SIM_OAUTH_${trackingCounter.toString().padStart(6, '0')}`;
  }

  function json(
    res: ServerResponse,
    status: number,
    body: IssuedTokens | Record<string, unknown>,
    extra: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', 'Cache-Control': 'no-store', Pragma: 'no-cache', ...extra });
    res.end(JSON.stringify(body));
  }

  function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
    const id = trackingId();
    json(
      res,
      status,
      { error, error_description: description, message: description, errors: [{ description }], trackingId: id },
      status === 401 ? { 'WWW-Authenticate': 'Basic realm="webex"' } : {},
    );
  }

  function authorize(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' });
      res.end();
      return;
    }
    const params = new URL(req.url ?? '/', 'http://simulator').searchParams;
    // Without a trustworthy client and redirect URI the server must not redirect (RFC 6749 §4.1.2.1).
    if (params.get('client_id') !== options.clientId) return htmlError(res, 400, 'The client_id is unknown.');
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri || !redirectUriAllowed(redirectUri, options.redirectUris))
      return htmlError(res, 400, 'The redirect_uri is not registered for this integration.');

    const state = params.get('state');
    const back = (query: Record<string, string>): void => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
      if (state !== null) target.searchParams.set('state', state);
      res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store' });
      res.end();
    };
    const refuse = (error: string, description: string): void => back({ error, error_description: description });

    if (params.get('response_type') !== 'code') return refuse('unsupported_response_type', 'Only response_type=code is supported.');
    const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0) return refuse('invalid_scope', 'No scope was requested.');
    const unknown = scopes.filter((s) => !allowedScopes.has(s));
    if (unknown.length > 0) return refuse('invalid_scope', `The integration may not request ${unknown.join(', ')}.`);
    const challenge = params.get('code_challenge');
    const method = params.get('code_challenge_method');
    if (challenge === null) {
      if (requirePkce) return refuse('invalid_request', 'A code_challenge is required.');
    } else {
      if (method !== 'S256') return refuse('invalid_request', 'code_challenge_method must be S256.');
      if (!/^[A-Za-z0-9\-_]{43}$/.test(challenge)) return refuse('invalid_request', 'The code_challenge is malformed.');
    }
    if (consent === 'deny') {
      ledger.noteDenied();
      return refuse('access_denied', 'The user declined to authorize the integration.');
    }
    const code = ledger.issueCode({ redirectUri, codeChallenge: challenge ?? undefined, scope: scopes.join(' ') });
    back({ code });
  }

  async function token(req: IncomingMessage, res: ServerResponse, revoke: boolean): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { Allow: 'POST' });
      res.end();
      return;
    }
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      req.resume();
      return oauthError(res, failures.status, 'temporarily_unavailable', 'The simulated sign-in service is unavailable.');
    }
    const form = await readForm(req);
    const client = clientCredentials(req, form);
    if (client.id !== options.clientId) return oauthError(res, 401, 'invalid_client', 'The client_id is unknown.');
    if (options.clientSecret !== undefined && client.secret !== options.clientSecret)
      return oauthError(res, 401, 'invalid_client', 'The client secret is wrong.');

    if (revoke) {
      const tokenToRevoke = form.get('token');
      if (!tokenToRevoke) return oauthError(res, 400, 'invalid_request', 'The token is missing.');
      ledger.revoke(tokenToRevoke);
      res.writeHead(200, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }

    let outcome: IssuedTokens | GrantRefusal;
    switch (form.get('grant_type')) {
      case 'authorization_code': {
        const code = form.get('code');
        if (!code) return oauthError(res, 400, 'invalid_request', 'The code is missing.');
        outcome = ledger.redeemCode({ code, redirectUri: form.get('redirect_uri'), codeVerifier: form.get('code_verifier') });
        break;
      }
      case 'refresh_token':
        outcome = ledger.refresh(form.get('refresh_token'));
        break;
      default:
        return oauthError(res, 400, 'unsupported_grant_type', 'Only authorization_code and refresh_token grants are supported.');
    }
    if ('error' in outcome) return oauthError(res, 400, outcome.error, outcome.description);
    json(res, 200, outcome);
  }

  return {
    handle(req, res, path) {
      if (path === '/authorize') {
        authorize(req, res);
        return true;
      }
      if (path === '/access_token' || path === '/access_token/revoke') {
        token(req, res, path === '/access_token/revoke').catch((error: unknown) => {
          if (res.headersSent) return res.destroy();
          if (error instanceof BadRequest) return oauthError(res, error.status, error.error, error.message);
          oauthError(res, 500, 'server_error', 'The simulated sign-in service failed.');
        });
        return true;
      }
      return false;
    },
    setConsent(value) {
      consent = value;
    },
    expireAccessTokens: () => ledger.expireAccessTokens(),
    invalidateRefreshTokens: () => ledger.invalidateRefreshTokens(),
    failNextTokenRequests(count, status = 503) {
      failures = { count, status };
    },
    isAccessTokenValid: (accessToken) => ledger.isAccessTokenValid(accessToken),
    counters: () => ledger.counters(),
  };
}
