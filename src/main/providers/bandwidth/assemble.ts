/**
 * Builds the Bandwidth backend for one account and number: the rate gate (one per account: Catapult
 * limits requests per user), the client on it and the Provider. The runtime calls this; tests build
 * the parts themselves. Must not import electron: production passes Electron's net.fetch in.
 */
import { type Timers, realTimers } from '../../foundation/timers';
import type { FetchFn, HttpClientOptions } from '../../provider-api/http-client';
import { type BandwidthCredentials, BandwidthClient } from './client';
import { BandwidthProvider } from './provider';
import { RateGate, type RateGateOptions } from './rate-gate';

export const CATAPULT_BASE_URL = 'https://api.catapult.inetwork.com/v1';

export interface BandwidthBackendOptions {
  credentials: BandwidthCredentials;
  /** The user's Bandwidth number (E.164) Switchboard places and watches calls on. */
  number: string;
  /** My phone (E.164 or SIP URI), read at each command; '' for none. */
  myPhone?: () => string;
  /** Said once when the user must fix something at Bandwidth (auto-answer on). */
  onNotice?: (message: string) => void;
  baseUrl?: string;
  /** The clock of the gate, the provider and each request's timeout (default real timers). */
  timers?: Timers;
  /** Only the requests' timeouts on another clock (HttpClientOptions.timeoutTimers; default `timers`). */
  timeoutTimers?: Timers;
  fetch?: FetchFn;
  gate?: Omit<RateGateOptions, 'timers'>;
  onExchange?: HttpClientOptions['onExchange'];
}

export interface BandwidthBackend {
  provider: BandwidthProvider;
  client: BandwidthClient;
  gate: RateGate;
}

export function createBandwidthBackend(options: BandwidthBackendOptions): BandwidthBackend {
  const timers = options.timers ?? realTimers;
  const gate = new RateGate({ timers, ...options.gate });
  const client = new BandwidthClient({
    baseUrl: options.baseUrl ?? CATAPULT_BASE_URL,
    credentials: options.credentials,
    gate,
    timers,
    ...(options.timeoutTimers ? { timeoutTimers: options.timeoutTimers } : {}),
    fetch: options.fetch,
    onExchange: options.onExchange,
  });
  const provider = new BandwidthProvider({
    client,
    userId: options.credentials.userId,
    number: options.number,
    now: () => timers.now(),
    ...(options.myPhone ? { myPhone: options.myPhone } : {}),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
  });
  return { provider, client, gate };
}
