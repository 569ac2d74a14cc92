/**
 * The planned faults of a simulator, in arrival order: each planned fault matches a method and a path
 * (a string, or a pattern), applies to the next `count` matching requests, and is then used up. Every
 * simulator's fault API (failNext, dropNext, …) plans its own kinds of fault here. No HTTP I/O.
 */

/** Which requests a planned fault applies to: any, or those of this method and/or path. */
export interface RequestMatch {
  method?: string;
  path?: string | RegExp;
}

interface Planned<F> {
  readonly fault: F;
  readonly match: RequestMatch;
  remaining: number;
}

export class FaultQueue<F> {
  private planned: Planned<F>[] = [];

  add(fault: F, init: RequestMatch & { count?: number }): void {
    const count = init.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number, 1 or more');
    const match: RequestMatch = {};
    if (init.path !== undefined) match.path = init.path;
    if (init.method !== undefined) match.method = init.method;
    this.planned.push({ fault, match, remaining: count });
  }

  /** The fault planned for this request, consumed; undefined when none matches. */
  take(method: string, path: string): F | undefined {
    const planned = this.planned.find((p) => p.remaining > 0 && requestMatches(p.match, method, path));
    if (!planned) return undefined;
    planned.remaining -= 1;
    if (planned.remaining === 0) this.planned = this.planned.filter((p) => p !== planned);
    return planned.fault;
  }

  clear(): void {
    this.planned = [];
  }
}

/** A trailing slash does not make another path. */
export function requestMatches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return stripTrailingSlash(match.path) === stripTrailingSlash(path);
  match.path.lastIndex = 0;
  return match.path.test(path);
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
