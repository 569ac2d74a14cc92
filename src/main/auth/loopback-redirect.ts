/**
 * The loopback redirect listener of RFC 8252 §7.3: a one-shot HTTP server on 127.0.0.1 that receives
 * the browser's OAuth redirect and yields the authorization code. It accepts exactly one GET on the
 * exact callback path, checks `state` in constant time, answers with a no-store page, then closes.
 * Must not import electron; it never logs or echoes the code or the state.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REDIRECT_RESPONSE_HEADERS, renderRedirectPage } from './redirect-page';
import { SignInError } from './sign-in-errors';

export interface RedirectListenerOptions {
  /** The `state` sent with the authorize request; the redirect must carry the same value. */
  expectedState: string;
  /** Callback path (default /oauth/callback). */
  path?: string;
  /** 0 (default) picks a free port; a fixed port is for servers that only accept a registered one. */
  port?: number;
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
  /** Used in messages: "Webex could not complete the sign-in …". */
  providerName?: string;
}

export interface RedirectListener {
  /** e.g. http://127.0.0.1:53124/oauth/callback: send exactly this as redirect_uri. */
  redirectUri: string;
  /** The authorization code, or a SignInError (declined, timeout, cancelled …); a request with a wrong state never settles it. */
  result: Promise<{ code: string }>;
  /** Stops listening; a sign-in still waiting fails with "cancelled". Safe to call more than once. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

function describeDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) {
    const minutes = ms / 60_000;
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  if (ms >= 1000 && ms % 1000 === 0) return ms === 1000 ? '1 second' : `${ms / 1000} seconds`;
  return `${ms} ms`;
}

/** Constant-time equality that does not even reveal the length: both sides are hashed first. */
function sameSecret(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Text from the URL is attacker-controllable: keep it short and printable. */
function cleanDescription(text: string | null): string {
  if (!text) return '';
  const printable = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return printable.length > 200 ? `${printable.slice(0, 200)}…` : printable;
}

/** RFC 6749 §4.1.2.1 errors, in words a person understands. */
export function describeAuthorizeError(error: string, description: string | null, providerName = 'Webex'): SignInError {
  const detail = cleanDescription(description);
  const suffix = detail ? `: ${detail}` : '.';
  switch (error) {
    case 'access_denied':
      return new SignInError('declined', 'You declined access in the browser.');
    case 'invalid_scope':
      return new SignInError('refusedByProvider', `${providerName} refused the permissions Switchboard asked for (invalid_scope)${suffix}`);
    case 'unauthorized_client':
      return new SignInError(
        'refusedByProvider',
        `${providerName} does not allow this Switchboard integration to sign in (unauthorized_client): check the client ID${detail ? ` (${detail})` : ''}.`,
      );
    case 'server_error':
    case 'temporarily_unavailable':
      return new SignInError('refusedByProvider', `${providerName} could not complete the sign-in right now: try again later.`, {
        code: 'UNAVAILABLE',
      });
    case 'invalid_request':
    case 'unsupported_response_type':
      return new SignInError('refusedByProvider', `${providerName} refused the sign-in request (${error})${suffix}`);
    default:
      return new SignInError('refusedByProvider', `Sign-in failed in the browser (${cleanDescription(error)})${suffix}`);
  }
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...REDIRECT_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}

export async function listenForRedirect(options: RedirectListenerOptions): Promise<RedirectListener> {
  const path = options.path ?? '/oauth/callback';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const providerName = options.providerName ?? 'Webex';
  if (!options.expectedState) throw new TypeError('listenForRedirect needs the expected state.');
  if (!path.startsWith('/')) throw new TypeError('The callback path must start with "/".');

  let settled = false;
  let resolveResult!: (value: { code: string }) => void;
  let rejectResult!: (error: SignInError) => void;
  const result = new Promise<{ code: string }>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // A caller that only calls close() must not see an "unhandled rejection"; awaiting callers still get it.
  result.catch(() => undefined);

  const server = createServer((req, res) => handle(req, res));
  let timer: NodeJS.Timeout | undefined;

  function shutDown(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Stops accepting; the answer in flight still completes (it carries Connection: close).
    server.close();
    server.closeIdleConnections();
  }

  function settle(outcome: { code: string } | SignInError): void {
    if (settled) return;
    settled = true;
    shutDown();
    if (outcome instanceof SignInError) rejectResult(outcome);
    else resolveResult(outcome);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) return plain(res, 404, 'Not found.');
    if (req.method !== 'GET') return plain(res, 405, 'Method not allowed.', { Allow: 'GET' });
    if (settled) {
      const page = renderRedirectPage({ ok: false, message: 'This sign-in answer was already received or has expired.' });
      res.writeHead(409, page.headers);
      res.end(page.body);
      return;
    }

    const params = url.searchParams;
    let outcome: { code: string } | SignInError;
    const state = params.get('state');
    const error = params.get('error');
    const code = params.get('code');
    if (state === null || !sameSecret(state, options.expectedState)) {
      // Anyone on this machine (or a page the browser shows) can reach the loopback port: a request
      // without this sign-in's state is not its answer and must not end it. It gets an error page; the
      // sign-in keeps waiting for the real redirect until the timeout.
      const page = renderRedirectPage({
        ok: false,
        message: 'This answer does not belong to the sign-in Switchboard is waiting for (state mismatch).',
      });
      res.writeHead(page.status, page.headers);
      res.end(page.body);
      return;
    }
    if (error !== null) {
      outcome = describeAuthorizeError(error, params.get('error_description'), providerName);
    } else if (!code) {
      outcome = new SignInError('missingCode', `${providerName} returned to Switchboard without an authorization code: try again.`);
    } else {
      outcome = { code };
    }

    const page = renderRedirectPage(outcome instanceof SignInError ? { ok: false, message: outcome.message } : { ok: true });
    res.writeHead(page.status, page.headers);
    res.end(page.body);
    settle(outcome);
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new SignInError(
            'portInUse',
            `Switchboard cannot receive the sign-in: port ${options.port ?? 0} on 127.0.0.1 is already in use by another program.`,
            { code: 'NETWORK', cause: error },
          ),
        );
      } else {
        reject(
          new SignInError(
            'listenFailed',
            `Switchboard cannot receive the sign-in: listening on 127.0.0.1 failed (${error.code ?? error.message}).`,
            { code: 'NETWORK', cause: error },
          ),
        );
      }
    };
    server.once('error', onError);
    // 127.0.0.1 only: never every interface (RFC 8252 §8.3 prefers the IP literal to "localhost").
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    settle(
      new SignInError('listenFailed', `The sign-in listener stopped (${error.code ?? error.message}): try again.`, {
        code: 'NETWORK',
        cause: error,
      }),
    );
  });

  timer = setTimeout(() => {
    settle(new SignInError('timedOut', `Sign-in timed out after ${describeDuration(timeoutMs)}: try again.`));
  }, timeoutMs);

  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    result,
    close() {
      settle(new SignInError('cancelled', 'Sign-in was cancelled.'));
    },
  };
}
