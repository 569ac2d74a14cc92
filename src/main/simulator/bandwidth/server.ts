/**
 * The Catapult simulator's HTTP server on 127.0.0.1: /v1/users/{userId}/… with HTTP Basic auth
 * (API token + secret), the per-user request limit (429 rate-limit-reached with X-RateLimit-Reset in
 * epoch ms) and the call-creation limit (403 call-rate-limit), docs/wire/ringcentral-and-bandwidth.md
 * §B6; fault injection; request recording. Owns every socket and timer so close() leaves nothing
 * behind. The simulated behaviour lives in Catapult and routes.ts.
 */
import { createServer, type ServerResponse } from 'node:http';
import { realTimers } from '../../foundation/timers';
import { isJsonObject } from './json-object';
import { Catapult } from './catapult';
import { SimRefusal, defaultFaultCode, defaultFaultMessage, errorBody } from './errors';
import { FaultPlan, type PlannedFault } from './faults';
import { listenOnLoopback, trackSockets } from '../kit/loopback-server';
import { basicCredentials, flattenHeaders, parseJsonBody, readBody, writeJson } from '../kit/http-io';
import { catapultRoutes, runRoute, type RouteAnswer } from './routes';
import { createScenario } from './scenario';
import { SimTimers } from './sim-timers';
import { SlidingWindow, TokenBucket } from './token-bucket';
import type { AppliedCommand, BandwidthSimulator, BandwidthSimulatorOptions, RecordedRequest } from './types';

function refusalAnswer(
  refusal: { status: number; category: string; code: string; message: string },
  method: string,
  path: string,
  headers: Record<string, string> = {},
): RouteAnswer {
  return { status: refusal.status, body: errorBody(refusal, method, path), headers };
}

function answerForError(error: unknown, method: string, path: string): RouteAnswer {
  if (error instanceof SimRefusal) return refusalAnswer(error, method, path);
  if (error instanceof RangeError) return refusalAnswer(SimRefusal.invalid(error.message), method, path);
  const message = error instanceof Error ? error.message : String(error);
  return refusalAnswer(new SimRefusal(500, 'unexpected-error', `Simulator error: ${message}`), method, path);
}

export async function startBandwidthSimulator(options: BandwidthSimulatorOptions = {}): Promise<BandwidthSimulator> {
  const userId = options.userId ?? 'u-sim0001';
  const apiToken = options.apiToken ?? 't-sim-token';
  const apiSecret = options.apiSecret ?? 'sim-secret';
  const numbers = options.numbers ?? ['+19195550100'];
  const timers = new SimTimers(options.timers ?? realTimers);
  const faults = new FaultPlan();
  const rate = options.rateLimit === undefined ? { capacity: 1, intervalMs: 1000 } : options.rateLimit;
  const bucket = rate ? new TokenBucket(rate.capacity, rate.intervalMs, timers.now()) : undefined;
  const callRate = options.callRateLimit === undefined ? { count: 10, windowMs: 10_000 } : options.callRateLimit;
  const callWindow = callRate ? new SlidingWindow(callRate.count, callRate.windowMs) : undefined;
  const requests: RecordedRequest[] = [];
  const journal: AppliedCommand[] = [];
  const recording = options.recordRequests ?? true;
  const hung = new Set<ServerResponse>();
  let closed = false;
  let routes: ReturnType<typeof catapultRoutes> = [];
  let userUrl = '';

  /** Auth, then the limits, then the route. A refused request is never applied. */
  const answer = (
    method: string,
    path: string,
    query: Record<string, string>,
    authorization: string | undefined,
    raw: string,
  ): RouteAnswer => {
    const userPrefix = `/users/${userId}`;
    const credentials = basicCredentials(authorization);
    if (!credentials || credentials.user !== apiToken || credentials.password !== apiSecret) {
      return refusalAnswer(new SimRefusal(401, 'unauthorized', 'Authentication failed: check the API token and secret'), method, path);
    }
    if (!path.startsWith('/users/')) return refusalAnswer(new SimRefusal(404, 'not-found', 'Resource not found'), method, path);
    if (path !== userPrefix && !path.startsWith(`${userPrefix}/`)) {
      return refusalAnswer(new SimRefusal(401, 'user-access-denied', 'These credentials do not belong to that user'), method, path);
    }
    const rest = path.slice(userPrefix.length) || '/';
    const now = timers.now();
    const isCallCreation = method === 'POST' && rest === '/calls';
    if (isCallCreation) {
      if (callWindow && !callWindow.take(now)) {
        return refusalAnswer(
          new SimRefusal(403, 'call-rate-limit', 'The call creation rate limit was exceeded: at most 1 call per second', 'limit'),
          method,
          path,
        );
      }
    } else if (bucket && !bucket.take(now)) {
      return refusalAnswer(
        new SimRefusal(429, 'rate-limit-reached', 'The rate limit was exceeded: at most 1 request per second', 'limit'),
        method,
        path,
        {
          'x-ratelimit-reset': String(bucket.nextTokenAt(now)),
        },
      );
    }
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return refusalAnswer(SimRefusal.invalid('The request body is not valid JSON'), method, path);
    if (parsed.value !== undefined && !isJsonObject(parsed.value))
      return refusalAnswer(SimRefusal.invalid('The request body must be a JSON object'), method, path);
    try {
      const found = runRoute(routes, {
        method,
        path: rest,
        query,
        body: (parsed.value as Record<string, unknown> | undefined) ?? {},
        userUrl,
      });
      return found ?? refusalAnswer(new SimRefusal(404, 'not-found', 'Resource not found'), method, path);
    } catch (error) {
      return answerForError(error, method, path);
    }
  };

  /** A planned drop (the connection reset) or hang (held open until close()) instead of an answer. */
  const withhold = (response: ServerResponse, fault: PlannedFault & { kind: 'drop' | 'hang' }): void => {
    if (fault.kind === 'drop') {
      response.socket?.destroy();
      return;
    }
    hung.add(response);
    response.on('close', () => hung.delete(response));
  };

  const handle = async (
    method: string,
    url: URL,
    authorization: string | undefined,
    raw: string,
    response: ServerResponse,
    record: RecordedRequest,
  ): Promise<void> => {
    const path = url.pathname.slice('/v1'.length).replace(/\/+$/, '') || '/';
    const fault = faults.take(method, path);
    if (faults.latencyMs > 0) await new Promise<void>((resolve) => timers.after(faults.latencyMs, resolve));
    if (closed) return;
    if (fault?.kind === 'fail') {
      const headers: Record<string, string> =
        fault.status === 429 && fault.resetInMs !== null ? { 'x-ratelimit-reset': String(timers.now() + fault.resetInMs) } : {};
      const code = fault.code ?? defaultFaultCode(fault.status);
      const category = fault.status === 429 || code === 'call-rate-limit' ? 'limit' : undefined;
      const refusal = new SimRefusal(fault.status, code, fault.message ?? defaultFaultMessage(fault.status), category);
      const a = refusalAnswer(refusal, method, path, headers);
      record.status = a.status;
      writeJson(response, a.status, a.body, a.headers);
      return;
    }
    if (fault && !fault.afterApplying) {
      withhold(response, fault);
      return;
    }
    const a = answer(method, path, Object.fromEntries(url.searchParams), authorization, raw);
    if (recording && method !== 'GET' && a.status >= 200 && a.status < 300) {
      const location = a.headers?.location;
      journal.push({
        seq: journal.length + 1,
        method,
        path,
        body: record.body,
        status: a.status,
        at: timers.now(),
        ...(location ? { location } : {}),
      });
    }
    if (fault) {
      withhold(response, fault);
      return;
    }
    record.status = a.status;
    writeJson(response, a.status, a.body, a.headers);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let raw: string;
      try {
        raw = await readBody(request);
      } catch {
        response.socket?.destroy();
        return;
      }
      if (closed) return;
      const method = (request.method ?? 'GET').toUpperCase();
      if (!url.pathname.startsWith('/v1/')) {
        writeJson(response, 404, errorBody(new SimRefusal(404, 'not-found', 'Resource not found'), method, url.pathname));
        return;
      }
      const parsed = parseJsonBody(raw);
      const record: RecordedRequest = {
        method,
        path: url.pathname.slice('/v1'.length),
        query: Object.fromEntries(url.searchParams),
        body: parsed.ok ? parsed.value : raw,
        headers: flattenHeaders(request.headers),
        status: 0,
        at: timers.now(),
      };
      if (recording) requests.push(record);
      await handle(method, url, request.headers.authorization, raw, response, record);
    })().catch((error: unknown) => {
      const a = answerForError(error, request.method ?? 'GET', request.url ?? '/');
      writeJson(response, a.status, a.body, a.headers);
    });
  });
  const sockets = trackSockets(server);
  const baseUrl = `http://127.0.0.1:${await listenOnLoopback(server, options.port ?? 0)}/v1`;
  userUrl = `${baseUrl}/users/${userId}`;
  const catapult = new Catapult({
    timers,
    userUrl,
    numbers,
    farEndAnswerMs: options.farEndAnswerMs ?? 1500,
    callTimeoutS: options.callTimeoutS ?? 60,
    transcriptionMs: options.transcriptionMs ?? 5000,
    maxConferenceMembers: options.maxConferenceMembers ?? 20,
  });
  routes = catapultRoutes(catapult);

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    userId,
    apiToken,
    apiSecret,
    numbers: [...numbers],
    requests,
    journal,
    scenario: createScenario(catapult),
    faults,
    calls: () => catapult.calls.all().map((c) => catapult.calls.toWire(c)),
    bridge: (id) => {
      try {
        return catapult.bridges.get(id);
      } catch {
        return undefined;
      }
    },
    dtmfLog: () => [...catapult.calls.dtmfLog],
    audioLog: () => [...catapult.audio.log],
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        closed = true;
        catapult.close();
        timers.clearAll();
        for (const response of hung) response.destroy();
        hung.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      })),
  };
}
