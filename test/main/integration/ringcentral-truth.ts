/**
 * What RingCentral (the simulator) really has, in the words the call list and the failure sentences
 * use, for the RingCentral fault run (ringcentral-fault-run.ts): a call's state as the provider would map
 * it (providers/ringcentral/mapping.ts), the conferences with their callers, and what a failed command's
 * sentence must say (core/command-wording.ts, core/conference-wording.ts). Reads the simulator only.
 */
import type { SwitchboardCore } from '../../../src/main/core/switchboard-core';
import type { Call } from '../../../src/shared/domain';
import type { RingCentralSimulator, SimSession } from '../../../src/main/simulator/ringcentral';

export type Truth = Call['state'] | 'gone';

const LIVE = new Set(['Setup', 'Proceeding', 'Answered', 'Hold']);

const STATE_WORDS: Record<Truth, string> = {
  gone: 'ended',
  alerting: 'ringing',
  connected: 'connected',
  held: 'on hold',
  remoteHeld: 'on hold at the other end',
  connecting: 'still connecting',
  disconnected: 'ended',
  unknown: 'in a state Switchboard does not know',
};

/** What a failed call command must say is true now (command-wording.ts `truthAbout`). */
export function callWords(before: Truth, now: Truth): string {
  if (now === 'gone') return 'the call has ended';
  return `the call is ${before === now ? 'still' : 'now'} ${STATE_WORDS[now]}`;
}

/** What a failed merge or add must say (conference-wording.ts `joiningTruth`): are the calls in a conference at RingCentral? */
export function joinWords(sim: RingCentralSimulator, callIds: readonly string[]): string {
  const conferences = simConferences(sim);
  const joined = callIds.filter((sid) => {
    const session = sim.session(sid);
    const peer = session?.parties.find((p) => p.extensionId === sim.me.extensionId && p.status.code === 'Gone')?.status.peerId;
    return peer !== undefined && conferences.has(peer.telephonySessionId);
  }).length;
  if (callIds.length === 1) return joined === 1 ? 'the call is now in the conference' : 'the call is not in the conference';
  if (joined === callIds.length) return 'the calls are now in a conference';
  return joined === 0 ? 'the calls are not in a conference' : 'only some of the calls are in the conference';
}

/** The user's party in the session as the provider picks it (mapping.ts `myParty`): a live one wins. */
function myParty(sim: RingCentralSimulator, session: SimSession) {
  const mine = session.parties.filter((p) => p.extensionId === sim.me.extensionId);
  return [...mine].reverse().find((p) => LIVE.has(p.status.code)) ?? mine.at(-1);
}

/** Mute and recording, as the failure sentences word them (command-wording.ts `aspectOf`). */
export type Aspect = 'mute' | 'recording';

/** "muted", "being recorded", "paused" …: one aspect of a call as the list shows it. */
export function shownAspect(call: Call | undefined, aspect: Aspect): string {
  if (!call || call.state === 'disconnected') return 'ended';
  if (aspect === 'mute') return call.muted ? 'muted' : 'not muted';
  return call.recording === 'started' ? 'being recorded' : call.recording === 'paused' ? 'paused' : 'not being recorded';
}

/** The same aspect as RingCentral has it on the user's party. */
export function simAspect(sim: RingCentralSimulator, sid: string, aspect: Aspect): string {
  const session = sim.session(sid);
  const party = session ? myParty(sim, session) : undefined;
  if (!party || simTruth(sim, sid) === 'gone') return 'ended';
  if (aspect === 'mute') return party.muted ? 'muted' : 'not muted';
  if (party.recordings.length === 0) return 'not being recorded';
  return party.recordings.some((r) => r.active !== false) ? 'being recorded' : 'paused';
}

/** What a failed mute or recording command must say is true now: "the call is still muted", "recording is now paused". */
export function aspectWords(before: string, now: string): string {
  if (now === 'ended') return 'the call has ended';
  return `${now === 'paused' ? 'recording' : 'the call'} is ${before === now ? 'still' : 'now'} ${now}`;
}

export function myPartyId(sim: RingCentralSimulator, sid: string): string | undefined {
  const session = sim.session(sid);
  return session ? myParty(sim, session)?.id : undefined;
}

/** What the call really is at RingCentral, in the list's words. */
export function simTruth(sim: RingCentralSimulator, sid: string): Truth {
  const session = sim.session(sid);
  const party = session ? myParty(sim, session) : undefined;
  if (!session || !party) return 'gone';
  switch (party.status.code) {
    case 'Setup':
    case 'Proceeding':
      return party.direction === 'Inbound' ? 'alerting' : 'connecting';
    case 'Answered':
      return session.parties.some((p) => p.id !== party.id && p.extensionId === undefined && p.status.code === 'Hold')
        ? 'remoteHeld'
        : 'connected';
    case 'Hold':
      return 'held';
    default:
      return 'gone';
  }
}

/** Conference id → how many callers are in it, at RingCentral. */
export function simConferences(sim: RingCentralSimulator): Map<string, number> {
  const out = new Map<string, number>();
  for (const session of sim.sessions()) {
    if (session.origin.type !== 'Conference') continue;
    const live = session.parties.filter((p) => LIVE.has(p.status.code) && p.conferenceRole !== 'Host').length;
    if (live > 0) out.set(session.id, live);
  }
  return out;
}

export function sameConferences(truth: Map<string, number>, core: SwitchboardCore): boolean {
  const shown = core.conferences().filter((c) => c.participants.length > 0);
  return shown.length === truth.size && shown.every((c) => truth.get(c.id) === c.participants.length);
}
