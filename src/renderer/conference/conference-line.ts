/**
 * Which line a merge goes to: the line of the calls about to be merged, when they are on a shared line
 * rather than my primary one. (Every other conference command names its conference by id instead.) Pure.
 */
import type { Call } from '../../shared/domain';

/** `{ line }` when every call concerned is on the same non-primary line, else nothing. */
export function lineOf(callIds: readonly string[], calls: readonly Call[]): { line?: string } {
  const lines = new Set(calls.filter((c) => callIds.includes(c.id)).map((c) => c.line));
  const [only] = [...lines];
  return lines.size === 1 && only ? { line: only } : {};
}
