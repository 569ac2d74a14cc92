/**
 * Live telephony-session events over RingCentral's WebSocket gateway (docs/wire/ringcentral-and-bandwidth.md
 * §A4), on Node's global WebSocket (the `ws` package where the runtime lacks one): wstoken → connect →
 * wait for ConnectionDetails (nothing is sent before it) → one subscription to the user's telephony
 * sessions → notifications, each party applied once and in sequence order (event-order.ts) → a
 * Heartbeat after 30 s of silence (no answer within 10 s: the socket is dead) → on a drop or an
 * idle/absolute timeout (WSG-902/903), reconnect with `wsc` so the gateway replays what was missed; when
 * recovery fails or is too late, subscribe afresh and signal "need full read". Every clock and timer
 * goes through the Timers port. Emits events only; it never reads calls itself and never maps to the
 * domain (push-channel.ts does, through the provider).
 */
import { WebSocket as NodeWebSocket } from 'ws';
import { createEmitter, type Unsubscribe } from '../../foundation/typed-emitter';
import { realTimers, type TimerHandle, type Timers } from '../../foundation/timers';
import { ProviderError } from '../../provider-api/provider-error';
import { PartySequences } from './event-order';
import { describeRingCentralError } from './errors';
import { SUBSCRIPTION_REQUEST } from './permissions';
import {
  type SubscriptionBody,
  type WireConnectionDetails,
  type WireSessionEvent,
  type WireWsc,
  type WireWsToken,
  connectionDetailsSchema,
  frameMetaSchema,
  notificationSchema,
  sessionEventSchema,
  subscriptionInfoSchema,
  wsErrorSchema,
} from './wire';

export const TELEPHONY_EVENT_FILTER = '/restapi/v1.0/account/~/extension/~/telephony/sessions';

export interface SubscriptionEvents {
  /** A telephony-session event carrying only the parties it moves forward (duplicates and older ones are dropped). */
  sessionChanged: WireSessionEvent;
  /** The first subscription is live. */
  connected: { subscriptionId: string };
  /** Live again after a drop: `recovered` true means the missed events were replayed. */
  reconnected: { subscriptionId?: string; recovered: boolean };
  /** Events may have been lost: read every call afresh (presence + sessions). */
  needFullRead: { reason: 'recoveryFailed' | 'recoveryExpired' };
  /** A live connection was lost; the next attempt (recovering with wsc when it can) starts in `retryInMs`. */
  disconnected: { retryInMs: number };
  /** A connection attempt failed; `retryInMs` undefined means the subscription gave up (e.g. signed out). */
  failed: { error: ProviderError; retryInMs?: number };
}

/** The part of the WebSocket API this module uses (Node's global WebSocket has it). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close' | 'error' | 'open', listener: () => void): void;
}

export interface TelephonySubscriptionOptions {
  /** Where the ws token comes from (RingCentralClient.wsToken). */
  wsToken: (signal?: AbortSignal) => Promise<WireWsToken>;
  timers?: Timers;
  /** Opens a socket (default: Node's global WebSocket). */
  openSocket?: (url: string) => SocketLike;
  /** Silence after which a Heartbeat is sent (default 30 s, the gateway's minimum). */
  heartbeatAfterMs?: number;
  /** How long a Heartbeat may go unanswered before the socket counts as dead (default 10 s). */
  heartbeatTimeoutMs?: number;
  /** How long to wait for ConnectionDetails or the subscription reply (default 15 s). */
  handshakeTimeoutMs?: number;
  /** Waits between failed attempts (default 1, 2, 5, 10, 30 s; the last repeats). */
  retryDelaysMs?: number[];
  eventFilter?: string;
}

export interface TelephonySubscription {
  on<K extends keyof SubscriptionEvents>(event: K, listener: (payload: SubscriptionEvents[K]) => void): Unsubscribe;
  start(): void;
  stop(): void;
  /** Whether the subscription is live right now. */
  readonly live: boolean;
}

const OPEN = 1;
/** Gateway errors that end a connection which may then be recovered with wsc (idle / absolute timeout). */
const TIMEOUT_CODES = new Set(['WSG-902', 'WSG-903']);

/** Node's global WebSocket where the runtime has one (Node 22, Electron), else the `ws` package (Node 20). */
function defaultOpenSocket(url: string): SocketLike {
  if (typeof WebSocket === 'function') return new WebSocket(url) as unknown as SocketLike;
  return new NodeWebSocket(url) as unknown as SocketLike;
}

/** The gateway echoes a request's messageId in its reply; RingCentral's own clients use UUIDs. */
function messageId(): string {
  return crypto.randomUUID();
}

export function createTelephonySubscription(options: TelephonySubscriptionOptions): TelephonySubscription {
  const timers = options.timers ?? realTimers;
  const openSocket = options.openSocket ?? defaultOpenSocket;
  const heartbeatAfterMs = options.heartbeatAfterMs ?? 30_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 10_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 15_000;
  const retryDelays = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
  const filter = options.eventFilter ?? TELEPHONY_EVENT_FILTER;
  const emitter = createEmitter<SubscriptionEvents>();
  const sequences = new PartySequences();

  let running = false;
  let live = false;
  let everConnected = false;
  let socket: SocketLike | undefined;
  /** The current socket has delivered its ConnectionDetails (the gateway accepted the connection). */
  let handshaken = false;
  let wsc: WireWsc | undefined;
  let details: WireConnectionDetails | undefined;
  let disconnectedAt: number | undefined;
  let attemptingRecovery = false;
  let failures = 0;
  let pendingSubscribe: string | undefined;
  let heartbeatSent: string | undefined;
  let silenceTimer: TimerHandle | undefined;
  let handshakeTimer: TimerHandle | undefined;
  let retryTimer: TimerHandle | undefined;
  let tokenAbort: AbortController | undefined;

  function clear(handle: TimerHandle | undefined): undefined {
    if (handle !== undefined) timers.clearTimeout(handle);
    return undefined;
  }

  function send(frame: unknown[]): void {
    if (socket?.readyState !== OPEN) return;
    socket.send(JSON.stringify(frame));
    armSilence();
  }

  /** Any frame in or out restarts the silence clock; silence leads to a Heartbeat, an unanswered one to a reconnect. */
  function armSilence(): void {
    silenceTimer = clear(silenceTimer);
    if (!socket) return;
    if (heartbeatSent !== undefined) {
      silenceTimer = timers.setTimeout(() => lost(0), heartbeatTimeoutMs);
      return;
    }
    silenceTimer = timers.setTimeout(() => {
      heartbeatSent = messageId();
      send([{ type: 'Heartbeat', messageId: heartbeatSent }]);
    }, heartbeatAfterMs);
  }

  function retryDelay(): number {
    const delay = retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 30_000;
    failures += 1;
    return delay;
  }

  function schedule(delayMs: number): void {
    retryTimer = clear(retryTimer);
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delayMs);
  }

  function fail(error: ProviderError, retry: boolean): void {
    if (!retry || error.code === 'AUTH') {
      emitter.emit('failed', { error });
      stopInternal();
      return;
    }
    const retryInMs = error.code === 'RATE_LIMITED' && error.retryAfter !== undefined ? error.retryAfter * 1000 : retryDelay();
    emitter.emit('failed', { error, retryInMs });
    schedule(retryInMs);
  }

  /** Detaches from the current socket (its later events are ignored) and closes it. */
  function dropSocket(): void {
    const old = socket;
    socket = undefined;
    live = false;
    pendingSubscribe = undefined;
    heartbeatSent = undefined;
    silenceTimer = clear(silenceTimer);
    handshakeTimer = clear(handshakeTimer);
    try {
      old?.close();
    } catch {
      // Already closed.
    }
  }

  /**
   * The connection is gone: reconnect (with wsc when recovery may still work) after `delayMs`. A socket
   * the gateway never accepted (refused token, unreachable, no ConnectionDetails) is reported as failed.
   */
  function lost(delayMs?: number): void {
    if (!socket) return;
    const accepted = handshaken;
    dropSocket();
    if (!running) return;
    if (everConnected) disconnectedAt ??= timers.now();
    const delay = delayMs ?? retryDelay();
    if (!accepted)
      emitter.emit('failed', {
        error: new ProviderError({ code: 'NETWORK', message: 'Cannot open the RingCentral live event connection.', retryable: true }),
        retryInMs: delay,
      });
    else emitter.emit('disconnected', { retryInMs: delay });
    schedule(delay);
  }

  function recoveryStillPossible(): boolean {
    if (!wsc || disconnectedAt === undefined) return false;
    const windowMs = (details?.recoveryTimeout ?? 180) * 1000;
    return timers.now() - disconnectedAt <= windowMs;
  }

  async function connect(): Promise<void> {
    if (!running) return;
    const recover = recoveryStillPossible();
    tokenAbort = new AbortController();
    let token: WireWsToken;
    try {
      token = await options.wsToken(tokenAbort.signal);
    } catch (error) {
      if (!running) return;
      fail(
        error instanceof ProviderError
          ? error
          : new ProviderError({
              code: 'NETWORK',
              message: 'Cannot reach RingCentral for live call events.',
              retryable: true,
              cause: error,
            }),
        true,
      );
      return;
    }
    if (!running) return;
    const url = new URL(token.uri);
    url.searchParams.set('access_token', token.ws_access_token);
    if (recover && wsc) url.searchParams.set('wsc', wsc.token);
    attemptingRecovery = recover;
    if (!recover && everConnected && disconnectedAt !== undefined) wsc = undefined;
    let opened: SocketLike;
    try {
      opened = openSocket(url.toString());
    } catch (error) {
      fail(
        error instanceof ProviderError
          ? error
          : new ProviderError({ code: 'NETWORK', message: 'Cannot open the RingCentral event connection.', retryable: true, cause: error }),
        true,
      );
      return;
    }
    socket = opened;
    handshaken = false;
    opened.addEventListener('message', (event) => {
      if (socket === opened) receive(String(event.data));
    });
    opened.addEventListener('close', () => {
      if (socket === opened) lost();
    });
    opened.addEventListener('error', () => {
      if (socket === opened) lost();
    });
    handshakeTimer = timers.setTimeout(() => {
      if (socket === opened) lost();
    }, handshakeTimeoutMs);
  }

  function subscribe(): void {
    pendingSubscribe = messageId();
    const body: SubscriptionBody = { eventFilters: [filter], deliveryMode: { transportType: 'WebSocket' } };
    send([{ type: 'ClientRequest', messageId: pendingSubscribe, method: 'POST', path: '/restapi/v1.0/subscription/' }, body]);
  }

  function becameLive(subscriptionId: string | undefined, recovered: boolean): void {
    live = true;
    failures = 0;
    handshakeTimer = clear(handshakeTimer);
    const wasDown = disconnectedAt !== undefined;
    disconnectedAt = undefined;
    if (!everConnected) {
      everConnected = true;
      emitter.emit('connected', { subscriptionId: subscriptionId ?? '' });
      return;
    }
    if (!wasDown) return;
    emitter.emit('reconnected', { subscriptionId, recovered });
    if (!recovered) emitter.emit('needFullRead', { reason: attemptingRecovery ? 'recoveryFailed' : 'recoveryExpired' });
  }

  function receive(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (!Array.isArray(frame)) return;
    const meta = frameMetaSchema.safeParse(frame[0]);
    if (!meta.success) return;
    const body: unknown = frame[1];
    const { type } = meta.data;
    // The newest wsc: a ConnectionDetails always carries the session's current one; later frames only move it forward.
    if (meta.data.wsc && (!wsc || type === 'ConnectionDetails' || meta.data.wsc.sequence > wsc.sequence)) wsc = meta.data.wsc;
    heartbeatSent = undefined;
    armSilence();

    if (type === 'ConnectionDetails') {
      handshaken = true;
      const parsed = connectionDetailsSchema.safeParse(body);
      details = parsed.success ? parsed.data : details;
      if (attemptingRecovery && details?.recoveryState === 'Successful') {
        becameLive(undefined, true);
        return;
      }
      subscribe();
      return;
    }
    if (type === 'ClientRequest' && meta.data.messageId !== undefined && meta.data.messageId === pendingSubscribe) {
      pendingSubscribe = undefined;
      const status = meta.data.status ?? 0;
      if (status >= 200 && status < 300) {
        const info = subscriptionInfoSchema.safeParse(body);
        becameLive(info.success ? info.data.id : undefined, false);
        return;
      }
      const error = describeRingCentralError(status, body, new Headers(), SUBSCRIPTION_REQUEST);
      const retry = status !== 401 && status !== 403;
      dropSocket();
      fail(error, retry);
      return;
    }
    if (type === 'ServerNotification') {
      const notification = notificationSchema.safeParse(body);
      const event = notification.success ? sessionEventSchema.safeParse(notification.data.body) : undefined;
      if (!event?.success) return;
      const fresh = sequences.accept(event.data);
      if (fresh) emitter.emit('sessionChanged', fresh);
      return;
    }
    if (type === 'Error') {
      const parsed = wsErrorSchema.safeParse(body);
      const code = parsed.success ? parsed.data.errorCode : undefined;
      // Idle/absolute timeout: the gateway ends the connection; come straight back with wsc.
      if (code !== undefined && TIMEOUT_CODES.has(code)) {
        lost(0);
        return;
      }
      if (!live) {
        dropSocket();
        fail(
          new ProviderError({
            code: 'PROVIDER',
            message: `RingCentral refused the event connection${parsed.success && parsed.data.message ? `: ${parsed.data.message}` : ''}.`,
            retryable: true,
          }),
          true,
        );
      }
    }
  }

  /** Stops everything; a later start() begins afresh (a new `connected`, no recovery of the old session). */
  function stopInternal(): void {
    running = false;
    tokenAbort?.abort();
    retryTimer = clear(retryTimer);
    dropSocket();
    everConnected = false;
    wsc = undefined;
    details = undefined;
    disconnectedAt = undefined;
    failures = 0;
  }

  return {
    on: (event, listener) => emitter.on(event, listener),
    start() {
      if (running) return;
      running = true;
      void connect();
    },
    stop() {
      stopInternal();
    },
    get live() {
      return live;
    },
  };
}
