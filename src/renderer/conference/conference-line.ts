/**
 * Which line a conference command goes to: the line of my calls in it (or of the calls about to be
 * merged), when they are on a shared line rather than my primary one. Pure.
 */
import type { Call, Conference } from '../../shared/domain';

/** `{ line }` when every call concerned is on the same non-primary line, else nothing. */
export function lineOf(callIds: readonly string[], calls: readonly Call[]): { line?: string } {
  const lines = new Set(calls.filter((c) => callIds.includes(c.id)).map((c) => c.line));
  const [only] = [...lines];
  return lines.size === 1 && only ? { line: only } : {};
}

export function conferenceLine(conference: Conference, calls: readonly Call[]): { line?: string } {
  return lineOf(
    conference.participants.map((p) => p.callId),
    calls,
  );
}
