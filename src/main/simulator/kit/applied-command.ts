/**
 * The journal entry every simulator keeps of a state-changing request it carried out (a 2xx answer
 * was computed), whether or not the answer then reached the client (a drop or hang after applying
 * still counts): the other side's own count of what happened, to compare with what a client believes
 * it sent. Each simulator adds what its wire needs (its types.ts). Types only; no HTTP I/O.
 */
export interface AppliedCommandBase {
  /** 1, 2, 3… in the order they were applied. */
  seq: number;
  method: string;
  /** The API path after its version prefix (/v1), e.g. '/telephony/calls/hold'. */
  path: string;
  /** The parsed JSON body (undefined when empty; the raw text when it was not JSON). */
  body: unknown;
  /** The status computed (the client may never have received it). */
  status: number;
}
