/**
 * The browser sign-in round trip every OAuth provider shares (authorization code + PKCE S256, RFC 8252
 * loopback redirect): PKCE + state → loopback listener → system browser → code → token exchange. The
 * provider supplies only its authorize URL and its code exchange. The browser is opened through an
 * injected function (the shell passes shell.openExternal), so this never imports electron.
 */
import { listenForRedirect } from './loopback-redirect';
import { createPkcePair, createState } from './pkce';
import { SignInError } from './sign-in-errors';
import type { OAuthTokens } from './token-endpoint';

export interface BrowserSignInFlow {
  /** Used in the redirect page and its messages, e.g. "Webex". */
  providerName: string;
  /** The provider's authorize URL for this attempt. */
  authorizeUrl(request: { redirectUri: string; state: string; codeChallenge: string }): string;
  /** The code from the redirect + the PKCE verifier → tokens (rejects with an OAuthError). */
  exchange(grant: { code: string; redirectUri: string; codeVerifier: string }): Promise<OAuthTokens>;
  /** Opens the URL in the user's browser (production: shell.openExternal). Never an embedded webview. */
  openBrowser: (url: string) => Promise<void>;
  /** How long the user has to finish in the browser (default: the listener's). */
  timeoutMs?: number;
  /** Loopback port (0 or absent: any free port). A fixed one only if the app registered it. */
  port?: number;
  /** Callback path (default: the listener's, /oauth/callback). */
  callbackPath?: string;
  /** Cancels the sign-in (the user closed the sign-in prompt). */
  signal?: AbortSignal;
}

/**
 * Resolves with tokens for TokenManager.signIn(); rejects with a SignInError (declined, timed out,
 * cancelled …) or an OAuthError (token endpoint). The listener is always closed.
 */
export async function runBrowserSignIn(flow: BrowserSignInFlow): Promise<OAuthTokens> {
  if (flow.signal?.aborted) throw new SignInError('cancelled', 'Sign-in was cancelled.');
  const pkce = createPkcePair();
  const state = createState();
  const listener = await listenForRedirect({
    expectedState: state,
    timeoutMs: flow.timeoutMs,
    port: flow.port,
    path: flow.callbackPath,
    providerName: flow.providerName,
  });
  const onAbort = (): void => listener.close();
  flow.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const authorizeUrl = flow.authorizeUrl({ redirectUri: listener.redirectUri, state, codeChallenge: pkce.challenge });
    // The browser may take minutes; only a failure to open it matters here, not when it "returns".
    const browserFailure = Promise.resolve()
      .then(() => flow.openBrowser(authorizeUrl))
      .then(
        () => new Promise<never>(() => undefined),
        (cause: unknown) => {
          throw new SignInError('browserFailed', 'Switchboard could not open the browser for sign-in: open it and try again.', { cause });
        },
      );
    const { code } = await Promise.race([listener.result, browserFailure]);
    return await flow.exchange({ code, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier });
  } finally {
    flow.signal?.removeEventListener('abort', onAbort);
    listener.close();
  }
}
