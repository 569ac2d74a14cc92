/**
 * Catapult calls → the domain model (src/shared/domain.ts). Catapult has one flat call object
 * (docs/wire/ringcentral-and-bandwidth.md §B3), so:
 * - `started` + in → alerting; `started` + out → connecting; `active` → connected;
 * - `transferring` → connected with `pending: 'transfer'`: the far party is still on this leg while
 *   the transfer leg rings, and the transfer is the command not yet confirmed (it ends `completed`
 *   when the leg answers, or `active` again if it fails);
 * - `completed`/`rejected` → disconnected; a state this app does not know is read from the
 *   timestamps (ended → disconnected, answered → connected, else connecting).
 * History: inbound never active → missed, inbound answered → received, outbound → placed.
 * Pure: no I/O, and it does not decide actions (see actions.ts).
 */
import type { Call, CallDirection, CallState, HistoryEntry, Party, Recording } from '../../../shared/domain';
import type { WireCall, WireRecording } from './wire';

/** Catapult writes a withheld caller as one of these instead of a number. */
const WITHHELD = new Set(['private', 'anonymous', 'restricted', 'unknown']);

function direction(wire: WireCall): CallDirection {
  return wire.direction === 'in' ? 'incoming' : 'outgoing';
}

function state(wire: WireCall): CallState {
  switch (wire.state) {
    case 'started':
      return wire.direction === 'in' ? 'alerting' : 'connecting';
    case 'active':
    case 'transferring':
      return 'connected';
    case 'completed':
    case 'rejected':
      return 'disconnected';
    case 'unknown':
      if (wire.endTime) return 'disconnected';
      return wire.activeTime ? 'connected' : 'connecting';
  }
}

function remoteNumber(wire: WireCall): string | undefined {
  return wire.direction === 'in' ? wire.from : wire.to;
}

export function toParty(number: string | undefined): Party {
  if (!number || WITHHELD.has(number.toLowerCase())) return { privacy: number !== undefined && number !== '' };
  return { number: number.replace(/^sip:/i, ''), privacy: false };
}

export function isEnded(wire: WireCall): boolean {
  return state(wire) === 'disconnected';
}

/**
 * A wire call as a domain call, with no actions yet. `primaryNumber`: the user's main number; a call
 * on another of the user's numbers names it in `line`.
 */
export function toCall(wire: WireCall, primaryNumber?: string): Call {
  const ownNumber = wire.direction === 'in' ? wire.to : wire.from;
  const call: Call = {
    id: wire.id,
    provider: 'bandwidth',
    // Catapult has no session spanning legs: each call is its own session.
    sessionId: wire.id,
    direction: direction(wire),
    state: state(wire),
    remote: toParty(remoteNumber(wire)),
    createdAt: wire.startTime ?? '',
    redirections: [],
    muted: false,
    // A plain Catapult call has no mute (only conference members do).
    muteCapable: false,
    actions: [],
  };
  if (ownNumber && primaryNumber && ownNumber !== primaryNumber) call.line = ownNumber;
  if (wire.activeTime) call.answeredAt = wire.activeTime;
  if (wire.endTime) call.endedAt = wire.endTime;
  if (wire.recordingEnabled && call.state === 'connected') call.recording = 'started';
  if (wire.state === 'transferring') call.pending = 'transfer';
  return call;
}

/** An ended call as a history entry; undefined while it is still going. */
export function toHistoryEntry(wire: WireCall): HistoryEntry | undefined {
  if (!isEnded(wire)) return undefined;
  const party = toParty(remoteNumber(wire));
  const type = wire.direction !== 'in' ? 'placed' : wire.activeTime ? 'received' : 'missed';
  const entry: HistoryEntry = { type, callId: wire.id, privacy: party.privacy, time: wire.startTime ?? wire.endTime ?? '' };
  if (party.number) entry.number = party.number;
  return entry;
}

/** A Catapult recording of a call as the domain's Recording (its transcription is read separately). */
export function toRecording(wire: WireRecording, callId: string): Recording {
  const state = wire.state === 'complete' ? 'complete' : wire.state === 'error' ? 'error' : 'recording';
  return {
    id: wire.id,
    callId,
    state,
    ...(wire.startTime ? { startedAt: wire.startTime } : {}),
    ...(wire.endTime ? { endedAt: wire.endTime } : {}),
    ...(wire.media ? { mediaUrl: wire.media } : {}),
  };
}
