/**
 * The simulator's HTTP server on 127.0.0.1: the Webex API under /v1 (bearer auth, request recording,
 * latency and faults, JSON bodies, Webex error answers) and the unauthenticated scenario API under
 * /_sim for loopback clients. Owns every socket and request timer so close() leaves nothing behind.
 * The simulated behaviour itself lives in SimulatedWebex and the route modules.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import { createAccount } from './account';
import { accountRoutes } from './account-routes';
import { callRoutes } from './call-routes';
import { conferenceRoutes } from './conference-routes';
import { SimRefusal, describeStatus, webexErrorBody } from './errors';
import type { PlannedFault } from './faults';
import { FaultPlan } from './faults';
import { listenOnLoopback, trackSockets } from '../kit/loopback-server';
import {
  flattenHeaders,
  fromLoopback,
  hostIsLoopback,
  originIsLoopback,
  isJsonObject,
  parseJsonBody,
  readBody,
  writeJson,
} from '../kit/http-io';
import type { ParsedBody } from '../kit/http-io';
import { newTrackingId } from './ids';
import type { ApiAnswer, ApiRoute } from './route-table';
import { findRoute } from './route-table';
import { createScenario } from './scenario';
import { toWireCall } from './sim-call';
import { simRoutes } from './sim-routes';
import { SimulatedWebex } from './simulated-webex';
import { TimerSet } from './timer-set';
import { TokenRegistry, bearerToken } from './tokens';
import { createWebexOAuthHandler, type WebexOAuthHandler } from '../webex-oauth/index';
import type { AppliedCommand, RecordedRequest, WebexSimulator, WebexSimulatorOptions } from './types';

const DEFAULT_TOKEN = 'sim-access-token';

interface Answer extends ApiAnswer {
  headers?: Record<string, string>;
}

function errorAnswer(status: number, description: string, errorCode?: number, headers: Record<string, string> = {}): Answer {
  const trackingId = newTrackingId();
  return { status, body: webexErrorBody(description, errorCode, trackingId), headers: { ...headers, trackingid: trackingId } };
}

/** Turns whatever a handler threw into the answer Webex would give. */
function answerForError(error: unknown): Answer {
  if (error instanceof SimRefusal) return errorAnswer(error.status, error.message, error.errorCode);
  if (error instanceof ZodError) {
    const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return errorAnswer(400, `Invalid request: ${detail}`);
  }
  if (error instanceof RangeError) return errorAnswer(400, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return errorAnswer(500, `Simulator error: ${message}`);
}

function run(routes: readonly ApiRoute[], method: string, path: string, query: Record<string, string>, parsed: ParsedBody): Answer {
  if (!parsed.ok) return errorAnswer(400, 'The request body is not valid JSON');
  if (parsed.value !== undefined && !isJsonObject(parsed.value)) return errorAnswer(400, 'The request body must be a JSON object');
  const found = findRoute(routes, method, path);
  if (!found) return errorAnswer(404, describeStatus(404));
  try {
    const answer: Answer = found.route.handle({ method, path, params: found.params, query, body: parsed.value ?? {} });
    return { ...answer, headers: { trackingid: newTrackingId() } };
  } catch (error) {
    return answerForError(error);
  }
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export async function startWebexSimulator(options: WebexSimulatorOptions = {}): Promise<WebexSimulator> {
  const initialToken = options.token ?? DEFAULT_TOKEN;
  const tokens = new TokenRegistry(initialToken);
  const faults = new FaultPlan(tokens);
  const sim = new SimulatedWebex({
    account: createAccount(options.me, options.secondaryLines),
    recordingMode: options.recordingMode ?? 'onDemand',
    parkRecallMs: options.parkRecallMs ?? 45_000,
    farEndAnswerMs: options.farEndAnswerMs === undefined ? 1500 : options.farEndAnswerMs,
  });
  const scenario = createScenario(sim, faults);
  // Webex serves OAuth (/v1/authorize, /v1/access_token) beside the API; tokens it issues open the API.
  const oauth: WebexOAuthHandler | undefined = options.oauth
    ? createWebexOAuthHandler({
        ...options.oauth,
        onTokenIssued: (token, info) => {
          tokens.accept(token);
          options.oauth?.onTokenIssued?.(token, info);
        },
        onTokenRevoked: (token) => {
          tokens.revoke(token);
          options.oauth?.onTokenRevoked?.(token);
        },
      })
    : undefined;
  const apiRoutes = [...callRoutes(sim), ...conferenceRoutes(sim.conference), ...accountRoutes(sim.account)];
  const scenarioRoutes = simRoutes({ sim, scenario, faults, tokens });
  const requests: RecordedRequest[] = [];
  const journal: AppliedCommand[] = [];
  const requestTimers = new TimerSet();
  const pendingWaits = new Set<() => void>();
  const hung = new Set<ServerResponse>();
  let closed = false;

  /** Resolves after ms, or at once when the simulator closes (the caller then checks `closed`). */
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        pendingWaits.delete(done);
        resolve();
      };
      pendingWaits.add(done);
      requestTimers.after(ms, done);
    });

  const send = (response: ServerResponse, record: RecordedRequest | undefined, answer: Answer): void => {
    if (record) record.status = answer.status;
    writeJson(response, answer.status, answer.body, answer.headers);
  };

  /** A planned drop or hang instead of an answer. Returns false when the fault is not of that kind. */
  const withhold = (response: ServerResponse, fault: PlannedFault): boolean => {
    if (fault.kind === 'drop') {
      response.socket?.destroy();
      return true;
    }
    if (fault.kind === 'hang') {
      hung.add(response);
      response.on('close', () => hung.delete(response));
      return true;
    }
    return false;
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, url: URL, raw: string): Promise<void> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = stripTrailingSlash(url.pathname.slice('/v1'.length) || '/');
    const query = Object.fromEntries(url.searchParams);
    const parsed = parseJsonBody(raw);
    const record: RecordedRequest = {
      method,
      path,
      query,
      body: parsed.ok ? parsed.value : raw,
      headers: flattenHeaders(request.headers),
      status: 0,
    };
    if (options.recordRequests ?? true) requests.push(record);
    const fault = faults.take(method, path);
    if (faults.currentLatencyMs > 0) await wait(faults.currentLatencyMs);
    if (closed) return;

    if (fault?.kind === 'fail') {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      send(response, record, errorAnswer(fault.status, describeStatus(fault.status), undefined, headers));
      return;
    }
    if (fault && !fault.afterApplying && withhold(response, fault)) return;

    const token = bearerToken(request.headers.authorization);
    const answer =
      token !== undefined && tokens.isValid(token) ? run(apiRoutes, method, path, query, parsed) : errorAnswer(401, describeStatus(401));
    if ((options.recordRequests ?? true) && method !== 'GET' && answer.status >= 200 && answer.status < 300) {
      journal.push({
        seq: journal.length + 1,
        method,
        path,
        body: parsed.ok ? parsed.value : raw,
        status: answer.status,
        answer: answer.body,
      });
    }
    if (fault && withhold(response, fault)) return;
    send(response, record, answer);
  };

  const handleSim = (request: IncomingMessage, response: ServerResponse, url: URL, raw: string): void => {
    if (!fromLoopback(request) || !originIsLoopback(request)) {
      send(response, undefined, errorAnswer(403, 'The scenario API is only served to this machine (not to web pages)'));
      return;
    }
    const method = (request.method ?? 'GET').toUpperCase();
    const path = stripTrailingSlash(url.pathname.slice('/_sim'.length) || '/');
    send(response, undefined, run(scenarioRoutes, method, path, Object.fromEntries(url.searchParams), parseJsonBody(raw)));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (!hostIsLoopback(request)) {
        send(response, undefined, errorAnswer(403, 'Requests must be addressed to the loopback host'));
        return;
      }
      // The OAuth handler reads its own (form-encoded) body.
      if (oauth && url.pathname.startsWith('/v1/') && oauth.handle(request, response, url.pathname.slice('/v1'.length))) return;
      let raw: string;
      try {
        raw = await readBody(request);
      } catch {
        response.socket?.destroy();
        return;
      }
      if (closed) return;
      if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) handleSim(request, response, url, raw);
      else if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) await handleApi(request, response, url, raw);
      else send(response, undefined, errorAnswer(404, describeStatus(404)));
    })().catch((error: unknown) => send(response, undefined, answerForError(error)));
  });
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server, options.port ?? 0);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      closed = true;
      sim.close();
      requestTimers.clearAll();
      for (const done of [...pendingWaits]) done();
      for (const response of hung) response.destroy();
      hung.clear();
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    token: initialToken,
    requests,
    journal,
    scenario,
    faults,
    listCalls: () => sim.machine.list().map(toWireCall),
    history: () => sim.machine.history.list(),
    dtmfLog: () => sim.machine.dtmfLog(),
    onEvent: (listener) => sim.machine.onEvent(listener),
    conference: () => sim.conference.details(),
    onConferenceEvent: (listener) => sim.conference.onEvent(listener),
    acceptToken: (token) => tokens.accept(token),
    revokeToken: (token) => tokens.revoke(token),
    oauth,
    close,
  };
}
