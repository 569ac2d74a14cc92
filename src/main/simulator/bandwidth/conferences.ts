/**
 * Conferences and their members (docs/wire/ringcentral-and-bandwidth.md §B5): `created` until the
 * first member joins, `active` with members, `completed` when terminated (every member leaves and
 * its call ends). Members mute/hold/leave; audio plays into the conference or to one member.
 * No HTTP here.
 */
import { readAudioBody } from './audio';
import { type JsonBody, isE164, needString, optBoolean, optString } from './body-fields';
import type { SimCalls } from './calls';
import { SimRefusal } from './errors';
import type { IdSource } from './ids';
import type { SimTimers } from './sim-timers';
import type { ConferenceWire, MemberWire } from './wire-types';

interface SimMember {
  id: string;
  callId: string;
  state: 'active' | 'completed';
  mute: boolean;
  hold: boolean;
  joinTone: boolean;
  leavingTone: boolean;
  addedTime: string;
  removedTime?: string;
}

interface SimConference {
  id: string;
  state: ConferenceWire['state'];
  from: string;
  createdTime: string;
  completedTime?: string;
  hold: boolean;
  mute: boolean;
  callbackUrl?: string;
  profile?: string;
  members: Map<string, SimMember>;
}

export class SimConferences {
  private readonly conferences = new Map<string, SimConference>();

  constructor(
    private readonly timers: SimTimers,
    private readonly ids: IdSource,
    private readonly calls: SimCalls,
    private readonly userUrl: string,
    private readonly maxMembers: number,
  ) {
    // A member whose call ends leaves the conference.
    calls.onChange((call) => {
      if (call.state !== 'completed' || !call.conferenceId) return;
      const conference = this.conferences.get(call.conferenceId);
      for (const member of conference?.members.values() ?? [])
        if (member.callId === call.id && member.state === 'active') this.leave(member);
    });
  }

  create(body: JsonBody): string {
    const from = needString(body, 'from');
    if (!isE164(from)) throw SimRefusal.invalid('from must be an E.164 number');
    const profile = optString(body, 'profile');
    if (profile !== undefined && profile !== 'interpret_digits' && profile !== 'passthru_digits')
      throw SimRefusal.invalid('profile must be interpret_digits or passthru_digits');
    const conference: SimConference = {
      id: this.ids.make('conf'),
      state: 'created',
      from,
      createdTime: this.timers.iso(),
      hold: false,
      mute: false,
      callbackUrl: optString(body, 'callbackUrl'),
      profile,
      members: new Map(),
    };
    this.conferences.set(conference.id, conference);
    return conference.id;
  }

  get(id: string): ConferenceWire {
    return this.toWire(this.find(id));
  }

  update(id: string, body: JsonBody): void {
    const conference = this.find(id);
    if (conference.state === 'completed') throw new SimRefusal(403, 'conference-error', 'The conference has ended');
    const state = optString(body, 'state');
    if (state !== undefined && state !== 'completed') throw SimRefusal.invalid('The only state a conference can be given is completed');
    const mute = optBoolean(body, 'mute');
    const hold = optBoolean(body, 'hold');
    if (mute !== undefined) conference.mute = mute;
    if (hold !== undefined) conference.hold = hold;
    if (state === 'completed') {
      for (const member of conference.members.values()) if (member.state === 'active') this.leave(member);
      conference.state = 'completed';
      conference.completedTime = this.timers.iso();
    }
  }

  addMember(id: string, body: JsonBody): string {
    const conference = this.find(id);
    if (conference.state === 'completed') throw new SimRefusal(403, 'conference-error', 'The conference has ended');
    const callId = needString(body, 'callId');
    const call = this.calls.get(callId);
    if (call.conferenceId !== id)
      throw new SimRefusal(403, 'conference-error', 'The call was not created for this conference (conferenceId)');
    if (call.state !== 'active' && call.state !== 'started')
      throw SimRefusal.invalidState(`A call in state ${call.state} cannot join a conference`);
    const active = [...conference.members.values()].filter((m) => m.state === 'active');
    if (active.some((m) => m.callId === callId)) throw new SimRefusal(409, 'conference-update-conflict', 'The call is already a member');
    if (active.length >= this.maxMembers) throw new SimRefusal(403, 'conference-max-members', 'The conference is full');
    const member: SimMember = {
      id: this.ids.make('member'),
      callId,
      state: 'active',
      mute: optBoolean(body, 'mute') ?? false,
      hold: optBoolean(body, 'hold') ?? false,
      joinTone: optBoolean(body, 'joinTone') ?? false,
      leavingTone: optBoolean(body, 'leavingTone') ?? false,
      addedTime: this.timers.iso(),
    };
    conference.members.set(member.id, member);
    conference.state = 'active';
    return member.id;
  }

  members(id: string): MemberWire[] {
    return [...this.find(id).members.values()].map((m) => this.memberWire(m));
  }

  member(id: string, memberId: string): MemberWire {
    return this.memberWire(this.findMember(id, memberId));
  }

  updateMember(id: string, memberId: string, body: JsonBody): void {
    const member = this.findMember(id, memberId);
    if (member.state === 'completed') throw new SimRefusal(403, 'conference-error', 'The member has left the conference');
    const state = optString(body, 'state');
    if (state !== undefined && state !== 'completed') throw SimRefusal.invalid('The only state a member can be given is completed');
    const mute = optBoolean(body, 'mute');
    const hold = optBoolean(body, 'hold');
    const joinTone = optBoolean(body, 'joinTone');
    const leavingTone = optBoolean(body, 'leavingTone');
    if (mute !== undefined) member.mute = mute;
    if (hold !== undefined) member.hold = hold;
    if (joinTone !== undefined) member.joinTone = joinTone;
    if (leavingTone !== undefined) member.leavingTone = leavingTone;
    if (state === 'completed') this.leave(member);
  }

  playAudio(id: string, body: JsonBody): void {
    const conference = this.find(id);
    if (conference.state !== 'active') throw new SimRefusal(403, 'conference-error', 'Audio plays only into an active conference');
    this.calls.audio.apply(`conference:${id}`, readAudioBody(body), () => undefined);
  }

  playAudioToMember(id: string, memberId: string, body: JsonBody): void {
    const member = this.findMember(id, memberId);
    if (member.state !== 'active') throw new SimRefusal(403, 'conference-error', 'The member has left the conference');
    this.calls.audio.apply(`member:${memberId}`, readAudioBody(body), () => undefined);
  }

  private leave(member: SimMember): void {
    member.state = 'completed';
    member.removedTime = this.timers.iso();
    const call = this.calls.find(member.callId);
    // The member's leg exists only for the conference: removing the member hangs it up.
    if (call && call.state !== 'completed' && call.state !== 'rejected') this.calls.update(call.id, { state: 'completed' });
  }

  private find(id: string): SimConference {
    const conference = this.conferences.get(id);
    if (!conference) throw new SimRefusal(404, 'conference-not-found', `The conference ${id} could not be found`);
    return conference;
  }

  private findMember(id: string, memberId: string): SimMember {
    const member = this.find(id).members.get(memberId);
    if (!member) throw new SimRefusal(404, 'conference-member-not-found', `The member ${memberId} could not be found`);
    return member;
  }

  private toWire(c: SimConference): ConferenceWire {
    const wire: ConferenceWire = {
      id: c.id,
      state: c.state,
      from: c.from,
      createdTime: c.createdTime,
      activeMembers: [...c.members.values()].filter((m) => m.state === 'active').length,
      hold: c.hold,
      mute: c.mute,
      callbackUrl: c.callbackUrl ?? null,
      profile: c.profile ?? null,
    };
    if (c.completedTime) wire.completedTime = c.completedTime;
    return wire;
  }

  private memberWire(m: SimMember): MemberWire {
    const wire: MemberWire = {
      id: m.id,
      state: m.state,
      mute: m.mute,
      hold: m.hold,
      joinTone: m.joinTone,
      leavingTone: m.leavingTone,
      addedTime: m.addedTime,
      call: `${this.userUrl}/calls/${m.callId}`,
    };
    if (m.removedTime) wire.removedTime = m.removedTime;
    return wire;
  }
}
