/**
 * RingCentral refusals in both of RingCentral's error body shapes (docs/wire/ringcentral-and-bandwidth.md
 * §A5): the legacy one with a top-level errorCode/message and the newer `{errors:[…]}` model. Handlers
 * throw SimRefusal; the server turns it into an answer. No HTTP here.
 */
import type { ErrorShape } from './types';

/** Not found (CMN-102), invalid parameter (CMN-101), permission (CMN-401), rate (CMN-301), expired token (OAU-128). */
export const NOT_FOUND_CODE = 'CMN-102';
export const INVALID_PARAMETER_CODE = 'CMN-101';
export const PERMISSION_CODE = 'CMN-401';
export const RATE_CODE = 'CMN-301';
export const EXPIRED_TOKEN_CODE = 'OAU-128';
/**
 * The party's state does not allow the operation (409). The reference names no code for this; the
 * simulator uses its own and clients must decide on the HTTP status, not on this code.
 */
export const WRONG_STATE_CODE = 'TAS-409';

export class SimRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly parameterName?: string,
    /** The app permission a 403 CMN-401 names (§A5). */
    readonly permissionName?: string,
  ) {
    super(message);
    this.name = 'SimRefusal';
  }
}

export function notFound(what: string): SimRefusal {
  return new SimRefusal(404, NOT_FOUND_CODE, `${what} not found`);
}

export function wrongState(message: string): SimRefusal {
  return new SimRefusal(409, WRONG_STATE_CODE, message);
}

export function invalid(parameterName: string, message: string): SimRefusal {
  return new SimRefusal(400, INVALID_PARAMETER_CODE, message, parameterName);
}

/** The error body in the requested shape. */
export function errorBody(
  shape: ErrorShape,
  errorCode: string,
  message: string,
  parameterName?: string,
  permissionName?: string,
): Record<string, unknown> {
  const detail: Record<string, unknown> = { errorCode, message };
  if (parameterName) detail.parameterName = parameterName;
  if (permissionName) detail.permissionName = permissionName;
  if (shape === 'modern') return { errors: [detail] };
  // The legacy shape names a category at the top and the specific code inside `errors`.
  return { errorCode: legacyCategory(errorCode), message, errors: [detail] };
}

function legacyCategory(errorCode: string): string {
  if (errorCode === PERMISSION_CODE) return 'InsufficientPermissions';
  if (errorCode.startsWith('OAU-')) return 'TokenInvalid';
  if (errorCode === RATE_CODE) return 'CMN-301';
  if (errorCode === NOT_FOUND_CODE) return 'CMN-102';
  return 'InvalidParameter';
}
