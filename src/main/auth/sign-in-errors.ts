/**
 * The typed failures of sign-in and token upkeep. Both are ProviderErrors, so the core turns them
 * into AppErrors like any other refusal. Messages are for people and never contain a token, code,
 * verifier or secret. Must not import electron.
 */
import type { ErrorCode } from '../../shared/result';
import { ProviderError } from '../provider-api/provider-error';

/** Why the browser half of a sign-in did not produce an authorization code. */
export type SignInFailure =
  | 'declined' // the user refused consent (access_denied)
  | 'refusedByProvider' // the authorization server answered with another OAuth error
  | 'stateMismatch' // the redirect does not belong to this sign-in attempt
  | 'missingCode' // the redirect carried neither a code nor an error
  | 'timedOut'
  | 'cancelled'
  | 'portInUse'
  | 'listenFailed'
  | 'browserFailed';

export class SignInError extends ProviderError {
  readonly reason: SignInFailure;

  constructor(reason: SignInFailure, message: string, options: { code?: ErrorCode; cause?: unknown } = {}) {
    super({ code: options.code ?? (reason === 'timedOut' ? 'TIMEOUT' : 'AUTH'), message, cause: options.cause });
    this.name = 'SignInError';
    this.reason = reason;
  }
}

/**
 * A failure at the token endpoint. `oauthCode` is the RFC 6749 §5.2 error when the server named one
 * (`invalid_grant` means the code or refresh token is dead: the token manager signs out), absent for
 * network failures and unreadable answers.
 */
export class OAuthError extends ProviderError {
  readonly oauthCode?: string;

  constructor(init: {
    code: ErrorCode;
    message: string;
    oauthCode?: string;
    status?: number;
    trackingId?: string;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(init);
    this.name = 'OAuthError';
    this.oauthCode = init.oauthCode;
  }
}

export function isInvalidGrant(error: unknown): error is OAuthError {
  return error instanceof OAuthError && error.oauthCode === 'invalid_grant';
}
