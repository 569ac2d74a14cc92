/**
 * Builds the Webex provider on the shared HTTP policy: one ky instance, Webex error wording, a
 * TrackingID on every request so support can find it. The only entry point the rest of main needs.
 * Must not import electron: production passes Electron's net.fetch in through `fetch`.
 */
import { createHttpClient, type FetchFn, type HttpClientOptions } from '../../provider-api/http-client';
import type { Timers } from '../../foundation/timers';
import type { TokenSource } from '../../provider-api/token-source';
import { WebexClient } from './client';
import { describeWebexError } from './errors';
import type { WebexLog } from './list-items';
import { WebexProvider } from './provider';

export const WEBEX_BASE_URL = 'https://webexapis.com/v1';

export interface CreateWebexProviderOptions {
  /** API base, e.g. https://webexapis.com/v1 or the simulator's loopback URL. */
  baseUrl: string;
  tokens: TokenSource;
  fetch?: FetchFn;
  /** The line to watch and command by default (Webex lineOwnerId). */
  lineOwnerId?: string;
  /** The device to ring and answer on when a command names none. */
  answerEndpointId?: () => string | undefined;
  onExchange?: HttpClientOptions['onExchange'];
  /** Per-attempt command timeout (default 5 s). */
  commandTimeoutMs?: number;
  /** The clock the HTTP client runs on (attempts' timeouts, a rate-limited command's wait) and the read of my secondary lines ages on (default real timers). */
  timers?: Timers;
  /** Only the attempts' timeouts on another clock (HttpClientOptions.timeoutTimers; default `timers`). */
  timeoutTimers?: Timers;
  /** Where calls or values Webex sent that this release cannot read are reported (default: nowhere). */
  log?: WebexLog;
}

export function createWebexClient(options: Omit<CreateWebexProviderOptions, 'lineOwnerId' | 'answerEndpointId'>): WebexClient {
  const http = createHttpClient({
    baseUrl: options.baseUrl,
    tokens: options.tokens,
    providerName: 'Webex',
    describeError: describeWebexError,
    fetch: options.fetch,
    onExchange: options.onExchange,
    commandTimeoutMs: options.commandTimeoutMs,
    timers: options.timers,
    timeoutTimers: options.timeoutTimers,
    // Webex echoes this in its logs; wxc_sdk uses the same prefix style.
    headers: () => ({ TrackingID: `SWITCHBOARD_${crypto.randomUUID()}` }),
  });
  return new WebexClient(http, options.log);
}

export function createWebexProvider(options: CreateWebexProviderOptions): WebexProvider {
  const timers = options.timers;
  return new WebexProvider(createWebexClient(options), {
    lineOwnerId: options.lineOwnerId,
    answerEndpointId: options.answerEndpointId,
    log: options.log,
    now: timers && (() => timers.now()),
  });
}
