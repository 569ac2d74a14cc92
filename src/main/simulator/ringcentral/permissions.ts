/**
 * The simulated app's permissions (docs/wire/ringcentral-and-bandwidth.md §A5): which one each endpoint
 * needs, the set a test has taken away, and RingCentral's refusal when a request needs one of those —
 * 403 `CMN-401` naming it in `permissionName`. Every permission is granted until a test revokes it. No
 * HTTP here; the server and the WebSocket gateway ask before they serve.
 */
import { PERMISSION_CODE, SimRefusal } from './errors';
import type { SimPermission } from './types';

/** The permission a REST request needs (§A2 Call Control, §A4 presence/devices/extension and wstoken, §A6 call log). */
export function permissionOf(method: string, path: string): SimPermission | undefined {
  if (method === 'POST' && path === '/restapi/oauth/wstoken') return 'WebSocketsSubscriptions';
  if (path.startsWith('/restapi/oauth/')) return undefined;
  if (path.includes('/telephony/')) return 'CallControl';
  if (/\/(call-log|active-calls)$/.test(path)) return 'ReadCallLog';
  if (/\/presence$/.test(path)) return 'ReadPresence';
  if (/\/extension(\/[^/]+)?(\/device)?$/.test(path)) return 'ReadAccounts';
  return undefined;
}

/** The telephony-sessions event filter needs CallControl (§A5). */
export const SUBSCRIPTION_PERMISSION: SimPermission = 'CallControl';

export class AppPermissions {
  private readonly revoked = new Set<SimPermission>();

  set(permission: SimPermission, granted: boolean): void {
    if (granted) this.revoked.delete(permission);
    else this.revoked.add(permission);
  }

  lacks(permission: SimPermission | undefined): boolean {
    return permission !== undefined && this.revoked.has(permission);
  }

  reset(): void {
    this.revoked.clear();
  }
}

/** RingCentral's words for a missing app permission (§A5's legacy example). */
export function permissionRefusal(permission: SimPermission): SimRefusal {
  return new SimRefusal(
    403,
    PERMISSION_CODE,
    `In order to call this API endpoint, application needs to have [${permission}] permission`,
    undefined,
    permission,
  );
}
