/**
 * One of the user's calls as the simulator holds it, and its two wire projections: the REST call
 * object (`id`, docs/wire/webex-calling.md §4) and the telephony_calls event data (`callId`, eventType, event-only
 * fields). Pure: no timers, no emission.
 */
import type { WireCall, WireCallEvent } from './wire';
import { partyToWire } from './parties';
import type { RecordingStateWire, RedirectReasonWire, SimParty } from './types';

export type Personality = 'originator' | 'terminator' | 'clickToDial';
export type SimCallState = 'connecting' | 'alerting' | 'connected' | 'held' | 'remoteHeld' | 'disconnected';

export interface SimCall {
  readonly id: string;
  readonly sessionId: string;
  /** The secondary line (lineOwnerId) the call is on; undefined on my own line. */
  readonly line?: string;
  personality: Personality;
  state: SimCallState;
  remote: SimParty;
  appearance?: number;
  readonly created: string;
  answered?: string;
  disconnected?: string;
  readonly redirections: readonly { reason: RedirectReasonWire; by: SimParty }[];
  readonly recall?: SimParty;
  readonly executive?: SimParty;
  recordingState?: RecordingStateWire;
  muted: boolean;
  /** Set by scenario.setMuteCapable; otherwise mute capability follows the state. */
  muteCapableOverride?: boolean;
  /** The device or application the user answered on (event-only fields on the wire). */
  endpoint?: { id: string; type: string };
  /** A dial (or retrieve, pickup …) that named an endpoint alerts only that endpoint. */
  readonly alertingOnly?: string;
  /** For clickToDial calls: what answering does (dial out, connect a retrieved/picked-up call …). */
  onAnswered?: (call: SimCall) => void;
  /** For clickToDial calls: what must be undone when the user never answers (a retrieve puts the call back). */
  onAbandoned?: () => void;
  /** Whether answering this call holds the user's other connected calls (a pull does not). */
  readonly holdsOthersOnAnswer: boolean;
}

/** Whether the user ever had this call answered (incoming answered, or outgoing placed from a device). */
export function isAnswered(call: SimCall): boolean {
  return call.state === 'connected' || call.state === 'held' || call.state === 'remoteHeld';
}

export function isUnansweredIncoming(call: SimCall): boolean {
  return call.personality === 'terminator' && call.state === 'alerting';
}

export function muteCapable(call: SimCall): boolean {
  return call.muteCapableOverride ?? (call.state !== 'alerting' && call.state !== 'disconnected');
}

export function toWireCall(call: SimCall): WireCall {
  const wire: WireCall = {
    id: call.id,
    callSessionId: call.sessionId,
    personality: call.personality,
    state: call.state,
    remoteParty: partyToWire(call.remote),
    created: call.created,
    muteCapable: muteCapable(call),
    muted: call.muted,
  };
  if (call.appearance !== undefined) wire.appearance = call.appearance;
  if (call.answered !== undefined) wire.answered = call.answered;
  if (call.disconnected !== undefined) wire.disconnected = call.disconnected;
  // Webex lists redirections only while the incoming call is alerting.
  if (call.state === 'alerting' && call.redirections.length > 0) {
    wire.redirections = call.redirections.map((r) => ({ reason: r.reason, redirectingParty: partyToWire(r.by) }));
  }
  if (call.recall !== undefined) wire.recall = { type: 'park', party: partyToWire(call.recall) };
  if (call.recordingState !== undefined) wire.recordingState = call.recordingState;
  return wire;
}

export type SimEventType =
  | 'received'
  | 'originating'
  | 'originated'
  | 'answered'
  | 'held'
  | 'resumed'
  | 'remoteHeld'
  | 'updated'
  | 'disconnected'
  | 'forwarded'
  | 'retrieved'
  | 'transferred'
  | 'muted'
  | 'unmuted';

function envelopeEvent(eventType: SimEventType): WireCallEvent['event'] {
  if (eventType === 'received' || eventType === 'originating') return 'created';
  if (eventType === 'disconnected') return 'deleted';
  return 'updated';
}

export function toCallEvent(call: SimCall, eventType: SimEventType, actorId: string, completedElsewhere: boolean): WireCallEvent {
  const { id, ...rest } = toWireCall(call);
  const data: WireCallEvent['data'] = {
    ...rest,
    callId: id ?? call.id,
    eventType,
    eventTimestamp: new Date().toISOString(),
    completedElsewhere,
  };
  if (call.endpoint !== undefined) {
    data.endpointId = call.endpoint.id;
    data.endpointType = call.endpoint.type;
  }
  return { resource: 'telephony_calls', event: envelopeEvent(eventType), actorId, data };
}
