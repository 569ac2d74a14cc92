/**
 * Fault injection for the API surface (never /_sim): latency, failNext (an error status without
 * applying the command), dropNext and hangNext (no answer, optionally after applying), and token
 * expiry. The server asks take() once per request, at arrival, so "next" follows arrival order.
 */
import type { TokenRegistry } from './tokens';
import type { FaultMatch, WebexFaults } from './types';

export type PlannedFault =
  | { kind: 'fail'; status: number; retryAfterSeconds?: number }
  | { kind: 'drop'; afterApplying: boolean }
  | { kind: 'hang'; afterApplying: boolean };

interface Planned {
  readonly fault: PlannedFault;
  readonly match: FaultMatch;
  remaining: number;
}

export class FaultPlan implements WebexFaults {
  private planned: Planned[] = [];
  private latencyMs = 0;

  constructor(private readonly tokens: TokenRegistry) {}

  get currentLatencyMs(): number {
    return this.latencyMs;
  }

  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a number of milliseconds, 0 or more');
    this.latencyMs = ms;
  }

  failNext(init: FaultMatch & { count?: number; status: number; retryAfterSeconds?: number }): void {
    if (!Number.isInteger(init.status) || init.status < 400 || init.status > 599) throw new RangeError('failNext needs an error status 400-599');
    const fault: PlannedFault = { kind: 'fail', status: init.status };
    if (init.retryAfterSeconds !== undefined) fault.retryAfterSeconds = init.retryAfterSeconds;
    this.plan(fault, init);
  }

  dropNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.plan({ kind: 'drop', afterApplying: init.afterApplying ?? false }, init);
  }

  hangNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.plan({ kind: 'hang', afterApplying: init.afterApplying ?? false }, init);
  }

  expireToken(): void {
    this.tokens.expireAll();
  }

  clear(): void {
    this.planned = [];
    this.latencyMs = 0;
    this.tokens.restoreExpired();
  }

  /** The fault planned for this request, consumed; undefined when none matches. */
  take(method: string, path: string): PlannedFault | undefined {
    const planned = this.planned.find((p) => p.remaining > 0 && matches(p.match, method, path));
    if (!planned) return undefined;
    planned.remaining -= 1;
    if (planned.remaining === 0) this.planned = this.planned.filter((p) => p !== planned);
    return planned.fault;
  }

  private plan(fault: PlannedFault, init: FaultMatch & { count?: number }): void {
    const count = init.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number, 1 or more');
    const match: FaultMatch = {};
    if (init.path !== undefined) match.path = init.path;
    if (init.method !== undefined) match.method = init.method;
    this.planned.push({ fault, match, remaining: count });
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return stripTrailingSlash(match.path) === stripTrailingSlash(path);
  match.path.lastIndex = 0;
  return match.path.test(path);
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
