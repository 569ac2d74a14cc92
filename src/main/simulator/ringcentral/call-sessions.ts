/**
 * The simulated RingCentral telephony state (docs/wire/ringcentral-and-bandwidth.md §A2, §A3): call
 * sessions and their parties, and every Call Control operation as a state transition that refuses what
 * RingCentral refuses (409 in the wrong party state). Every change of one of the user's parties bumps
 * that party's `sequence` and is reported through `onChange` (the WebSocket gateway turns it into a
 * notification). No HTTP, no timers, no WebSocket here.
 */
import { SimRefusal, invalid, notFound, wrongState } from './errors';
import type { SimDevice, SimEndpoint, SimMe, SimOriginType, SimParty, SimSession, SimStatusCode } from './types';

const RINGING: readonly SimStatusCode[] = ['Setup', 'Proceeding'];
const LIVE: readonly SimStatusCode[] = ['Answered', 'Hold'];
const ENDED: readonly SimStatusCode[] = ['Disconnected', 'Gone', 'VoiceMail'];
const REPLY_PATTERNS = [
  'WillCallYouBack',
  'CallMeBack',
  'OnMyWay',
  'OnTheOtherLine',
  'WillCallYouBackLater',
  'CallMeBackLater',
  'InAMeeting',
  'OnTheOtherLineNoCall',
];
/** Patterns that say "in N minutes": they need `time` and `timeUnit`. */
const TIMED_PATTERNS = new Set(['WillCallYouBack', 'CallMeBack']);
const TIME_UNITS = new Set(['Minute', 'Hour', 'Day']);
const HOLD_PROTOCOLS = new Set(['Auto', 'RC', 'BroadWorks', 'DisconnectHolder', 'BroadWorksOrDisconnectHolder']);
const MAX_BRING_IN = 10;
const MAX_PARKED = 50;

export type Body = Record<string, unknown>;

export interface SessionChange {
  session: SimSession;
  party: SimParty;
}

function str(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw invalid(key, `Parameter [${key}] must be a non-empty string`);
  return value;
}

function obj(body: Body, key: string): Body | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(key, `Parameter [${key}] must be an object`);
  return value as Body;
}

/** Exactly one of `keys` must be present (forward/transfer targets). */
function oneOf(body: Body, keys: readonly string[]): [string, unknown] {
  const present = keys.filter((k) => body[k] !== undefined && body[k] !== null);
  if (present.length !== 1) throw invalid(keys.join('|'), `Exactly one of [${keys.join(', ')}] is required`);
  const key = present[0] as string;
  return [key, body[key]];
}

export class CallSessions {
  private readonly byId = new Map<string, SimSession>();
  private counter = 0;
  private readonly parked = new Map<string, { sessionId: string; partyId: string }>();

  constructor(
    private readonly me: SimMe,
    private readonly devices: () => SimDevice[],
    private readonly now: () => number,
    private readonly onChange: (change: SessionChange) => void,
  ) {}

  // ---- reads -------------------------------------------------------------------------------------

  list(): SimSession[] {
    return [...this.byId.values()];
  }

  get(sessionId: string): SimSession | undefined {
    return this.byId.get(sessionId);
  }

  read(sessionId: string): SimSession {
    const session = this.byId.get(sessionId);
    if (!session) throw notFound(`Telephony session [${sessionId}]`);
    return session;
  }

  party(sessionId: string, partyId: string): SimParty {
    const party = this.read(sessionId).parties.find((p) => p.id === partyId);
    if (!party) throw notFound(`Party [${partyId}]`);
    return party;
  }

  /** The user's calls as presence lists them (detailedTelephonyState). */
  activeCallsOfMe(): { session: SimSession; party: SimParty }[] {
    const out: { session: SimSession; party: SimParty }[] = [];
    for (const session of this.byId.values()) {
      for (const party of session.parties)
        if (this.isMine(party) && !ENDED.includes(party.status.code) && party.status.code !== 'Parked') out.push({ session, party });
    }
    return out;
  }

  /** A colleague's live parties, for their presence. */
  activeCallsOf(extensionId: string): { session: SimSession; party: SimParty }[] {
    const out: { session: SimSession; party: SimParty }[] = [];
    for (const session of this.byId.values()) {
      for (const party of session.parties)
        if (party.extensionId === extensionId && !ENDED.includes(party.status.code) && party.status.code !== 'Parked')
          out.push({ session, party });
    }
    return out;
  }

  /** A colleague's answered call with someone outside: no events reach the user (no party of theirs). */
  colleagueInCall(
    colleague: { accountId: string; extensionId: string; name: string; phoneNumber?: string },
    remote: SimEndpoint,
  ): SimSession {
    const session = this.newSession('Call');
    const them: SimEndpoint = {
      name: colleague.name,
      extensionId: colleague.extensionId,
      ...(colleague.phoneNumber ? { phoneNumber: colleague.phoneNumber } : {}),
    };
    this.addParty(session, { direction: 'Outbound', from: remote, to: them, status: { code: 'Answered' } });
    this.addParty(session, {
      accountId: colleague.accountId,
      extensionId: colleague.extensionId,
      direction: 'Inbound',
      from: remote,
      to: them,
      status: { code: 'Answered' },
    });
    return session;
  }

  isMine(party: SimParty): boolean {
    return party.extensionId === this.me.extensionId;
  }

  // ---- creation (API and scenario) ---------------------------------------------------------------

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36).padStart(6, '0')}`;
  }

  private newSession(type: SimOriginType): SimSession {
    const id = this.nextId('s-sim');
    const session: SimSession = {
      id,
      legacySessionId: String(100000 + this.counter),
      origin: { type },
      creationTime: new Date(this.now()).toISOString(),
      parties: [],
    };
    this.byId.set(id, session);
    return session;
  }

  private addParty(
    session: SimSession,
    init: Omit<SimParty, 'id' | 'muted' | 'standAlone' | 'park' | 'recordings' | 'sequence'>,
  ): SimParty {
    const party: SimParty = {
      id: `p-${session.id.slice(2)}-${session.parties.length + 1}`,
      muted: false,
      standAlone: false,
      park: {},
      recordings: [],
      sequence: 0,
      ...init,
    };
    session.parties.push(party);
    if (this.isMine(party)) this.changed(session, party);
    return party;
  }

  private myEndpoint(deviceId?: string): SimEndpoint {
    return { phoneNumber: this.me.phoneNumber, name: this.me.name, extensionId: this.me.extensionId, ...(deviceId ? { deviceId } : {}) };
  }

  private mine(): Pick<SimParty, 'accountId' | 'extensionId'> {
    return { accountId: this.me.accountId, extensionId: this.me.extensionId };
  }

  private changed(session: SimSession, party: SimParty): void {
    party.sequence += 1;
    this.onChange({ session, party });
  }

  private setStatus(
    session: SimSession,
    party: SimParty,
    code: SimStatusCode,
    reason?: string,
    extra: Partial<SimParty['status']> = {},
  ): void {
    party.status = { code, ...(reason ? { reason } : {}), ...extra };
    if (this.isMine(party)) this.changed(session, party);
  }

  private requireDevice(deviceId: string | undefined, field = 'deviceId'): SimDevice {
    if (!deviceId) throw invalid(field, `Parameter [${field}] is required`);
    const device = this.devices().find((d) => d.id === deviceId);
    if (!device) throw new SimRefusal(404, 'CMN-102', `Device [${deviceId}] not found`, field);
    return device;
  }

  /** POST call-out: the user's device is called first (Setup), then the destination rings (Proceeding). */
  callOut(body: Body): SimSession {
    const from = obj(body, 'from');
    const to = obj(body, 'to');
    if (!from) throw invalid('from', 'Parameter [from] is required');
    if (!to) throw invalid('to', 'Parameter [to] is required');
    const deviceId = str(from, 'deviceId');
    const extensionId = str(from, 'extensionId');
    if (!deviceId && !extensionId) throw invalid('from', 'Parameter [from.deviceId] is required');
    if (deviceId) {
      const device = this.requireDevice(deviceId, 'from.deviceId');
      if (device.type !== 'HardPhone' && device.type !== 'SoftPhone')
        throw invalid('from.deviceId', 'Only SoftPhone and HardPhone devices can place a call-out');
    }
    const phoneNumber = str(to, 'phoneNumber');
    const extensionNumber = str(to, 'extensionNumber');
    if (!phoneNumber && !extensionNumber) throw invalid('to', 'Parameter [to.phoneNumber] or [to.extensionNumber] is required');
    const session = this.newSession('CallOut');
    const target: SimEndpoint = { ...(phoneNumber ? { phoneNumber } : {}), ...(extensionNumber ? { extensionNumber } : {}) };
    this.addParty(session, {
      ...this.mine(),
      direction: 'Outbound',
      from: this.myEndpoint(deviceId),
      to: target,
      status: { code: 'Setup' },
    });
    this.addParty(session, { direction: 'Inbound', from: this.myEndpoint(), to: target, status: { code: 'Setup' } });
    return session;
  }

  /** The user's device picked up the call-out: the destination starts ringing. */
  proceed(sessionId: string): void {
    const session = this.read(sessionId);
    for (const party of session.parties) if (party.status.code === 'Setup') this.setStatus(session, party, 'Proceeding');
  }

  conference(): SimSession {
    const session = this.newSession('Conference');
    session.voiceCallToken = `conf-${session.id}`;
    return session;
  }

  ringUser(from: SimEndpoint, to: SimEndpoint, options: { queueCall?: boolean; setup?: boolean }): SimSession {
    const session = this.newSession('Call');
    this.addParty(session, { direction: 'Outbound', from, to, status: { code: 'Proceeding' } });
    this.addParty(session, {
      ...this.mine(),
      direction: 'Inbound',
      from,
      to,
      status: { code: options.setup ? 'Setup' : 'Proceeding' },
      ...(options.queueCall ? { queueCall: true } : {}),
      missedCall: false,
    });
    return session;
  }

  // ---- helpers for the scenario -----------------------------------------------------------------

  myParty(sessionId: string): SimParty {
    const session = this.read(sessionId);
    const party = [...session.parties].reverse().find((p) => this.isMine(p));
    if (!party) throw notFound(`The user's party in [${sessionId}]`);
    return party;
  }

  remoteParty(sessionId: string): SimParty | undefined {
    return this.read(sessionId).parties.find((p) => !this.isMine(p));
  }

  remoteAnswers(sessionId: string): void {
    const session = this.read(sessionId);
    const mine = this.myParty(sessionId);
    if (mine.direction !== 'Outbound' || !RINGING.includes(mine.status.code)) throw wrongState('The call is not ringing out');
    const remote = this.remoteParty(sessionId);
    if (remote) this.setStatus(session, remote, 'Answered');
    this.setStatus(session, mine, 'Answered');
  }

  remoteHangsUp(sessionId: string): void {
    const session = this.read(sessionId);
    const mine = this.myParty(sessionId);
    if (ENDED.includes(mine.status.code)) throw wrongState('The call has already ended');
    const wasRinging = RINGING.includes(mine.status.code) && mine.direction === 'Inbound';
    const remote = this.remoteParty(sessionId);
    if (remote) this.setStatus(session, remote, 'Disconnected');
    if (wasRinging) mine.missedCall = true;
    this.setStatus(session, mine, 'Disconnected', wasRinging ? 'Cancelled' : undefined);
    this.forget(session);
  }

  answerOnDevice(sessionId: string): void {
    const session = this.read(sessionId);
    const mine = this.myParty(sessionId);
    if (mine.direction !== 'Inbound' || !RINGING.includes(mine.status.code)) throw wrongState('The call is not ringing');
    const remote = this.remoteParty(sessionId);
    if (remote) this.setStatus(session, remote, 'Answered');
    this.setStatus(session, mine, 'Answered');
  }

  toVoicemail(sessionId: string): void {
    const session = this.read(sessionId);
    const mine = this.myParty(sessionId);
    if (!RINGING.includes(mine.status.code)) throw wrongState('The call is not ringing');
    mine.missedCall = true;
    this.setStatus(session, mine, 'VoiceMail', 'Voicemail');
  }

  remoteHold(sessionId: string, held: boolean): void {
    const session = this.read(sessionId);
    const remote = this.remoteParty(sessionId);
    if (!remote || !LIVE.includes(remote.status.code)) throw wrongState('The far end is not in the call');
    this.setStatus(session, remote, held ? 'Hold' : 'Answered');
  }

  // ---- Call Control operations (one per endpoint of §A2) -----------------------------------------

  drop(sessionId: string): void {
    const session = this.read(sessionId);
    for (const party of session.parties)
      if (!ENDED.includes(party.status.code)) this.setStatus(session, party, 'Disconnected', 'CallDropped');
    this.forget(session);
  }

  bringIn(sessionId: string, body: Body): SimParty {
    const session = this.read(sessionId);
    if (session.origin.type !== 'Conference') throw wrongState('Parties can be brought in only to a Conference session');
    const fromSessionId = str(body, 'sessionId');
    const fromPartyId = str(body, 'partyId');
    if (!fromSessionId || !fromPartyId) throw invalid('sessionId', 'Parameters [sessionId] and [partyId] are required');
    if (session.parties.length >= MAX_BRING_IN) throw wrongState('A conference holds at most 10 parties');
    const source = this.read(fromSessionId);
    const party = this.party(fromSessionId, fromPartyId);
    if (!LIVE.includes(party.status.code)) throw wrongState('Only an established call can be brought in');
    const joined = this.addParty(session, {
      ...this.mine(),
      direction: party.direction,
      from: party.from,
      to: party.to,
      status: { code: 'Answered' },
      conferenceRole: 'Participant',
    });
    this.setStatus(source, party, 'Gone', undefined, {
      peerId: { sessionId: session.legacySessionId, telephonySessionId: session.id, partyId: joined.id },
    });
    return joined;
  }

  update(sessionId: string, partyId: string, body: Body): SimParty {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    // SPEC/EXT wrap the fields in `party`; DOCS/CCJS send them flat: accept both (§A2).
    const fields = obj(body, 'party') ?? body;
    const muted = fields.muted;
    const standAlone = fields.standAlone;
    if (muted === undefined && standAlone === undefined) throw invalid('party', 'Nothing to update: [muted] or [standAlone] is required');
    if (muted !== undefined && typeof muted !== 'boolean') throw invalid('muted', 'Parameter [muted] must be a boolean');
    if (standAlone !== undefined && typeof standAlone !== 'boolean')
      throw invalid('standAlone', 'Parameter [standAlone] must be a boolean');
    if (!LIVE.includes(party.status.code)) throw wrongState('Only a party in a call can be muted');
    if (typeof muted === 'boolean') party.muted = muted;
    if (typeof standAlone === 'boolean') party.standAlone = standAlone;
    if (this.isMine(party)) this.changed(session, party);
    return party;
  }

  deleteParty(sessionId: string, partyId: string): void {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    const allowed =
      party.status.code === 'Parked' || session.origin.type === 'Conference' || party.standAlone || party.status.reason === 'Supervising';
    if (!allowed) throw wrongState('Only a supervised or parked party, or a conference participant, can be deleted');
    if (party.park.id) this.parked.delete(party.park.id);
    this.setStatus(session, party, 'Disconnected', 'CallDropped');
  }

  hold(sessionId: string, partyId: string, body: Body): SimParty {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    const proto = str(body, 'proto');
    if (proto !== undefined && !HOLD_PROTOCOLS.has(proto)) throw invalid('proto', `Unknown hold protocol [${proto}]`);
    if (party.status.code !== 'Answered') throw wrongState('Only an answered call can be held');
    party.standAlone = true;
    this.setStatus(session, party, 'Hold');
    return party;
  }

  unhold(sessionId: string, partyId: string): SimParty {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (party.status.code !== 'Hold') throw wrongState('The call is not on hold');
    party.standAlone = false;
    this.setStatus(session, party, 'Answered');
    return party;
  }

  private ringingInbound(sessionId: string, partyId: string): { session: SimSession; party: SimParty } {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (party.direction !== 'Inbound' || !RINGING.includes(party.status.code))
      throw wrongState('The call is not ringing (Setup or Proceeding)');
    return { session, party };
  }

  answer(sessionId: string, partyId: string, body: Body): SimParty {
    const deviceId = str(body, 'deviceId');
    if (deviceId) this.requireDevice(deviceId);
    const { session, party } = this.ringingInbound(sessionId, partyId);
    const remote = session.parties.find((p) => p !== party && !this.isMine(p));
    if (remote) this.setStatus(session, remote, 'Answered');
    if (deviceId) party.to = { ...party.to, deviceId };
    this.setStatus(session, party, 'Answered');
    return party;
  }

  reject(sessionId: string, partyId: string): void {
    const { session, party } = this.ringingInbound(sessionId, partyId);
    party.missedCall = true;
    this.setStatus(session, party, 'Disconnected', 'Rejected');
  }

  ignore(sessionId: string, partyId: string, body: Body): void {
    this.requireDevice(str(body, 'deviceId'));
    const { session, party } = this.ringingInbound(sessionId, partyId);
    if (!party.queueCall) throw wrongState('Only a call-queue call can be ignored');
    this.setStatus(session, party, 'Disconnected', 'AgentDropped');
  }

  forward(sessionId: string, partyId: string, body: Body): SimParty {
    const [key, value] = oneOf(body, ['phoneNumber', 'voicemail', 'extensionNumber', 'extensionId']);
    if (typeof value !== 'string' || value === '') throw invalid(key, `Parameter [${key}] must be a non-empty string`);
    const { session, party } = this.ringingInbound(sessionId, partyId);
    if (key === 'voicemail') this.setStatus(session, party, 'VoiceMail', 'Voicemail');
    else this.setStatus(session, party, 'Gone', 'CallRedirected');
    return party;
  }

  transfer(sessionId: string, partyId: string, body: Body): SimParty {
    const [key, value] = oneOf(body, ['phoneNumber', 'voicemail', 'extensionNumber', 'parkOrbit', 'extensionId']);
    if (typeof value !== 'string' || value === '') throw invalid(key, `Parameter [${key}] must be a non-empty string`);
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (!LIVE.includes(party.status.code)) throw wrongState('Only an answered or held call can be transferred');
    if (key === 'parkOrbit') {
      if (!/^\*8\d\d$/.test(value) || value === '*800') throw invalid('parkOrbit', 'A park orbit is *801 to *899');
      this.parkAt(session, party, value);
    } else {
      this.setStatus(session, party, 'Gone', 'BlindTransfer');
    }
    return party;
  }

  reply(sessionId: string, partyId: string, body: Body): SimParty {
    const text = body.replyWithText;
    const pattern = obj(body, 'replyWithPattern');
    if ((text === undefined) === (pattern === undefined))
      throw invalid('replyWithText', 'Exactly one of [replyWithText, replyWithPattern] is required');
    if (text !== undefined && (typeof text !== 'string' || text === ''))
      throw invalid('replyWithText', 'Parameter [replyWithText] must be a non-empty string');
    if (pattern) {
      const name = pattern.pattern;
      if (typeof name !== 'string' || !REPLY_PATTERNS.includes(name))
        throw invalid('replyWithPattern.pattern', `Unknown reply pattern [${String(name)}]`);
      const timed = TIMED_PATTERNS.has(name);
      const { time, timeUnit } = pattern;
      if (timed && (typeof time !== 'number' || !Number.isInteger(time) || time <= 0))
        throw invalid('replyWithPattern.time', 'Parameter [time] must be a positive integer');
      if (timed && (typeof timeUnit !== 'string' || !TIME_UNITS.has(timeUnit)))
        throw invalid('replyWithPattern.timeUnit', 'Parameter [timeUnit] must be Minute, Hour or Day');
    }
    const { session, party } = this.ringingInbound(sessionId, partyId);
    // The caller hears the reply; the call keeps ringing until someone acts (RingCentral "reply" does not end it).
    this.changed(session, party);
    return party;
  }

  flip(sessionId: string, partyId: string, body: Body): void {
    const callFlipId = str(body, 'callFlipId');
    if (!callFlipId) throw invalid('callFlipId', 'Parameter [callFlipId] is required');
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (party.status.code !== 'Answered') throw wrongState('Only an answered call can be flipped');
    this.setStatus(session, party, 'Gone', 'CallFlip');
  }

  private parkAt(session: SimSession, party: SimParty, orbit: string): void {
    if (this.parked.has(orbit)) throw wrongState(`Park location ${orbit} is taken`);
    if (this.parked.size >= MAX_PARKED) throw wrongState('At most 50 calls can be parked');
    this.parked.set(orbit, { sessionId: session.id, partyId: party.id });
    party.park = { id: orbit };
    this.setStatus(session, party, 'Parked', 'CallPark');
  }

  park(sessionId: string, partyId: string): SimParty {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (!LIVE.includes(party.status.code)) throw wrongState('Only an answered or held call can be parked');
    if (party.direction !== 'Inbound') throw wrongState('Only your own incoming calls can be parked');
    let orbit = '';
    for (let n = 801; n <= 899 && orbit === ''; n++) if (!this.parked.has(`*${n}`)) orbit = `*${n}`;
    if (orbit === '') throw wrongState('At most 50 calls can be parked');
    this.parkAt(session, party, orbit);
    return party;
  }

  pickup(sessionId: string, partyId: string, body: Body): SimParty {
    const deviceId = str(body, 'deviceId');
    this.requireDevice(deviceId);
    const session = this.read(sessionId);
    const parked = this.party(sessionId, partyId);
    if (parked.status.code !== 'Parked') throw wrongState('Only a parked call can be picked up');
    if (parked.park.id) this.parked.delete(parked.park.id);
    const picked = this.addParty(session, {
      ...this.mine(),
      direction: 'Inbound',
      from: parked.from,
      to: this.myEndpoint(deviceId),
      status: { code: 'Answered' },
    });
    this.setStatus(session, parked, 'Gone', 'Pickup', {
      peerId: { sessionId: session.legacySessionId, telephonySessionId: session.id, partyId: picked.id },
    });
    return picked;
  }

  bridge(sessionId: string, partyId: string, body: Body): SimParty {
    const otherSessionId = str(body, 'telephonySessionId');
    const otherPartyId = str(body, 'partyId');
    if (!otherSessionId || !otherPartyId) throw invalid('telephonySessionId', 'Parameters [telephonySessionId] and [partyId] are required');
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    const other = this.read(otherSessionId);
    const otherParty = this.party(otherSessionId, otherPartyId);
    if (!LIVE.includes(party.status.code) || !LIVE.includes(otherParty.status.code))
      throw wrongState('Both calls must be answered or held');
    if (!this.isMine(party) || !this.isMine(otherParty)) throw wrongState('Both parties must be the user’s own');
    for (const remote of other.parties.filter((p) => !this.isMine(p) && LIVE.includes(p.status.code)))
      session.parties.push({ ...remote, id: `p-${session.id.slice(2)}-${session.parties.length + 1}` });
    this.setStatus(other, otherParty, 'Gone', undefined, {
      peerId: { sessionId: session.legacySessionId, telephonySessionId: session.id, partyId: party.id },
    });
    party.standAlone = false;
    this.setStatus(session, party, 'Answered');
    return party;
  }

  supervise(sessionId: string, body: Body, partyId?: string): SimParty {
    if (body.mode !== 'Listen') throw invalid('mode', 'Parameter [mode] must be Listen');
    const deviceId = str(body, 'supervisorDeviceId');
    this.requireDevice(deviceId, 'supervisorDeviceId');
    const agentId = str(body, 'agentExtensionId') ?? str(body, 'agentExtensionNumber');
    if (!agentId) throw invalid('agentExtensionId', 'Parameter [agentExtensionId] or [agentExtensionNumber] is required');
    const session = this.read(sessionId);
    if (partyId) this.party(sessionId, partyId);
    // Supervisors listening in are not participants of the call.
    const talking = session.parties.filter((p) => LIVE.includes(p.status.code) && p.status.reason !== 'Supervising');
    if (talking.length === 0) throw wrongState('Only an answered call can be supervised');
    if (talking.length > 2) throw wrongState('Only calls with at most two participants can be supervised');
    return this.addParty(session, {
      ...this.mine(),
      direction: 'Outbound',
      from: this.myEndpoint(deviceId),
      to: talking[0]?.to ?? {},
      status: { code: 'Answered', reason: 'Supervising' },
    });
  }

  startRecording(sessionId: string, partyId: string): { id: string; active: boolean } {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (session.origin.type === 'Conference') throw wrongState('Conference calls cannot be recorded');
    if (party.status.code !== 'Answered') throw wrongState('Only an answered call can be recorded');
    if (party.recordings.length > 0) throw wrongState('The call is already being recorded');
    const recording = { id: this.nextId('rec-'), active: true };
    party.recordings.push(recording);
    if (this.isMine(party)) this.changed(session, party);
    return recording;
  }

  updateRecording(sessionId: string, partyId: string, recordingId: string, body: Body): { id: string; active: boolean; mode: string } {
    const session = this.read(sessionId);
    const party = this.party(sessionId, partyId);
    if (typeof body.active !== 'boolean') throw invalid('active', 'Parameter [active] must be a boolean');
    const recording = party.recordings.find((r) => r.id === recordingId);
    if (!recording) throw notFound(`Recording [${recordingId}]`);
    recording.active = body.active;
    if (this.isMine(party)) this.changed(session, party);
    return { id: recording.id, active: recording.active, mode: 'OnDemand' };
  }

  // ---- housekeeping ------------------------------------------------------------------------------

  /** A session whose parties have all ended disappears (a later GET is 404). */
  private forget(session: SimSession): void {
    if (session.parties.every((p) => ENDED.includes(p.status.code))) this.byId.delete(session.id);
  }

  reset(): void {
    this.byId.clear();
    this.parked.clear();
  }
}
