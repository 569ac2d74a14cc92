/**
 * RingCentral's live feed as the core's PushChannel (src/main/provider-api/provider.ts): one telephony
 * subscription per opening (subscription.ts), each session event mapped by the provider into the Call it
 * now describes (`callUpdated`) or its end (`callRemoved`), conference sessions as `conferencesChanged`.
 * A drop the subscription recovers from (wsc replay) within `fallbackAfterMs` is reported as
 * `reconnected`; a socket that stays down, a refused connection or a missing permission
 * (WebSocketsSubscriptions, or CallControl for the subscription) is reported as `failed`, so the core
 * polls, says so (naming the permission), and opens a new channel later. Never
 * reads calls itself (the core's full read does); knows nothing of the core.
 */
import { type Timers, type TimerHandle, realTimers } from '../../foundation/timers';
import type { PushChannel, PushHandle, PushSink } from '../../provider-api/provider';
import { ProviderError } from '../../provider-api/provider-error';
import type { RingCentralClient } from './client';
import type { RingCentralProvider } from './provider';
import { createTelephonySubscription, type SocketLike, type TelephonySubscriptionOptions } from './subscription';
import type { WireSessionEvent } from './wire';

export interface RingCentralPushOptions {
  timers?: Timers;
  openSocket?: (url: string) => SocketLike;
  /** How long a dropped socket may take to come back (with replay) before the core falls back to polling (default 10 s). */
  fallbackAfterMs?: number;
  /** Passed to the subscription (heartbeats, handshake, retry delays). */
  subscription?: Omit<TelephonySubscriptionOptions, 'wsToken' | 'timers' | 'openSocket'>;
}

/**
 * A 403 at the WebSocket token or the subscription. A missing permission RingCentral named (CMN-401 /
 * InsufficientPermissions, §A5: WebSocketsSubscriptions for the token, CallControl for the subscription)
 * is already said by errors.ts, and the core's status line repeats it; any other 403 there most likely
 * means the WebSocket permission.
 */
function explain(error: ProviderError): ProviderError {
  if (error.status === 403 && error.missingPermission === undefined) {
    return new ProviderError({
      code: 'PROVIDER',
      status: error.status,
      retryable: true,
      message:
        'The RingCentral app lacks the WebSocketsSubscriptions permission: Switchboard checks for calls every few seconds instead. Add the permission to the app to get live updates.',
      cause: error,
    });
  }
  return error;
}

export function createRingCentralPushChannel(
  client: RingCentralClient,
  provider: RingCentralProvider,
  options: RingCentralPushOptions = {},
): PushChannel {
  const timers = options.timers ?? realTimers;
  const fallbackAfterMs = options.fallbackAfterMs ?? 10_000;
  return {
    open(sink: PushSink): PushHandle {
      let open = true;
      let fallbackTimer: TimerHandle | undefined;
      const subscription = createTelephonySubscription({
        ...options.subscription,
        wsToken: (signal) => client.wsToken({ signal }),
        timers,
        ...(options.openSocket ? { openSocket: options.openSocket } : {}),
      });
      // Events are mapped one after another, so updates reach the sink in the order RingCentral sent them.
      let chain: Promise<void> = Promise.resolve();

      const clearFallback = (): void => {
        if (fallbackTimer !== undefined) timers.clearTimeout(fallbackTimer);
        fallbackTimer = undefined;
      };
      const close = (): void => {
        if (!open) return;
        open = false;
        clearFallback();
        subscription.stop();
      };
      const fail = (error: unknown): void => {
        if (!open) return;
        close();
        sink.failed(error instanceof ProviderError ? explain(error) : error);
      };

      async function apply(event: WireSessionEvent): Promise<void> {
        const result = await provider.updatesFromEvent(event);
        if (!open) return;
        for (const update of result) sink.update(update);
      }

      subscription.on('connected', () => {
        if (open) sink.connected();
      });
      subscription.on('reconnected', () => {
        clearFallback();
        if (open) sink.reconnected();
      });
      subscription.on('sessionChanged', (event) => {
        chain = chain
          .then(() => apply(event))
          .catch((error: unknown) => {
            // An event that cannot be mapped (e.g. who-am-I failed): the core's next full read shows the truth.
            if (open) sink.reconnected();
            if (!(error instanceof ProviderError)) console.error('RingCentral event could not be applied:', error);
          });
      });
      subscription.on('disconnected', () => {
        if (!open || fallbackTimer !== undefined) return;
        fallbackTimer = timers.setTimeout(() => {
          fallbackTimer = undefined;
          fail(
            new ProviderError({
              code: 'NETWORK',
              retryable: true,
              message: 'The RingCentral event connection dropped and did not come back.',
            }),
          );
        }, fallbackAfterMs);
      });
      subscription.on('failed', ({ error }) => fail(error));
      subscription.start();
      return { close };
    },
  };
}
