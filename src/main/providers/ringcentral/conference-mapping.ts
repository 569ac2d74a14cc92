/**
 * RingCentral conference sessions (origin Conference, docs/wire/ringcentral-and-bandwidth.md §A2
 * "conference", "bring-in") as domain Conferences: the conference id is the telephony session id; each
 * live non-host party is a participant, with Mute/Unmute and Remove (RingCentral has no deafen). A
 * participant's `callId` is the id of the call it was brought in from, as the domain says (so the core
 * can tell whether a call whose merge had an unknown outcome is in the conference now), when that is
 * known (the bring-in's answer, or the call's Gone event naming its peer, §A3); otherwise its party id.
 * `partyIdOf` turns either back into the party id PATCH/DELETE on the party take. Keeps every party it
 * has seen per session, since an event carries only the parties that changed. No requests here.
 */
import type { Action, Conference, ConferenceParticipant } from '../../../shared/domain';
import { ProviderError } from '../../provider-api/provider-error';
import { toParty } from './mapping';
import type { WireParty } from './wire';

interface Book {
  id: string;
  createdAt: string;
  parties: Map<string, WireParty>;
}

const LIVE = new Set(['Setup', 'Proceeding', 'Answered', 'Hold']);
/** More participants than any number of conferences at once holds (10 parties each, §A2). */
const MAX_LINKS = 500;

function notFound(): ProviderError {
  return new ProviderError({ code: 'NOT_FOUND', message: 'That conference has ended.' });
}

export class ConferenceBook {
  private readonly sessions = new Map<string, Book>();
  /**
   * Conference party id → the id of the call it was brought in from. Kept when a full read leaves a
   * conference out (a read whose presence came before the conference started would drop the link just
   * made), so bounded instead: the oldest links go first.
   */
  private readonly joinedFrom = new Map<string, string>();

  has(id: string): boolean {
    return this.sessions.has(id);
  }

  /** Whether a conference is up that calls can be added to. */
  hasLive(): boolean {
    return [...this.sessions.values()].some((book) => this.live(book));
  }

  private live(book: Book): boolean {
    return [...book.parties.values()].some((p) => LIVE.has(p.status.code)) || book.parties.size === 0;
  }

  /** A full read of the session (or the one POST /conference answered). */
  replace(session: { id: string; creationTime?: string; parties: WireParty[] }): void {
    const before = this.sessions.get(session.id);
    this.sessions.set(session.id, {
      id: session.id,
      createdAt: before?.createdAt ?? session.creationTime ?? new Date().toISOString(),
      parties: new Map(session.parties.map((p) => [p.id, p])),
    });
  }

  /** A live event: the parties it carries replace the ones seen before. */
  apply(event: { telephonySessionId: string; eventTime?: string; parties: WireParty[] }): void {
    let book = this.sessions.get(event.telephonySessionId);
    if (!book) {
      book = { id: event.telephonySessionId, createdAt: event.eventTime ?? new Date().toISOString(), parties: new Map() };
      this.sessions.set(book.id, book);
    }
    for (const party of event.parties) book.parties.set(party.id, party);
    if (!this.live(book)) this.sessions.delete(book.id);
  }

  /** A party a command's answer returned (bring-in, mute); `fromCallId`: the call a bring-in brought in. */
  addParty(id: string, party: WireParty, fromCallId?: string): void {
    const book = this.sessions.get(id);
    if (!book) return;
    book.parties.set(party.id, party);
    if (fromCallId !== undefined) this.link(party.id, fromCallId);
  }

  /** The call `callId` is now party `partyId` of a conference (its Gone event named that peer). */
  link(partyId: string, callId: string): void {
    this.joinedFrom.delete(partyId);
    this.joinedFrom.set(partyId, callId);
    for (const oldest of this.joinedFrom.keys()) {
      if (this.joinedFrom.size <= MAX_LINKS) break;
      this.joinedFrom.delete(oldest);
    }
  }

  /** The party id of a participant named by its `callId` (the call it came from, or the party id itself). */
  partyIdOf(id: string, callId: string): string {
    const book = this.sessions.get(id);
    if (!book || book.parties.has(callId)) return callId;
    return [...book.parties.keys()].find((partyId) => this.joinedFrom.get(partyId) === callId) ?? callId;
  }

  /** Forgets sessions a full read no longer lists. */
  keepOnly(ids: readonly string[]): void {
    for (const id of [...this.sessions.keys()]) if (!ids.includes(id)) this.sessions.delete(id);
  }

  require(id: string): void {
    if (!this.sessions.has(id)) throw notFound();
  }

  requireParty(id: string, callId: string): void {
    const party = this.sessions.get(id)?.parties.get(this.partyIdOf(id, callId));
    if (!party || !LIVE.has(party.status.code))
      throw new ProviderError({ code: 'NOT_FOUND', message: 'That participant has left the conference.' });
  }

  list(): Conference[] {
    const out: Conference[] = [];
    for (const book of this.sessions.values()) {
      const live = [...book.parties.values()].filter((p) => LIVE.has(p.status.code));
      const host = live.find((p) => p.conferenceRole === 'Host');
      const participants = live.filter((p) => p !== host).map((p) => toParticipant(p, this.joinedFrom.get(p.id) ?? p.id));
      if (participants.length === 0 && !host) continue;
      out.push({
        id: book.id,
        state: host?.status.code === 'Hold' ? 'held' : 'connected',
        muted: host?.muted === true,
        createdAt: book.createdAt,
        participants,
        actions: ['addToConference', 'releaseConference'],
      });
    }
    return out;
  }
}

function toParticipant(party: WireParty, callId: string): ConferenceParticipant {
  const actions: Action[] = [party.muted ? 'unmute' : 'mute', 'removeParticipant'];
  return {
    callId,
    muted: party.muted === true,
    deafened: false,
    party: toParty(party.direction === 'Outbound' ? party.to : party.from),
    actions,
  };
}
