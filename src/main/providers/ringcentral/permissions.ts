/**
 * Which RingCentral app permission each operation Switchboard uses needs (docs/wire/ringcentral-and-bandwidth.md
 * §A5), so a refusal for a missing one (403 CMN-401) can name it even when the body does not carry
 * `permissionName`. Pure: a request's method and path in, a permission name out; never sends anything.
 */
import type { RefusedRequest } from '../../provider-api/http-client';
import type { WireErrorBody } from './wire';

/** The subscription to the user's telephony sessions, sent over the WebSocket (subscription.ts). */
export const SUBSCRIPTION_REQUEST: RefusedRequest = { method: 'POST', path: '/restapi/v1.0/subscription/' };

/** What a permission name looks like (CallControl, ReadCallLog, …): anything else in a body is not trusted as one. */
const PERMISSION_NAME = /^[A-Za-z]{2,64}$/;

/** The permission `request` needs, or undefined for one Switchboard does not know. */
export function permissionFor(request: RefusedRequest): string | undefined {
  const path = request.path.split('?')[0] ?? '';
  if (path === '/restapi/oauth/wstoken') return 'WebSocketsSubscriptions';
  // Call Control, and the subscription to telephony-session events (§A5: the event filter needs CallControl).
  if (path.includes('/telephony/') || path.startsWith('/restapi/v1.0/subscription')) return 'CallControl';
  if (/\/(call-log|active-calls)$/.test(path)) return 'ReadCallLog';
  if (/\/presence$/.test(path)) return 'ReadPresence';
  // The user, a colleague by extension number, the user's devices.
  if (/\/extension(\/[^/]+)?(\/device)?$/.test(path)) return 'ReadAccounts';
  return undefined;
}

/** The permission RingCentral itself names in the body (`permissionName`, §A5), when it names a plausible one. */
export function permissionNamed(body: WireErrorBody): string | undefined {
  const named = body.errors.map((e) => e.permissionName).find((p) => p !== undefined);
  return named !== undefined && PERMISSION_NAME.test(named) ? named : undefined;
}
