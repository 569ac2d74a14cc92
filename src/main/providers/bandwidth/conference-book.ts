/**
 * What Switchboard knows of the user's Catapult conferences and bridges, and how they look in the
 * domain (src/shared/domain.ts `Conference`). Catapult offers no list of conferences, and its call
 * list already names each call's `conferenceId` and `bridgeId` (docs/wire/ringcentral-and-bandwidth.md
 * §B3, §B5), so the book keeps what this app created (member ids, mute and hold as last set) and
 * reads membership from the call list: no extra request per poll. Bridges this app did not create are
 * shown too, from the calls that name them. A hold, resume or mute whose answer was lost leaves what
 * it changed in doubt until the provider has read it back or Catapult no longer has it (`doubts`). Pure bookkeeping: no I/O.
 */
import type { Action, Call, Conference, ConferenceParticipant } from '../../../shared/domain';

interface Member {
  memberId: string;
  muted: boolean;
  held: boolean;
  /** A change was sent whose outcome is unknown (its answer was lost): read the member before trusting muted/held. */
  uncertain?: boolean;
}

interface ConferenceEntry {
  id: string;
  createdAt: string;
  /** By call id. */
  members: Map<string, Member>;
}

interface BridgeEntry {
  id: string;
  createdAt: string;
  audio: boolean;
  /** A hold or resume was sent whose outcome is unknown: read the bridge before trusting `audio`. */
  uncertain?: boolean;
}

/** A call of the list as the book needs it: its domain form and the conference or bridge it names. */
export interface BookCall {
  call: Call;
  conferenceId?: string;
  bridgeId?: string;
}

const MEMBER_ACTIONS = (m: Member): Action[] => [
  m.muted ? 'unmute' : 'mute',
  m.held ? 'resume' : 'hold',
  'removeParticipant',
  'speak',
  'playAudio',
];

export class ConferenceBook {
  private readonly conferences = new Map<string, ConferenceEntry>();
  private readonly bridges = new Map<string, BridgeEntry>();
  /** Bridges this app uses for its own plumbing (click-to-call): never shown as conferences. */
  private readonly hidden = new Set<string>();

  addConference(id: string, createdAt: string): void {
    this.conferences.set(id, { id, createdAt, members: new Map() });
  }

  hasConference(id: string): boolean {
    return this.conferences.has(id);
  }

  dropConference(id: string): void {
    this.conferences.delete(id);
  }

  addMember(conferenceId: string, callId: string, memberId: string): void {
    this.conferences.get(conferenceId)?.members.set(callId, { memberId, muted: false, held: false });
  }

  /** The member id of a call in a conference this app created, or undefined. */
  memberId(conferenceId: string, callId: string): string | undefined {
    return this.conferences.get(conferenceId)?.members.get(callId)?.memberId;
  }

  setMember(conferenceId: string, callId: string, change: { muted?: boolean; held?: boolean }): void {
    const member = this.conferences.get(conferenceId)?.members.get(callId);
    if (!member) return;
    if (change.muted !== undefined) member.muted = change.muted;
    if (change.held !== undefined) member.held = change.held;
    member.uncertain = false;
  }

  /** A mute or hold of this member may or may not have been applied: the next read asks Catapult. */
  doubtMember(conferenceId: string, callId: string): void {
    const member = this.conferences.get(conferenceId)?.members.get(callId);
    if (member) member.uncertain = true;
  }

  /** A hold or resume of this bridge may or may not have been applied: the next read asks Catapult. */
  doubtBridge(id: string): void {
    const bridge = this.bridges.get(id);
    if (bridge) bridge.uncertain = true;
  }

  /** Catapult no longer has the bridge: nothing to read back, so `audio` stands as last known. */
  forgetBridgeDoubt(id: string): void {
    const bridge = this.bridges.get(id);
    if (bridge) bridge.uncertain = false;
  }

  /** What the next read must ask Catapult about, because a command's answer was lost. */
  doubts(): { bridges: string[]; members: { conferenceId: string; callId: string; memberId: string }[] } {
    const bridges = [...this.bridges.values()].filter((b) => b.uncertain).map((b) => b.id);
    const members: { conferenceId: string; callId: string; memberId: string }[] = [];
    for (const conference of this.conferences.values())
      for (const [callId, member] of conference.members)
        if (member.uncertain) members.push({ conferenceId: conference.id, callId, memberId: member.memberId });
    return { bridges, members };
  }

  dropMember(conferenceId: string, callId: string): void {
    this.conferences.get(conferenceId)?.members.delete(callId);
  }

  addBridge(id: string, createdAt: string, hidden = false): void {
    this.bridges.set(id, { id, createdAt, audio: true });
    if (hidden) this.hidden.add(id);
  }

  isBridge(id: string): boolean {
    return this.bridges.has(id) && !this.hidden.has(id);
  }

  setBridgeAudio(id: string, audio: boolean): void {
    const bridge = this.bridges.get(id);
    if (!bridge) return;
    bridge.audio = audio;
    bridge.uncertain = false;
  }

  dropBridge(id: string): void {
    this.bridges.delete(id);
    this.hidden.delete(id);
  }

  /**
   * The conferences and bridges as they are now: a conference of mine with its members that are still
   * on a live call; a bridge while any of its calls is live. Bridges first seen here are remembered.
   */
  toDomain(calls: readonly BookCall[], now: string): Conference[] {
    const result: Conference[] = [];
    for (const entry of this.conferences.values()) {
      const participants: ConferenceParticipant[] = [];
      for (const { call, conferenceId } of calls) {
        if (conferenceId !== entry.id || call.state === 'disconnected') continue;
        const member = entry.members.get(call.id);
        if (!member) continue;
        participants.push({
          callId: call.id,
          muted: member.muted,
          deafened: false,
          held: member.held,
          party: call.remote,
          actions: MEMBER_ACTIONS(member),
        });
      }
      result.push({
        id: entry.id,
        state: 'connected',
        muted: false,
        createdAt: entry.createdAt,
        participants,
        actions:
          participants.length > 0
            ? ['addToConference', 'speak', 'playAudio', 'releaseConference']
            : ['addToConference', 'releaseConference'],
      });
    }
    const byBridge = new Map<string, Call[]>();
    for (const { call, bridgeId } of calls) {
      if (!bridgeId || call.state === 'disconnected' || this.hidden.has(bridgeId)) continue;
      byBridge.set(bridgeId, [...(byBridge.get(bridgeId) ?? []), call]);
    }
    for (const [id, members] of byBridge) {
      if (!this.bridges.has(id)) this.addBridge(id, members[0]?.answeredAt ?? now);
      const bridge = this.bridges.get(id) as BridgeEntry;
      result.push({
        id,
        type: 'bridge',
        state: bridge.audio ? 'connected' : 'held',
        muted: false,
        createdAt: bridge.createdAt,
        participants: members.map((call) => ({
          callId: call.id,
          muted: false,
          deafened: false,
          held: !bridge.audio,
          party: call.remote,
          actions: [],
        })),
        actions: [bridge.audio ? 'hold' : 'resume', 'speak', 'playAudio', 'releaseConference'],
      });
    }
    return result;
  }
}
