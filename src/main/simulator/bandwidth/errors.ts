/**
 * Catapult refusals: the SimRefusal a simulated operation throws, with the HTTP status, the error
 * category and code of docs/wire/ringcentral-and-bandwidth.md §B6 (categories after the sections of
 * Catapult's error list: bad-request, authorization, forbidden, limit, not-found, conflict,
 * unavailable). No HTTP I/O here.
 */
import type { ErrorWire } from './wire-types';

const CATEGORY_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'authorization',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  429: 'limit',
  500: 'unexpected',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

export class SimRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly category: string = CATEGORY_BY_STATUS[status] ?? 'unexpected',
  ) {
    super(message);
    this.name = 'SimRefusal';
  }

  static invalid(message: string): SimRefusal {
    return new SimRefusal(400, 'validation-error', message);
  }

  static callNotFound(id: string): SimRefusal {
    return new SimRefusal(404, 'call-not-found', `The call ${id} could not be found`);
  }

  static invalidState(message: string): SimRefusal {
    return new SimRefusal(400, 'call-invalid-state', message);
  }
}

export function errorBody(refusal: { category: string; code: string; message: string }, method: string, path: string): ErrorWire {
  return {
    category: refusal.category,
    code: refusal.code,
    message: refusal.message,
    details: [
      { name: 'requestMethod', value: method },
      { name: 'requestPath', value: path },
    ],
  };
}

/**
 * The code of an injected failure (faults.failNext) that names none. A 403 is access refused to the
 * credentials: Catapult's error list (§B6) gives no code for it, so this one is the simulator's own
 * [INF], in the `forbidden` category.
 */
export function defaultFaultCode(status: number): string {
  if (status === 429) return 'rate-limit-reached';
  if (status === 403) return 'access-denied';
  return status >= 500 ? 'unexpected-error' : 'validation-error';
}

export function defaultFaultMessage(status: number): string {
  return status === 403 ? 'The user does not have access to this resource' : `Injected failure (HTTP ${status})`;
}
