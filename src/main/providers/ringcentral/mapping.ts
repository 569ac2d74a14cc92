/**
 * RingCentral telephony sessions → the domain Call (src/shared/domain.ts), decided by the user's own
 * party (docs/wire/ringcentral-and-bandwidth.md §A3, §A4): Setup/Proceeding → alerting (inbound) or
 * connecting (outbound); Answered → connected (remoteHeld when the far end's party is on Hold);
 * Hold → held; Parked, VoiceMail, Disconnected, Gone, FaxReceive → disconnected with an end reason. The
 * remote party is the caller (inbound) or the callee (outbound). Queue calls and calls forwarded to the
 * user carry a redirection while they ring. A Call's id is the telephony session id; the party id the
 * commands need comes with it. Pure.
 */
import type { Call, Party, Redirection } from '../../../shared/domain';
import { actionsFor, isQueueCall } from './actions';
import type { WireEndpoint, WireParty, WireSession } from './wire';
import { ANSWERED_STATES } from '../../../shared/call-states';

export interface Me {
  extensionId: string;
}

export type CallEndReason =
  'parked' | 'voicemail' | 'transferred' | 'forwarded' | 'pickedUp' | 'flipped' | 'rejected' | 'missed' | 'dropped' | 'completed' | 'other';

export interface MappedCall {
  call: Call;
  /** The user's party: the one every command on this call addresses. */
  partyId: string;
  endReason?: CallEndReason;
}

/** A session as a full read returns it, or as much of it as an event carries. */
export type SessionLike = Pick<WireSession, 'id' | 'origin' | 'creationTime' | 'parties'>;

const ENDED = new Set(['Parked', 'VoiceMail', 'Disconnected', 'Gone', 'FaxReceive']);

/** The user's party: extensionId equals the user's (CCJS rule, §A4); a live one wins over an ended one. */
export function myParty(session: Pick<SessionLike, 'parties'>, me: Me): WireParty | undefined {
  const mine = session.parties.filter((p) => p.extensionId === me.extensionId);
  return [...mine].reverse().find((p) => !ENDED.has(p.status.code)) ?? mine[mine.length - 1];
}

export function toParty(endpoint: WireEndpoint | undefined): Party {
  const party: Party = { privacy: false, callType: endpoint?.extensionId ? 'organization' : 'external' };
  if (endpoint?.name) party.name = endpoint.name;
  const number = endpoint?.phoneNumber ?? endpoint?.extensionNumber;
  if (number) party.number = number;
  else party.privacy = endpoint?.name === undefined;
  return party;
}

export function endReasonOf(party: WireParty): CallEndReason | undefined {
  const { code, reason } = party.status;
  if (!ENDED.has(code)) return undefined;
  if (code === 'Parked') return 'parked';
  if (code === 'VoiceMail') return 'voicemail';
  if (code === 'Gone') {
    if (reason === 'Pickup') return 'pickedUp';
    if (reason === 'CallFlip') return 'flipped';
    if (reason === 'CallRedirected') return 'forwarded';
    return 'transferred';
  }
  if (code === 'Disconnected') {
    if (reason === 'Rejected') return 'rejected';
    if (reason === 'Cancelled' || reason === 'NoAnswer' || party.missedCall === true) return 'missed';
    if (reason === 'CallDropped') return 'dropped';
    return 'completed';
  }
  return 'other';
}

function redirectionsOf(party: WireParty, me: Me): Redirection[] {
  if (party.direction !== 'Inbound') return [];
  if (isQueueCall(party)) return [{ reason: 'callQueue', by: toParty(party.to) }];
  // A call to another extension that rings the user was forwarded to them (the reference names no
  // redirection field; `to` still names the extension first dialled).
  const target = party.to?.extensionId;
  if (target !== undefined && target !== me.extensionId) return [{ reason: 'unconditional', by: toParty(party.to) }];
  return [];
}

function stateOf(session: SessionLike, party: WireParty): Call['state'] {
  switch (party.status.code) {
    case 'Setup':
    case 'Proceeding':
      return party.direction === 'Inbound' ? 'alerting' : 'connecting';
    case 'Answered': {
      const farEndHolds = session.parties.some((p) => p.id !== party.id && p.extensionId === undefined && p.status.code === 'Hold');
      return farEndHolds ? 'remoteHeld' : 'connected';
    }
    case 'Hold':
      return 'held';
    case 'Tds':
    case 'VoiceMailScreening':
      return 'connected';
    case 'unknown':
      return party.direction === 'Inbound' ? 'alerting' : 'connecting';
    default:
      return 'disconnected';
  }
}

function recordingOf(party: WireParty): Call['recording'] {
  if (party.recordings.length === 0) return undefined;
  return party.recordings.some((r) => r.active !== false) ? 'started' : 'paused';
}

/**
 * The Call for one session, or undefined when the user has no party in it. `known` carries what earlier
 * reads saw (first seen, answered at), since one event alone cannot tell.
 */
export function toCall(
  session: SessionLike,
  me: Me,
  known: { createdAt?: string; answeredAt?: string; now?: string } = {},
): MappedCall | undefined {
  const party = myParty(session, me);
  if (!party) return undefined;
  const state = stateOf(session, party);
  const inbound = party.direction === 'Inbound';
  const origin = session.origin?.type;
  const now = known.now ?? new Date().toISOString();
  const call: Call = {
    id: session.id,
    provider: 'ringcentral',
    sessionId: session.id,
    direction: inbound ? 'incoming' : origin === 'CallOut' || origin === 'RingOut' ? 'clickToDial' : 'outgoing',
    state,
    remote: toParty(inbound ? party.from : party.to),
    createdAt: known.createdAt ?? session.creationTime ?? now,
    redirections: state === 'alerting' ? redirectionsOf(party, me) : [],
    muted: party.muted === true,
    muteCapable: ANSWERED_STATES.has(state),
    actions: actionsFor(party, session.origin),
  };
  const answeredAt = known.answeredAt ?? (ANSWERED_STATES.has(state) ? now : undefined);
  if (answeredAt) call.answeredAt = answeredAt;
  if (state === 'disconnected') call.endedAt = now;
  const recording = recordingOf(party);
  if (recording) call.recording = recording;
  const endReason = endReasonOf(party);
  return endReason ? { call, partyId: party.id, endReason } : { call, partyId: party.id };
}
