/**
 * The shape of an API route (method + path or path pattern → handler) and how a request finds its
 * route. Handlers are synchronous and throw SimRefusal for Webex refusals. No I/O here.
 */
import type { JsonBody } from './body-fields';

export interface ApiRequest {
  method: string;
  /** The path after /v1. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: JsonBody;
}

export interface ApiAnswer {
  status: number;
  /** Omitted for 204 and empty answers. */
  body?: unknown;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** An exact path, or a pattern whose named groups become params. */
  path: string | RegExp;
  handle(request: ApiRequest): ApiAnswer;
}

export function post(path: string | RegExp, handle: (request: ApiRequest) => ApiAnswer): ApiRoute {
  return { method: 'POST', path, handle };
}

export function get(path: string | RegExp, handle: (request: ApiRequest) => ApiAnswer): ApiRoute {
  return { method: 'GET', path, handle };
}

export function put(path: string | RegExp, handle: (request: ApiRequest) => ApiAnswer): ApiRoute {
  return { method: 'PUT', path, handle };
}

export function del(path: string | RegExp, handle: (request: ApiRequest) => ApiAnswer): ApiRoute {
  return { method: 'DELETE', path, handle };
}

export const NO_CONTENT: ApiAnswer = { status: 204 };

/** Exact paths win over patterns, so /telephony/calls/history is never read as a call id. */
export function findRoute(
  routes: readonly ApiRoute[],
  method: string,
  path: string,
): { route: ApiRoute; params: Record<string, string> } | undefined {
  const candidates = routes.filter((r) => r.method === method.toUpperCase());
  const exact = candidates.find((r) => typeof r.path === 'string' && r.path === path);
  if (exact) return { route: exact, params: {} };
  for (const route of candidates) {
    if (typeof route.path === 'string') continue;
    const match = route.path.exec(path);
    if (match) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(match.groups ?? {})) params[name] = decodePathSegment(value);
      return { route, params };
    }
  }
  return undefined;
}

/** A malformed escape is kept as written: it then simply names no call, as Webex would answer. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
