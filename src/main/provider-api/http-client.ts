/**
 * The HTTP policy (docs/architecture.md) on ky 2, one instance per provider:
 * - bearer token from a pluggable TokenSource; on 401 refresh once and replay once, never loop (a 401
 *   that survives the refresh is always AUTH, whatever the provider's describer calls it);
 * - reads (GET) retry on 429/5xx with backoff and honour Retry-After (capped);
 * - commands (POST/DELETE…) are NEVER resent after a timeout, network error or 5xx — they may have
 *   been applied; only a 429 (refused, so not applied) is replayed after its Retry-After;
 * - every failure becomes a ProviderError; every response body is parsed with a schema;
 * - each attempt's timeout and a command's wait after a 429 run on the Timers port (timed-fetch.ts), so
 *   tests drive both by hand.
 * Must not import electron: production passes Electron's net.fetch in through `fetch`.
 */
import ky, { HTTPError, NetworkError, TimeoutError, type KyInstance, type Options } from 'ky';
import type { z } from 'zod';
import { realTimers, type Timers } from '../foundation/timers';
import { ProviderError } from './provider-error';
import { timedFetch } from './timed-fetch';
import type { TokenSource } from './token-source';
import { retryAfterSeconds } from './retry-after';

export type FetchFn = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/** The request a refusal answered: its method (GET, POST, …) and the path the client asked for. */
export interface RefusedRequest {
  method: string;
  path: string;
}

/**
 * Turns a non-2xx answer into a ProviderError in the provider's own words; `request` says which operation
 * was refused (e.g. to name the permission it needs when the body does not).
 */
export type ErrorDescriber = (status: number, body: unknown, headers: Headers, request: RefusedRequest) => ProviderError;

export interface HttpClientOptions {
  /** e.g. https://webexapis.com/v1 */
  baseUrl: string;
  tokens: TokenSource;
  /** Name used in messages: "Webex refused: …". */
  providerName: string;
  describeError: ErrorDescriber;
  /**
   * Whether a 401 with this body refused the credentials (default: always). A provider that answers 401
   * for other refusals too (Bandwidth: a calling number that is not the account's) says which are not,
   * so they are described as such instead of refreshing the token or signing the user out.
   */
  refusesCredentials?: (body: unknown) => boolean;
  fetch?: FetchFn;
  /** Per-attempt timeout of a command (default 5 s). */
  commandTimeoutMs?: number;
  /** Per-attempt timeout of a read (default 10 s). */
  readTimeoutMs?: number;
  /** Cap on a Retry-After wait (default 10 s). */
  maxRetryAfterMs?: number;
  /**
   * The clock the client runs on (default real timers), so that tests drive it by hand: each attempt's
   * timeout, and the wait of a command refused with 429 before it is sent again.
   */
  timers?: Timers;
  /**
   * Only the attempts' timeouts on another clock than `timers` (default: `timers`). For a test driver
   * that jumps its hand clock to the next wait even while a request is on the wire (the Webex fault run,
   * test/support/webex-fault-run.ts): it would time out every request, so it keeps timeouts on real time.
   */
  timeoutTimers?: Timers;
  /** Extra headers on every request (e.g. a tracking id factory). */
  headers?: () => Record<string, string>;
  /** Told about every finished exchange (status or error): used for event health and benchmarks. */
  onExchange?: (info: { method: string; path: string; status?: number; error?: string }) => void;
}

export interface RequestOptions {
  searchParams?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export interface HttpClient {
  get<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>>;
  /** A state-changing request. `schema` null: the answer's body is ignored (204). */
  command<S extends z.ZodType>(
    method: 'post' | 'put' | 'patch' | 'delete',
    path: string,
    body: unknown,
    schema: S,
    options?: RequestOptions,
  ): Promise<z.infer<S>>;
  command(method: 'post' | 'put' | 'patch' | 'delete', path: string, body: unknown, schema: null, options?: RequestOptions): Promise<void>;
}

const RETRY_STATUS = [429, 500, 502, 503, 504];

/**
 * What the hooks remember about one request across its attempts, kept in ky's per-request `context`
 * (a type alias, not an interface, so that it fits ky's `Record<string, unknown>`).
 */
type RequestState = {
  refreshed: boolean;
  rateLimitReplayed: boolean;
};

function freshState(): RequestState {
  return { refreshed: false, rateLimitReplayed: false };
}

function cleanParams(params: Record<string, string | undefined> | undefined): Record<string, string> | undefined {
  if (!params) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

function retryAfterMs(headers: Headers, capMs: number): number {
  const seconds = retryAfterSeconds(headers);
  return Math.min(seconds === undefined ? 1000 : seconds * 1000, capMs);
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const maxRetryAfter = options.maxRetryAfterMs ?? 10_000;
  const name = options.providerName;
  const timers = options.timers ?? realTimers;
  const timeoutTimers = options.timeoutTimers ?? timers;
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const send: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));

  /** ky's options for attempts that each give up after `ms` on the Timers port (ky's own timeout is off). */
  function timedOut(ms: number): Pick<Options, 'fetch' | 'timeout'> {
    return { fetch: timedFetch(send, timeoutTimers, ms) as NonNullable<Options['fetch']>, timeout: false };
  }

  const instance: KyInstance = ky.create({
    baseUrl: base,
    hooks: {
      beforeRequest: [
        async ({ request }) => {
          request.headers.set('Authorization', `Bearer ${await options.tokens.accessToken()}`);
          for (const [k, v] of Object.entries(options.headers?.() ?? {})) request.headers.set(k, v);
        },
      ],
      afterResponse: [
        async ({ request, response, retryCount, options: used }) => {
          // Per-request memory (ky gives each request its own copy of `context`): one refresh per
          // request, even when the 401 comes after a rate-limited attempt.
          const state = used.context as Partial<RequestState>;
          const canReplay = retryCount < used.retry.limit;
          if (response.status === 401 && !state.refreshed && canReplay && (await refusedCredentials(response))) {
            state.refreshed = true;
            const refused = (request.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
            const fresh = await options.tokens.refreshAfterUnauthorized(refused);
            const headers = new Headers(request.headers);
            headers.set('Authorization', `Bearer ${fresh}`);
            return ky.retry({ request: new Request(request, { headers }), code: 'UNAUTHORIZED', delay: 0 });
          }
          // A command refused with 429 was not applied: it is safe to send again after the wait.
          // (Reads get this from ky's own retry, which also covers 5xx.)
          const isCommand = !used.retry.methods.includes(request.method.toLowerCase() as 'get');
          if (isCommand && response.status === 429 && !state.rateLimitReplayed && canReplay) {
            state.rateLimitReplayed = true;
            // No wait asked (maxRetryAfterMs 0: a provider's own gate has waited already): no timer either,
            // so a clock that moves only by hand does not hold the replay back.
            const waitMs = retryAfterMs(response.headers, maxRetryAfter);
            if (waitMs > 0) await waitUnlessAborted(waitMs, request.signal);
            return ky.retry({ delay: 0, code: 'RATE_LIMITED' });
          }
          return undefined;
        },
      ],
    },
  });

  /** A 401 refused the credentials unless the provider reads its body otherwise. */
  async function refusedCredentials(response: Response): Promise<boolean> {
    if (!options.refusesCredentials) return true;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    return options.refusesCredentials(body);
  }

  /** The wait before a 429 replay; a request given up meanwhile ends it at once, leaving no timer behind (ky then sends nothing). */
  function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = (): void => {
        timers.clearTimeout(handle);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const handle = timers.setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  function report(method: string, path: string, status?: number, error?: string): void {
    options.onExchange?.({ method, path, status, error });
  }

  function toProviderError(error: unknown, method: string, path: string): ProviderError {
    if (error instanceof ProviderError) {
      report(method, path, error.status, error.code);
      return error;
    }
    if (error instanceof HTTPError) {
      const status = error.response.status;
      report(method, path, status);
      // A server may echo the request's Authorization header in its error: the token it carried is
      // taken out before the error leaves the client (ProviderError.conceal).
      const sent = (error.request.headers.get('Authorization') ?? '').replace(/^Bearer\s+/i, '');
      const described = options.describeError(status, error.data, error.response.headers, { method, path }).conceal([sent]);
      // A 401 that survived the refresh means signed out, whatever the provider's words call it — unless
      // the provider says this 401 did not refuse the credentials (refusesCredentials).
      if (status === 401 && described.code !== 'AUTH' && (options.refusesCredentials?.(error.data) ?? true)) {
        return new ProviderError({
          code: 'AUTH',
          status,
          message: `${name} refused the access token: sign in again.`,
          trackingId: described.trackingId,
          cause: described,
        });
      }
      return described;
    }
    if (error instanceof TimeoutError) {
      report(method, path, undefined, 'TIMEOUT');
      return new ProviderError({ code: 'TIMEOUT', message: `${name} did not answer in time.`, retryable: true, cause: error });
    }
    if (error instanceof DOMException && error.name === 'AbortError') {
      report(method, path, undefined, 'ABORTED');
      return new ProviderError({ code: 'NETWORK', message: 'The request was cancelled.', cause: error });
    }
    if (error instanceof NetworkError || error instanceof TypeError) {
      report(method, path, undefined, 'NETWORK');
      return new ProviderError({
        code: 'NETWORK',
        message: `Cannot reach ${name}: check the network connection.`,
        retryable: true,
        cause: error,
      });
    }
    report(method, path, undefined, 'UNKNOWN');
    return new ProviderError({
      code: 'NETWORK',
      message: `Request to ${name} failed: ${String((error as Error)?.message ?? error)}`,
      retryable: true,
      cause: error,
    });
  }

  async function parse<S extends z.ZodType>(
    response: Response,
    schema: S | null,
    method: string,
    path: string,
  ): Promise<z.infer<S> | undefined> {
    report(method, path, response.status);
    if (schema === null) {
      // Drain so the connection can be reused.
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new ProviderError({ code: 'NETWORK', message: `The answer from ${name} was cut off.`, retryable: true, cause: error });
    }
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw new ProviderError({
        code: 'BAD_RESPONSE',
        message: `${name} sent an answer Switchboard cannot read (not JSON).`,
        cause: error,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new ProviderError({
        code: 'BAD_RESPONSE',
        message: `${name} sent an answer Switchboard cannot read (${issue?.message ?? 'unexpected shape'}${where}).`,
      });
    }
    return parsed.data;
  }

  return {
    async get(path, schema, requestOptions = {}) {
      const relative = path.replace(/^\//, '');
      let response: Response;
      try {
        response = await instance.get(relative, {
          searchParams: cleanParams(requestOptions.searchParams),
          signal: requestOptions.signal,
          context: freshState(),
          ...timedOut(options.readTimeoutMs ?? 10_000),
          retry: {
            limit: 2,
            methods: ['get'],
            statusCodes: RETRY_STATUS,
            afterStatusCodes: [429, 503],
            maxRetryAfter,
            backoffLimit: 3_000,
          },
        });
      } catch (error) {
        throw toProviderError(error, 'GET', path);
      }
      return (await parse(response, schema, 'GET', path)) as z.infer<typeof schema>;
    },
    async command(
      method: 'post' | 'put' | 'patch' | 'delete',
      path: string,
      body: unknown,
      schema: z.ZodType | null,
      requestOptions: RequestOptions = {},
    ) {
      const relative = path.replace(/^\//, '');
      const verb = method.toUpperCase();
      let response: Response;
      try {
        response = await instance(relative, {
          method,
          ...(body === undefined ? {} : { json: body }),
          searchParams: cleanParams(requestOptions.searchParams),
          signal: requestOptions.signal,
          context: freshState(),
          ...timedOut(options.commandTimeoutMs ?? 5_000),
          // methods: [] — ky itself never resends a command; the hook above replays only a 401 (once)
          // and a 429 (once): limit 2 leaves room for both on one command.
          retry: { limit: 2, methods: [], statusCodes: [], afterStatusCodes: [], maxRetryAfter, retryOnTimeout: false },
        });
      } catch (error) {
        throw toProviderError(error, verb, path);
      }
      return parse(response, schema, verb, path) as never;
    },
  } as HttpClient;
}
