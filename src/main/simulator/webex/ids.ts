/**
 * Webex-shaped identifiers: unpadded base64 of `ciscospark://us/<TYPE>/<raw>` (docs/wire/webex-calling.md §1), call
 * session ids (base64 of a UUID) and ROUTER_ tracking ids. Pure apart from randomness; no state
 * beyond the call counter of one factory.
 */
import { randomInt, randomUUID } from 'node:crypto';

/** Unpadded base64 of a ciscospark URI; for these ASCII URIs base64url and base64 coincide. */
export function webexId(type: string, raw: string): string {
  return Buffer.from(`ciscospark://us/${type}/${raw}`, 'utf8').toString('base64url');
}

export function decodeWebexId(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8');
}

export function newCallSessionId(): string {
  return Buffer.from(randomUUID(), 'utf8').toString('base64url');
}

export function newTrackingId(): string {
  return `ROUTER_${randomUUID()}`;
}

/** Call ids `callhalf-<n>:0` with n counting up from a random ten-digit start, never reused by one simulator. */
export class CallIdFactory {
  private next = randomInt(1_000_000_000, 9_000_000_000);

  newCallId(): string {
    const id = webexId('CALL', `callhalf-${this.next}:0`);
    this.next += 1;
    return id;
  }
}
