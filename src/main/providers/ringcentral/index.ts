/**
 * The RingCentral provider's public surface: the REST client (on the shared HTTP policy with
 * RingCentral's error wording, rate-limit gate and read pacing), the Provider with its live push channel
 * over the WebSocket subscription, and the sign-in pieces. The only entry point the rest of main needs
 * besides descriptor.ts; wire shapes stay inside this folder. Must not import electron: production passes Electron's net.fetch in.
 */
import { RingCentralClient, type RingCentralClientOptions } from './client';
import { RingCentralProvider, type RingCentralProviderOptions } from './provider';
import { createRingCentralPushChannel, type RingCentralPushOptions } from './push-channel';

export type CreateRingCentralProviderOptions = RingCentralClientOptions &
  RingCentralProviderOptions & { push?: RingCentralPushOptions | false };

/** The client and the Provider, with live updates over the WebSocket unless `push` is false. */
export function createRingCentralProvider(options: CreateRingCentralProviderOptions): {
  client: RingCentralClient;
  provider: RingCentralProvider;
} {
  const client = new RingCentralClient(options);
  const provider = new RingCentralProvider(client, { deviceId: options.deviceId, now: options.now });
  if (options.push !== false) provider.push = createRingCentralPushChannel(client, provider, { timers: options.timers, ...options.push });
  return { client, provider };
}

export { createRingCentralTokenGrantor, exchangeRingCentralCode } from './oauth';
