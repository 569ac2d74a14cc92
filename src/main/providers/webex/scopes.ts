/**
 * Which OAuth scope each Webex operation Switchboard uses needs (docs/wire/webex-calling.md §1, §2, §6),
 * so a 403 can name the scope the sign-in lacks: Webex's body never names it. Pure: a request's method
 * and path (relative to the API base) in, a scope out; never sends anything.
 */
import type { RefusedRequest } from '../../provider-api/http-client';

/** The scope `request` needs, or undefined for an operation Switchboard does not know. */
export function scopeFor(request: RefusedRequest): string | undefined {
  const path = (request.path.split('?')[0] ?? '').replace(/^\/?/, '/');
  // Preferred-answer endpoints and my devices (the "me" variants, §2).
  if (path.startsWith('/telephony/config/people/me')) return 'spark:telephony_config_read';
  // Call Controls and Conference Controls: GET needs the read scope, everything else the write scope (§1).
  if (path.startsWith('/telephony/calls') || path.startsWith('/telephony/conference'))
    return request.method.toUpperCase() === 'GET' ? 'spark:calls_read' : 'spark:calls_write';
  // Who am I (§6).
  if (path === '/people/me') return 'spark:people_read';
  return undefined;
}
