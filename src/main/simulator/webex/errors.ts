/**
 * Webex error answers: the SimRefusal a simulated command throws when Webex would refuse it, and the
 * `{message, errors:[{description, errorCode}], trackingId}` body (docs/wire/webex-calling.md §7). No HTTP I/O here.
 */
import { CALL_NOT_FOUND_CODE, type WebexErrorBody } from './wire';
import { newTrackingId } from './ids';

/** The state of the call (or of the user's calls) forbids the command. */
export const STATE_FORBIDS_CODE = 101003;
/** A field of the request is missing or invalid. */
export const INVALID_REQUEST_CODE = 101001;

export class SimRefusal extends Error {
  readonly status: number;
  readonly errorCode?: number;

  constructor(status: number, description: string, errorCode?: number) {
    super(description);
    this.name = 'SimRefusal';
    this.status = status;
    this.errorCode = errorCode;
  }

  static callNotFound(): SimRefusal {
    return new SimRefusal(400, 'Call not found', CALL_NOT_FOUND_CODE);
  }

  static stateForbids(description: string): SimRefusal {
    return new SimRefusal(400, description, STATE_FORBIDS_CODE);
  }

  static invalid(description: string): SimRefusal {
    return new SimRefusal(400, description, INVALID_REQUEST_CODE);
  }
}

export function webexErrorBody(description: string, errorCode?: number, trackingId: string = newTrackingId()): WebexErrorBody {
  const detail: { description: string; errorCode?: number } = { description };
  if (errorCode !== undefined) detail.errorCode = errorCode;
  return { message: description, errors: [detail], trackingId };
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'The request was invalid or cannot be otherwise served.',
  401: 'The request requires a valid access token set in the Authorization request header.',
  403: 'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.',
  404: 'The URI requested is invalid or the resource requested, such as a user, does not exist.',
  405: 'The request was made to a resource using an HTTP request method that is not supported.',
  409: 'The request could not be processed because it conflicts with some established rule of the system.',
  423: 'The requested resource is temporarily unavailable.',
  429: 'Too many requests have been sent in a given amount of time and the request has been rate limited.',
  500: 'Something went wrong on the server.',
  502: 'The server received an invalid response from an upstream server while processing the request.',
  503: 'Server is overloaded with requests. Try again later.',
  504: 'An upstream server failed to respond on time.',
};

/** The description Webex gives for a bare status (used by failNext and auth failures). */
export function describeStatus(status: number): string {
  return STATUS_DESCRIPTIONS[status] ?? `The request failed with status ${status}.`;
}
