/**
 * Webex wire shapes → the domain model (shared/domain.ts): calls, conferences, history, account. Webex is the model the domain was drawn
 * from, so this is almost 1:1; values Webex may add later (call types, redirect reasons, recall types)
 * fall back instead of failing. Pure: no I/O, and it does not decide actions (see actions.ts).
 */
import {
  type Account,
  type AnswerEndpoint,
  type Call,
  type CallDirection,
  CALL_STATES,
  type CallState,
  CALL_TYPES,
  type CallType,
  type Conference,
  CONFERENCE_TYPES,
  type ConferenceParticipant,
  type ConferenceType,
  type HistoryEntry,
  type Line,
  type Party,
  RECORDING_STATES,
  type RecordingState,
  REDIRECT_REASONS,
  type RedirectReason,
  type Redirection,
} from '../../../shared/domain';
import type { WireCall, WireConference, WireHistoryRecord, WireMeEndpoint, WireParty, WirePerson, WireSecondaryLine } from './wire';

const DIRECTION: Readonly<Record<string, CallDirection>> = {
  originator: 'outgoing',
  terminator: 'incoming',
  clickToDial: 'clickToDial',
};

/** A personality this release does not know (or none) reads as an unknown direction. */
export function directionOf(personality: string | undefined): CallDirection {
  return (personality !== undefined && Object.hasOwn(DIRECTION, personality) ? DIRECTION[personality] : undefined) ?? 'unknown';
}

/** A state this release does not know (or none) reads as unknown: actions.ts then offers only hang up. */
export function stateOf(state: string | undefined): CallState {
  return state !== undefined && state !== 'unknown' && isOneOf<CallState>(CALL_STATES, state) ? state : 'unknown';
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function toParty(wire: WireParty | undefined): Party {
  const party: Party = { privacy: wire?.privacyEnabled ?? false };
  if (!wire) return party;
  if (wire.name) party.name = wire.name;
  if (wire.number) party.number = wire.number;
  if (wire.personId) party.personId = wire.personId;
  if (wire.placeId) party.placeId = wire.placeId;
  if (wire.callType !== undefined) party.callType = isOneOf<CallType>(CALL_TYPES, wire.callType) ? wire.callType : 'other';
  return party;
}

function toRedirection(wire: NonNullable<WireCall['redirections']>[number]): Redirection {
  const reason: RedirectReason =
    wire.reason !== undefined && isOneOf<RedirectReason>(REDIRECT_REASONS, wire.reason) ? wire.reason : 'unknown';
  return { reason, by: toParty(wire.redirectingParty) };
}

/** A wire call as a domain call, with no actions yet (actions.ts decides them against all calls). */
export function toCall(wire: WireCall, line?: string): Call {
  const call: Call = {
    // The schema guarantees one of the two: REST says `id`, events say `callId`.
    id: (wire.id ?? wire.callId) as string,
    provider: 'webex',
    // Webex documents every field but the id as optional: an absent one reads as empty, not as a lost call.
    sessionId: wire.callSessionId ?? '',
    direction: directionOf(wire.personality),
    state: stateOf(wire.state),
    remote: toParty(wire.remoteParty),
    createdAt: wire.created ?? '',
    redirections: (wire.redirections ?? []).map(toRedirection),
    muted: wire.muted ?? false,
    muteCapable: wire.muteCapable ?? false,
    actions: [],
  };
  if (line) call.line = line;
  if (wire.appearance !== undefined) call.appearance = wire.appearance;
  if (wire.answered) call.answeredAt = wire.answered;
  if (wire.disconnected) call.endedAt = wire.disconnected;
  // Park is the only recall type Webex has; a future type is not a park and is left out.
  if (wire.recall?.type === 'park') call.recall = { type: 'park', party: toParty(wire.recall.party) };
  if (wire.recordingState !== undefined && isOneOf<RecordingState>(RECORDING_STATES, wire.recordingState))
    call.recording = wire.recordingState;
  return call;
}

/**
 * Conference details as a domain conference with the given id (conference-id.ts derives it from the
 * line), each participant joined to my call with them so it shows the remote party's name and number;
 * null for Webex's `{}` (no conference). No actions yet
 * (conference-actions.ts decides them). A type Webex may add later is left out rather than guessed.
 */
export function toConference(wire: WireConference, calls: readonly Call[], id: string): Conference | null {
  if (wire.state === undefined) return null;
  const participants = (wire.participants ?? []).map((p): ConferenceParticipant => {
    const participant: ConferenceParticipant = { callId: p.callId, muted: p.muted ?? false, deafened: p.deafened ?? false, actions: [] };
    const call = calls.find((c) => c.id === p.callId);
    if (call) participant.party = call.remote;
    return participant;
  });
  const conference: Conference = {
    id,
    state: wire.state,
    muted: wire.muted ?? false,
    // Webex documents `created`; should it be missing, the oldest of my calls in it is the best guess.
    createdAt: wire.created ?? oldestCreated(calls.filter((c) => participants.some((p) => p.callId === c.id))) ?? '',
    participants,
    actions: [],
  };
  if (wire.appearance !== undefined) conference.appearance = wire.appearance;
  if (wire.type !== undefined && isOneOf<ConferenceType>(CONFERENCE_TYPES, wire.type)) conference.type = wire.type;
  return conference;
}

function oldestCreated(calls: readonly Call[]): string | undefined {
  return calls.map((c) => c.createdAt).sort()[0];
}

export function toHistoryEntry(wire: WireHistoryRecord): HistoryEntry {
  const entry: HistoryEntry = { type: wire.type, privacy: wire.privacyEnabled ?? false, time: wire.time };
  if (wire.name) entry.name = wire.name;
  if (wire.number) entry.number = wire.number;
  return entry;
}

function fullName(person: WirePerson): string | undefined {
  const joined = [person.firstName, person.lastName]
    .filter((s) => s && s.trim())
    .join(' ')
    .trim();
  return joined || undefined;
}

export function toAccount(person: WirePerson): Account {
  const email = person.emails?.[0];
  const numbers = person.phoneNumbers ?? [];
  const primary = numbers.find((n) => n.primary) ?? numbers.find((n) => n.type === 'work') ?? numbers[0];
  const account: Account = {
    provider: 'webex',
    personId: person.id,
    displayName: person.displayName?.trim() || fullName(person) || email || 'Webex user',
  };
  if (email) account.email = email;
  if (primary) account.primaryNumber = primary.value;
  if (person.extension) account.extension = person.extension;
  return account;
}

const LINE_KINDS: Readonly<Record<string, string>> = {
  VIRTUAL_LINE: 'Virtual line',
  PEOPLE: 'Shared line',
  PLACE: 'Workspace line',
};

/**
 * My lines: my own first (with my number and extension), then each secondary line. Webex names a
 * secondary line only by id and kind, so its label is the kind, numbered when there are several.
 */
export function toLines(person: WirePerson, secondary: readonly WireSecondaryLine[]): Line[] {
  const account = toAccount(person);
  const primary: Line = { id: '', label: 'My line', primary: true };
  if (account.primaryNumber) primary.number = account.primaryNumber;
  if (account.extension) primary.extension = account.extension;
  const kindOf = (line: WireSecondaryLine) =>
    (line.memberType !== undefined && Object.hasOwn(LINE_KINDS, line.memberType) ? LINE_KINDS[line.memberType] : undefined) ??
    'Secondary line';
  const seen = new Map<string, number>();
  const total = (kind: string) => secondary.filter((l) => kindOf(l) === kind).length;
  return [
    primary,
    ...secondary.map((line): Line => {
      const kind = kindOf(line);
      const nth = (seen.get(kind) ?? 0) + 1;
      seen.set(kind, nth);
      return { id: line.id, label: total(kind) > 1 ? `${kind} ${nth}` : kind, primary: false };
    }),
  ];
}

/** The endpoints a call can be answered on; `preferred` from the preferred-endpoint read or the list's own flag. */
export function toAnswerEndpoints(available: WireMeEndpoint[], preferred: WireMeEndpoint | null): AnswerEndpoint[] {
  return available.map((endpoint) => ({
    id: endpoint.id,
    name: endpoint.name?.trim() || endpoint.type || endpoint.id,
    type: endpoint.type ?? 'unknown',
    preferred: preferred ? preferred.id === endpoint.id : endpoint.isPreferredAnswerEndpoint === true,
  }));
}
