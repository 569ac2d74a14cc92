/**
 * The simulated RingCentral WebSocket gateway (docs/wire/ringcentral-and-bandwidth.md §A4): frames are
 * `[meta, body?]`; ConnectionDetails first; a ClientRequest POST /restapi/v1.0/subscription creates the
 * one subscription of the connection; ServerNotification frames carry telephony-session events; every
 * server frame carries `wsc {token, sequence}`; Heartbeats are echoed; recovery with `wsc` replays the
 * events missed while disconnected (or answers recoveryState "Failed"); idle and absolute timeouts end a
 * connection with WSG-902 / WSG-903. Knows nothing of call state beyond the changes it is handed.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TimerHandle, Timers } from '../../foundation/timers';
import type { SessionChange } from './call-sessions';
import { TELEPHONY_FILTER, notificationBody } from './wire-shapes';
import type { SimFrame, SimMe } from './types';

export interface GatewaySettings {
  recoveryTimeoutSec: number;
  recoveryBufferSize: number;
  idleTimeoutSec: number;
  absoluteTimeoutSec: number;
}

interface WscSession {
  token: string;
  sequence: number;
  subscription?: { id: string; eventFilters: string[]; expirationTime: string };
  socket?: WebSocket;
  disconnectedAt?: number;
  /** Notification bodies (JSON text) produced while no socket was open. */
  missed: string[];
  overflowed: boolean;
}

interface Connection {
  socket: WebSocket;
  session: WscSession;
  idle?: TimerHandle;
  absolute?: TimerHandle;
}

const SUBSCRIPTION_PATH = /^\/restapi\/v1\.0\/subscription\/?$/;
const SUBSCRIPTION_ITEM = /^\/restapi\/v1\.0\/subscription\/([^/]+)$/;

function filterAccepted(filter: string, me: SimMe): boolean {
  const path = filter.split('?')[0] ?? '';
  return path === TELEPHONY_FILTER || path === `/restapi/v1.0/account/${me.accountId}/extension/${me.extensionId}/telephony/sessions`;
}

export class WsGateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, WscSession>();
  private readonly connections = new Set<Connection>();
  private refuseRecovery = false;
  readonly sentFrames: SimFrame[] = [];

  constructor(
    private readonly timers: Timers,
    private readonly me: SimMe,
    private readonly settings: GatewaySettings,
    private readonly acceptToken: (token: string) => boolean,
    /** The body of a 403 when the app may not subscribe to telephony sessions (permissions.ts), else undefined. */
    private readonly subscriptionRefusal: () => unknown = () => undefined,
  ) {}

  /** Handles an HTTP upgrade on /ws; refuses a missing, used or expired ws token with 401. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const token = url.searchParams.get('access_token') ?? '';
    if (url.pathname !== '/ws' || !this.acceptToken(token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.open(ws, url.searchParams.get('wsc') ?? undefined));
  }

  private newSession(): WscSession {
    const session: WscSession = { token: `wsc-${randomUUID()}`, sequence: 0, missed: [], overflowed: false };
    this.sessions.set(session.token, session);
    return session;
  }

  private open(socket: WebSocket, wsc: string | undefined): void {
    const now = this.timers.now();
    const previous = wsc === undefined ? undefined : this.sessions.get(wsc);
    const recoverable =
      previous !== undefined &&
      previous.socket === undefined &&
      !previous.overflowed &&
      previous.disconnectedAt !== undefined &&
      now - previous.disconnectedAt <= this.settings.recoveryTimeoutSec * 1000 &&
      !this.refuseRecovery;
    if (wsc !== undefined) this.refuseRecovery = false;
    let session: WscSession;
    if (recoverable && previous) {
      session = previous;
    } else {
      if (previous) this.sessions.delete(previous.token);
      session = this.newSession();
    }
    session.socket = socket;
    session.disconnectedAt = undefined;
    const connection: Connection = { socket, session };
    this.connections.add(connection);

    const details: Record<string, unknown> = {
      creationTime: new Date(now).toISOString(),
      maxConnectionsPerSession: 50,
      recoveryBufferSize: this.settings.recoveryBufferSize,
      recoveryTimeout: this.settings.recoveryTimeoutSec,
      idleTimeout: this.settings.idleTimeoutSec,
      absoluteTimeout: this.settings.absoluteTimeoutSec,
      maxActiveRequests: 10,
    };
    if (wsc !== undefined) {
      details.recoveryState = recoverable ? 'Successful' : 'Failed';
      if (!recoverable) details.recoveryErrorCode = 'WSG-451';
    }
    this.send(connection, { type: 'ConnectionDetails', messageId: randomUUID(), status: 200 }, details);
    if (recoverable) {
      const missed = session.missed.splice(0);
      for (const text of missed)
        this.send(connection, { type: 'ServerNotification', messageId: randomUUID(), status: 200 }, JSON.parse(text));
    }

    this.touch(connection);
    connection.absolute = this.timers.setTimeout(
      () => this.expire(connection, 'WSG-903', 'Absolute timeout of the connection'),
      this.settings.absoluteTimeoutSec * 1000,
    );
    socket.on('message', (data) => this.receive(connection, String(data)));
    socket.on('close', () => this.closed(connection));
    socket.on('error', () => undefined);
  }

  private touch(connection: Connection): void {
    if (connection.idle !== undefined) this.timers.clearTimeout(connection.idle);
    connection.idle = this.timers.setTimeout(
      () => this.expire(connection, 'WSG-902', 'Idle timeout of the connection'),
      this.settings.idleTimeoutSec * 1000,
    );
  }

  private expire(connection: Connection, errorCode: string, message: string): void {
    this.send(connection, { type: 'Error', messageId: randomUUID(), status: 400 }, { errorCode, message });
    connection.socket.close(1000, errorCode);
  }

  private closed(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.idle !== undefined) this.timers.clearTimeout(connection.idle);
    if (connection.absolute !== undefined) this.timers.clearTimeout(connection.absolute);
    if (connection.session.socket === connection.socket) {
      connection.session.socket = undefined;
      connection.session.disconnectedAt = this.timers.now();
    }
  }

  private send(connection: Connection, meta: Record<string, unknown>, body?: unknown): void {
    const session = connection.session;
    session.sequence += 1;
    const frame: SimFrame =
      body === undefined
        ? [{ ...meta, wsc: { token: session.token, sequence: session.sequence } }]
        : [{ ...meta, wsc: { token: session.token, sequence: session.sequence } }, body];
    this.sentFrames.push(frame);
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(frame));
  }

  private receive(connection: Connection, text: string): void {
    this.touch(connection);
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      frame = undefined;
    }
    if (!Array.isArray(frame) || typeof frame[0] !== 'object' || frame[0] === null) {
      this.send(
        connection,
        { type: 'Error', messageId: randomUUID(), status: 400 },
        { errorCode: 'WSG-400', message: 'A frame must be a JSON array [meta, body?]' },
      );
      return;
    }
    const meta = frame[0] as Record<string, unknown>;
    const messageId = typeof meta.messageId === 'string' ? meta.messageId : randomUUID();
    if (meta.type === 'Heartbeat') {
      this.send(connection, { type: 'Heartbeat', messageId, status: 200 });
      return;
    }
    if (meta.type !== 'ClientRequest') {
      this.send(
        connection,
        { type: 'Error', messageId, status: 400 },
        { errorCode: 'WSG-400', message: `Unsupported frame type ${String(meta.type)}` },
      );
      return;
    }
    const reply = (status: number, body?: unknown) =>
      this.send(connection, { type: 'ClientRequest', messageId, status, headers: {} }, body);
    const method = String(meta.method ?? '').toUpperCase();
    const path = String(meta.path ?? '');
    const body = (frame[1] ?? {}) as Record<string, unknown>;
    if (method === 'POST' && SUBSCRIPTION_PATH.test(path)) {
      const filters = body.eventFilters;
      const transport = (body.deliveryMode as Record<string, unknown> | undefined)?.transportType;
      if (!Array.isArray(filters) || filters.length === 0 || !filters.every((f) => typeof f === 'string' && filterAccepted(f, this.me))) {
        reply(400, {
          errors: [{ errorCode: 'SUB-406', message: 'Event filters are not supported by the simulator', parameterName: 'eventFilters' }],
        });
        return;
      }
      if (transport !== 'WebSocket') {
        reply(400, {
          errors: [{ errorCode: 'CMN-101', message: 'deliveryMode.transportType must be WebSocket', parameterName: 'deliveryMode' }],
        });
        return;
      }
      const refusal = this.subscriptionRefusal();
      if (refusal !== undefined) {
        reply(403, refusal);
        return;
      }
      // One subscription per connection: a new one replaces the old.
      const subscription = {
        id: randomUUID(),
        eventFilters: filters as string[],
        expirationTime: new Date(this.timers.now() + 86_400_000).toISOString(),
      };
      connection.session.subscription = subscription;
      reply(200, {
        ...subscription,
        status: 'Active',
        creationTime: new Date(this.timers.now()).toISOString(),
        deliveryMode: { transportType: 'WebSocket' },
      });
      return;
    }
    const item = SUBSCRIPTION_ITEM.exec(path);
    if (method === 'DELETE' && item && connection.session.subscription?.id === item[1]) {
      connection.session.subscription = undefined;
      reply(204);
      return;
    }
    reply(404, { errors: [{ errorCode: 'CMN-102', message: `Resource for ${method} ${path} not found` }] });
  }

  /** A change of one of the user's parties: sent on every live subscription, buffered on broken ones. */
  notify(change: SessionChange): void {
    for (const session of this.sessions.values()) {
      const subscription = session.subscription;
      if (!subscription) continue;
      const body = notificationBody(change.session, change.party, this.me, subscription.id, this.timers.now(), randomUUID());
      const connection = [...this.connections].find((c) => c.session === session);
      if (connection) {
        this.send(connection, { type: 'ServerNotification', messageId: randomUUID(), status: 200 }, JSON.parse(JSON.stringify(body)));
      } else if (session.disconnectedAt !== undefined) {
        session.missed.push(JSON.stringify(body));
        if (session.missed.length > this.settings.recoveryBufferSize) session.overflowed = true;
      }
    }
  }

  dropSockets(): void {
    for (const connection of [...this.connections]) {
      connection.socket.terminate();
      this.closed(connection);
    }
  }

  refuseNextRecovery(): void {
    this.refuseRecovery = true;
  }

  openSockets(): number {
    return this.connections.size;
  }

  reset(): void {
    this.refuseRecovery = false;
  }

  async close(): Promise<void> {
    this.dropSockets();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
