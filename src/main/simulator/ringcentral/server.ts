/**
 * The RingCentral simulator's HTTP + WebSocket server on 127.0.0.1: OAuth (/restapi/oauth/*), the REST
 * API under /restapi/v1.0 (bearer auth, rate-limit groups, planned faults, RingCentral error bodies with
 * an RCRequestId header) and the WebSocket gateway on /ws, plus the in-process scenario driver. Owns
 * every socket and timer so close() leaves nothing behind. Call state lives in CallSessions, the call
 * log of ended calls in SimCallLog (call-log.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { realTimers, type TimerHandle } from '../../foundation/timers';
import { flattenHeaders, hostIsLoopback, parseJsonBody, readBody, writeJson } from '../kit/http-io';
import { CallSessions } from './call-sessions';
import { SimCallLog, callLogRoutes } from './call-log';
import { EXPIRED_TOKEN_CODE, RATE_CODE, SimRefusal, errorBody } from './errors';
import { FaultPlan, matches } from './faults';
import { CommandJournal } from './journal';
import { OAuthLedger } from './oauth';
import { AppPermissions, SUBSCRIPTION_PERMISSION, permissionOf, permissionRefusal } from './permissions';
import { DEFAULT_RATE_LIMITS, RateLimiter, groupOf } from './rate-limits';
import { restRoutes } from './routes';
import { createScenario } from './scenario';
import { WsGateway } from './ws-gateway';
import type { ErrorShape, FaultMatch, RecordedRequest, RingCentralSimulator, RingCentralSimulatorOptions, SimDevice, SimMe } from './types';

const DEFAULT_TOKEN = 'rc-sim-access-token';

export const DEFAULT_DEVICES: SimDevice[] = [
  { id: '800001', type: 'WebRTC', name: 'Browser', status: 'Online' },
  { id: '800002', type: 'HardPhone', name: 'Desk phone', status: 'Online' },
  { id: '800003', type: 'SoftPhone', name: 'RingCentral app', status: 'Online' },
];

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  location?: string;
}

function formFields(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startRingCentralSimulator(options: RingCentralSimulatorOptions = {}): Promise<RingCentralSimulator> {
  const timers = options.timers ?? realTimers;
  const now = () => timers.now();
  const me: SimMe = {
    accountId: '400100',
    extensionId: '400200',
    extensionNumber: '101',
    name: 'Sam Simulator',
    phoneNumber: '+16505550100',
    ...options.me,
  };
  let devices = options.devices ?? DEFAULT_DEVICES;
  let errorShape: ErrorShape = options.errorShape ?? 'modern';
  const clientId = options.clientId ?? 'rc-sim-client';
  const ledger = new OAuthLedger(now, {
    clientId,
    accessTtlSec: options.accessTokenTtlSec ?? 3600,
    wsTokenTtlSec: options.wsTokenTtlSec ?? 30,
    ownerId: me.extensionId,
  });
  ledger.grant(options.token ?? DEFAULT_TOKEN);
  const limiter = new RateLimiter(now, { ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
  const faults = new FaultPlan();
  const journal = new CommandJournal();
  const recording = options.recordRequests ?? true;
  const permissions = new AppPermissions();
  const refusalBody = (refusal: SimRefusal) =>
    errorBody(errorShape, refusal.errorCode, refusal.message, refusal.parameterName, refusal.permissionName);
  const gateway = new WsGateway(
    timers,
    me,
    {
      recoveryTimeoutSec: options.recoveryTimeoutSec ?? 180,
      recoveryBufferSize: options.recoveryBufferSize ?? 100,
      idleTimeoutSec: options.idleTimeoutSec ?? 1800,
      absoluteTimeoutSec: options.absoluteTimeoutSec ?? 86_400,
    },
    (token) => ledger.useWsToken(token),
    () => (permissions.lacks(SUBSCRIPTION_PERMISSION) ? refusalBody(permissionRefusal(SUBSCRIPTION_PERMISSION)) : undefined),
  );
  const callLog = new SimCallLog(me, now);
  const calls = new CallSessions(
    me,
    () => devices,
    now,
    (change) => {
      callLog.note(change);
      gateway.notify(change);
    },
  );
  const colleagues = options.colleagues ?? [];
  const routes = [...restRoutes(calls, me, () => devices, colleagues), ...callLogRoutes(callLog, me)];
  const requests: RecordedRequest[] = [];
  const waiters: { match: FaultMatch; resolve: (r: RecordedRequest) => void }[] = [];
  const pendingTimers = new Set<TimerHandle>();
  const sockets = new Set<Socket>();
  let baseUrl = '';

  const fail = (
    status: number,
    errorCode: string,
    message: string,
    parameterName?: string,
    headers: Record<string, string> = {},
  ): Answer => ({
    status,
    body: errorBody(errorShape, errorCode, message, parameterName),
    headers,
  });
  const refuse = (refusal: SimRefusal): Answer => ({ status: refusal.status, body: refusalBody(refusal) });

  /** OAuth answers use RingCentral's OAuth error body: `error`/`error_description` plus `errors`. */
  const oauthFail = (refusal: SimRefusal): Answer => ({
    status: refusal.status,
    body: {
      error: refusal.status === 401 ? 'invalid_client' : 'invalid_grant',
      error_description: refusal.message,
      errors: [{ errorCode: refusal.errorCode, message: refusal.message }],
    },
  });

  function bearerCheck(headers: Record<string, string>): Answer | undefined {
    const value = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    const verdict = value === undefined ? 'unknown' : ledger.check(value);
    if (verdict === 'expired') return fail(401, EXPIRED_TOKEN_CODE, 'Access token expired');
    if (verdict === 'unknown') return fail(401, 'OAU-123', 'Access token is invalid or missing');
    return undefined;
  }

  function oauth(method: string, path: string, query: Record<string, string>, raw: string, headers: Record<string, string>): Answer {
    try {
      if (method === 'GET' && path === '/restapi/oauth/authorize') return { status: 302, location: ledger.authorize(query) };
      if (method === 'POST' && path === '/restapi/oauth/wstoken') {
        const denied = bearerCheck(headers);
        if (denied) return denied;
        if (permissions.lacks('WebSocketsSubscriptions')) return refuse(permissionRefusal('WebSocketsSubscriptions'));
        return { status: 200, body: { ...ledger.wsToken(), uri: `${baseUrl.replace(/^http/, 'ws')}/ws` } };
      }
      const form = formFields(raw);
      const basic = /^Basic (.+)$/.exec(headers.authorization ?? '')?.[1];
      const presentedClient = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : form.client_id;
      if (method === 'POST' && path === '/restapi/oauth/token') {
        if (presentedClient !== clientId) throw new SimRefusal(401, 'OAU-101', 'Client authentication failed');
        return { status: 200, body: ledger.token({ ...form, client_id: presentedClient }) };
      }
      if (method === 'POST' && path === '/restapi/oauth/revoke') {
        ledger.revoke(form);
        return { status: 200, body: {} };
      }
      return fail(404, 'CMN-102', `Resource for ${method} ${path} not found`);
    } catch (error) {
      if (error instanceof SimRefusal) return oauthFail(error);
      throw error;
    }
  }

  function api(method: string, path: string, query: Record<string, string>, raw: string, headers: Record<string, string>): Answer {
    const denied = bearerCheck(headers);
    if (denied) return denied;
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return fail(400, 'CMN-101', 'The request body is not valid JSON');
    const body = parsed.value ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return fail(400, 'CMN-101', 'The request body must be a JSON object');
    const needed = permissionOf(method, path);
    if (needed !== undefined && permissions.lacks(needed)) return refuse(permissionRefusal(needed));
    for (const candidate of routes) {
      if (candidate.method !== method) continue;
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      try {
        return candidate.handle({ params: found.slice(1), query, body: body as Record<string, unknown> });
      } catch (error) {
        if (error instanceof SimRefusal) return refuse(error);
        return fail(500, 'CMN-500', `Simulator error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return fail(404, 'CMN-102', `Resource for ${method} ${path} not found`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const headers = flattenHeaders(request.headers);
    const raw = await readBody(request);
    const recordedBody = headers['content-type']?.includes('application/x-www-form-urlencoded')
      ? formFields(raw)
      : (parseJsonBody(raw) as { value?: unknown }).value;
    const recorded: RecordedRequest = { method, path, query, headers, body: recordedBody };
    if (recording) requests.push(recorded);
    for (const waiter of [...waiters]) {
      if (matches(waiter.match, method, path)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
    const requestId = randomUUID();
    let answer: Answer;
    let delayMs = 0;
    const fault = faults.take(method, path);
    const journaled = recording && CommandJournal.keeps(method, path);
    const note = (status: number | undefined, applied: boolean) => {
      if (journaled) journal.record({ method, path, body: recordedBody, status, applied, at: now() });
    };
    // A cut connection: the client learns nothing, so it cannot tell whether the command was carried out.
    const cut = () => {
      note(undefined, fault?.kind === 'reset' && fault.afterApplying);
      request.socket.destroy();
    };
    if (fault?.kind === 'reset' && !fault.afterApplying) {
      cut();
      return;
    }
    const rate = limiter.admit(groupOf(method, path));
    if (!hostIsLoopback(request)) {
      answer = fail(403, 'CMN-401', 'Host not allowed');
    } else if (fault?.kind === 'rateLimit') {
      answer = fail(
        429,
        RATE_CODE,
        'Request rate exceeded',
        undefined,
        fault.retryAfterSec === null ? {} : { 'Retry-After': String(fault.retryAfterSec) },
      );
    } else if (fault?.kind === 'serverError') {
      answer = fail(fault.status, 'CMN-500', 'Internal server error');
    } else if (!rate.ok) {
      answer = fail(429, RATE_CODE, 'Request rate exceeded', undefined, { ...rate.headers, 'Retry-After': String(rate.retryAfterSec) });
    } else {
      answer = path.startsWith('/restapi/oauth/') ? oauth(method, path, query, raw, headers) : api(method, path, query, raw, headers);
      answer.headers = { ...rate.headers, ...answer.headers };
      if (fault?.kind === 'reset') {
        cut();
        return;
      }
      if (fault?.kind === 'slow') delayMs = fault.ms;
    }
    // Faults, rate limits, a refused token and the state machine's refusals all answer 4xx/5xx: only a
    // route that ran and answered 2xx changed the simulated state.
    note(answer.status, answer.status < 300);
    const send = () => {
      const allHeaders = { ...answer.headers, RCRequestId: requestId };
      if (answer.location !== undefined) {
        response.writeHead(answer.status, { ...allHeaders, Location: answer.location, 'Content-Length': 0 });
        response.end();
        return;
      }
      writeJson(response, answer.status, answer.body, allHeaders);
    };
    if (delayMs > 0) {
      const handle = timers.setTimeout(() => {
        pendingTimers.delete(handle);
        send();
      }, delayMs);
      pendingTimers.add(handle);
    } else {
      send();
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => writeJson(response, 500, errorBody(errorShape, 'CMN-500', String(error))));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request, socket, head) => gateway.upgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const simulator: RingCentralSimulator = {
    baseUrl,
    me,
    requests,
    journal: journal.entries,
    sentFrames: gateway.sentFrames,
    faults: {
      rateLimit: (match = {}, retryAfterSec = 60) => faults.add({ kind: 'rateLimit', match, retryAfterSec }),
      serverError: (match = {}, status = 503) => faults.add({ kind: 'serverError', match, status }),
      slow: (match, ms) => faults.add({ kind: 'slow', match, ms }),
      reset: (match, afterApplying) => faults.add({ kind: 'reset', match, afterApplying }),
      expireTokens: () => ledger.expireAll(),
      dropSockets: () => gateway.dropSockets(),
      refuseNextRecovery: () => gateway.refuseNextRecovery(),
      denyWebSockets: (denied = true) => permissions.set('WebSocketsSubscriptions', !denied),
      revokePermission: (permission, revoked = true) => permissions.set(permission, !revoked),
      clear: () => {
        faults.clear();
        permissions.reset();
      },
    },
    scenario: createScenario(calls, callLog, me, colleagues, () => {
      calls.reset();
      callLog.reset();
      faults.clear();
      journal.clear();
      limiter.reset();
      gateway.reset();
      devices = options.devices ?? DEFAULT_DEVICES;
    }),
    session: (id) => calls.get(id),
    sessions: () => calls.list(),
    setErrorShape: (shape) => {
      errorShape = shape;
    },
    openSockets: () => gateway.openSockets(),
    nextRequest: (match) => new Promise((resolve) => waiters.push({ match, resolve })),
    async close() {
      for (const handle of pendingTimers) timers.clearTimeout(handle);
      pendingTimers.clear();
      await gateway.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return simulator;
}
