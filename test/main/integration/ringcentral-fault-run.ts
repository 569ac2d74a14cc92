/**
 * A fault run for RingCentral, shared by its test (fault-run-ringcentral.test.ts, a short run) and its
 * benchmark (bench/ringcentral-faults.ts, a long one): the real RingCentral provider (REST client, rate
 * gate, token manager refreshing on 401, WebSocket push channel) against the real simulator over
 * loopback, the real core on top, and a scripted user who answers, holds, resumes, transfers, declines,
 * merges, adds to a conference, releases and hangs up call after call while faults are injected into
 * the very requests those commands make: 429 with and without Retry-After, 5xx, a timeout (the
 * simulator applies and answers too late), connection resets before and after applying, an expired
 * access token, a dropped push socket (also while calls ring) and slow answers.
 *
 * Time is one hand-driven clock (next-timer-clock.ts) for the simulator, the client, the token manager, the
 * push channel and the core. It moves only when nothing is on the wire (no fetch in flight, no
 * WebSocket frame or handshake under way), so what happens never depends on how fast the machine is;
 * only the client's command timeout is real time, and only a planned timeout waits for it.
 *
 * It counts on the simulator side (its journal) every command request and whether it was applied, and
 * on the client side every command the user issued and its Result, and reports what was lost, sent
 * twice, shown untruthfully after a failure, or missed while ringing. Not a test itself: no vitest here.
 */
import { WebSocket } from 'ws';
import type { CallCommand, ConferenceCommand } from '../../../src/shared/contract';
import type { Call } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/result';
import { createSwitchboardCore, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import { codeChallengeS256, createCodeVerifier } from '../../../src/main/auth/pkce';
import { sessionOnlyRefreshTokenStore } from '../../../src/main/auth/refresh-token-store';
import { TokenManager } from '../../../src/main/auth/token-manager';
import type { FetchFn } from '../../../src/main/provider-api/http-client';
import { createRingCentralProvider, createRingCentralTokenGrantor, exchangeRingCentralCode } from '../../../src/main/providers/ringcentral';
import type { SocketLike } from '../../../src/main/providers/ringcentral/subscription';
import {
  startRingCentralSimulator,
  type FaultMatch,
  type JournalEntry,
  type RingCentralSimulator,
  type SimSession,
} from '../../../src/main/simulator/ringcentral';
import { NextTimerClock } from './next-timer-clock';

export type FaultKind =
  | 'rateLimitRetryAfter'
  | 'rateLimitNoRetryAfter'
  | 'serverError'
  | 'timeout'
  | 'resetBeforeApplying'
  | 'resetAfterApplying'
  | 'expiredToken'
  | 'pushDrop'
  | 'slow';

export const FAULT_KINDS: readonly FaultKind[] = [
  'rateLimitRetryAfter',
  'rateLimitNoRetryAfter',
  'serverError',
  'timeout',
  'resetBeforeApplying',
  'resetAfterApplying',
  'expiredToken',
  'pushDrop',
  'slow',
];

export interface FaultRunOptions {
  /** How many calls ring the user. */
  calls: number;
  seed?: number;
  /** Share of commands that meet a fault (default 0.6). */
  faultRate?: number;
  /** The client's command timeout, real time (default 250 ms): only a planned timeout ever waits for it. */
  commandTimeoutMs?: number;
}

/** One thing the run found wrong, in words a person can check. */
export interface Finding {
  kind: 'lost' | 'duplicated' | 'untruthful' | 'stale' | 'missedRing' | 'earlyResend' | 'falseNotice' | 'signedOut' | 'leftOver';
  detail: string;
}

export interface FaultRunReport {
  calls: number;
  commandsIssued: number;
  commandsOk: number;
  /** Failed commands by error code. */
  failures: Record<string, number>;
  faultsInjected: Record<FaultKind, number>;
  /** Calls that rang while the push socket was down. */
  ringsDuringDrop: number;
  /** Commands sent again after a 429, and the shortest wait before that (simulated ms). */
  rateLimitResends: number;
  shortestRateLimitWaitMs: number;
  /** Access tokens refreshed after a 401 (the sign-in's own token request not counted). */
  tokenRefreshes: number;
  /** Command requests the simulator received, and those it applied. */
  requestsReceived: number;
  requestsApplied: number;
  lost: number;
  duplicated: number;
  findings: Finding[];
  simulatedMs: number;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNKNOWN_OUTCOME = new Set(['TIMEOUT', 'NETWORK', 'UNAVAILABLE', 'BAD_RESPONSE']);
const LIVE = new Set(['Setup', 'Proceeding', 'Answered', 'Hold']);
const CLIENT_ID = 'rc-sim-client';
const REDIRECT = 'http://127.0.0.1:9/oauth/callback';
/** The longest the clock jumps at once when no timer is due sooner. */
const MAX_STEP_MS = 60_000;
const TRANSFER_TO = '+16505550199';

type Truth = Call['state'] | 'gone';

interface Issued {
  label: string;
  keys: string[];
  result: Result<unknown>;
}

/** What the user's command should have done on the wire, as journal keys. */
function keyOf(entry: JournalEntry): string {
  if (entry.operation === 'bring-in') return `bring-in<-${String((entry.body as { sessionId?: unknown } | undefined)?.sessionId)}`;
  if (entry.operation === 'conference') return 'conference';
  return `${entry.operation}:${entry.sessionId ?? ''}`;
}

export async function runRingCentralFaultRun(options: FaultRunOptions): Promise<FaultRunReport> {
  const rand = random(options.seed ?? 11);
  const faultRate = options.faultRate ?? 0.6;
  const timers = new NextTimerClock();
  const startedAt = timers.now();
  const sim = await startRingCentralSimulator({
    timers,
    // Only the planned faults refuse: RingCentral's own limits are covered by rate-limits.test.ts.
    rateLimits: { Light: 100_000, Medium: 100_000, Heavy: 100_000, Auth: 100_000 },
  });
  const wire = createWireWatch(sim);
  const findings: Finding[] = [];
  const faultsInjected = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const issued: Issued[] = [];
  let ringsDuringDrop = 0;
  /** How long each command refused with 429 waited before it went out again. */
  const resends: number[] = [];
  let lastExpiry = Number.NEGATIVE_INFINITY;

  const tokens = new TokenManager({
    grantor: createRingCentralTokenGrantor({ server: sim.baseUrl, clientId: CLIENT_ID, fetch: wire.fetch }),
    store: sessionOnlyRefreshTokenStore(),
    providerName: 'RingCentral',
    now: () => timers.now(),
  });
  await tokens.signIn(await signIn(sim));
  const { provider } = createRingCentralProvider({
    server: sim.baseUrl,
    tokens,
    timers,
    fetch: wire.fetch,
    commandTimeoutMs: options.commandTimeoutMs ?? 250,
    push: { openSocket: wire.openSocket },
  });
  const core = createSwitchboardCore({ provider, timers, providerName: 'RingCentral' });
  const notices: string[] = [];
  /** The press under way, named in a notice's finding. */
  let current = '';
  core.on('commandFailed', (notice) =>
    notices.push(`${notice.action} on ${notice.callId ?? notice.conferenceId ?? '?'} during [${current}]`),
  );
  core.on('status', (status) => {
    if (status.health === 'signedOut') findings.push({ kind: 'signedOut', detail: status.detail ?? 'signed out' });
  });

  const drive = createDriver(timers, wire);

  try {
    await drive.promise(core.start());
    await drive.until(() => core.status().health === 'live', 'push live at start');

    const truthOf = (sid: string): Truth => simTruth(sim, sid);
    const shown = (sid: string): Truth => {
      const call = core.calls().find((c) => c.id === sid);
      return !call || call.state === 'disconnected' ? 'gone' : call.state;
    };
    const conferencesTrue = (): boolean => sameConferences(simConferences(sim), core);
    const partyOf = (sid: string): string => myPartyId(sim, sid) ?? 'none';

    /** Plans this command's fault (if it meets one) on the request it makes; returns what to undo after. */
    async function planFault(match: FaultMatch, label: string): Promise<{ kind?: FaultKind; slowPath?: string; waitAtLeastMs?: number }> {
      if (rand() >= faultRate) return {};
      const kind = FAULT_KINDS[Math.floor(rand() * FAULT_KINDS.length)] as FaultKind;
      faultsInjected[kind] += 1;
      switch (kind) {
        case 'rateLimitRetryAfter': {
          const retryAfterSec = 5 + Math.floor(rand() * 20);
          sim.faults.rateLimit(match, retryAfterSec);
          return { kind, waitAtLeastMs: retryAfterSec * 1000 };
        }
        case 'rateLimitNoRetryAfter':
          // RingCentral's penalty is never shorter than 30 s (rate-gate.ts).
          sim.faults.rateLimit(match, null);
          return { kind, waitAtLeastMs: 30_000 };
        case 'serverError':
          sim.faults.serverError(match, [500, 502, 503, 504][Math.floor(rand() * 4)]);
          return { kind };
        case 'timeout':
          // Applied at once, answered an hour of simulator time later: the client gives up first.
          sim.faults.slow(match, 3_600_000);
          return { kind };
        case 'resetBeforeApplying':
          sim.faults.reset(match, false);
          return { kind };
        case 'resetAfterApplying':
          sim.faults.reset(match, true);
          return { kind };
        case 'expiredToken':
          // A token refreshed after a 401 and refused again within a minute means "sign in again"
          // (token-manager.ts): a real expiry never comes that soon after the last, so neither does this one.
          if (timers.now() - lastExpiry < 61_000)
            await drive.idle(61_000 - (timers.now() - lastExpiry), `before expiring tokens (${label})`);
          lastExpiry = timers.now();
          sim.faults.expireTokens();
          return { kind };
        case 'pushDrop':
          sim.faults.dropSockets();
          return { kind };
        case 'slow': {
          const ms = 1_000 + Math.floor(rand() * 7_000);
          sim.faults.slow(match, ms);
          return { kind, slowPath: match.path };
        }
      }
    }

    /** The user presses a button: the command goes through the core; its Result is kept with the keys it should apply. */
    async function press(
      label: string,
      keys: string[],
      match: FaultMatch,
      send: () => Promise<Result<unknown>>,
      concerns: { calls: string[]; conferences: boolean; truth: () => string },
    ): Promise<Result<unknown>> {
      const fault = await planFault(match, label);
      current = `${label} ${fault.kind ?? 'none'}`;
      if (fault.slowPath) wire.holdBack(fault.slowPath);
      const since = sim.journal.length;
      const result = await drive.promise(send());
      if (fault.slowPath) wire.release(fault.slowPath);
      sim.faults.clear();
      issued.push({ label, keys, result });
      if (fault.waitAtLeastMs !== undefined) checkWait(sim.journal.slice(since), fault.waitAtLeastMs, label);
      if (!result.ok) {
        // Right away, with no wait: the core re-read before it answered, so the list must be true now.
        for (const sid of concerns.calls) {
          if (shown(sid) !== truthOf(sid))
            findings.push({
              kind: 'untruthful',
              detail: `${label} failed (${result.error.code}: ${result.error.message}); the list shows ${shown(sid)}, RingCentral has ${truthOf(sid)}`,
            });
        }
        // After an unknown outcome the sentence itself says what is true now (command-wording.ts, conference-wording.ts).
        if (UNKNOWN_OUTCOME.has(result.error.code) && !result.error.message.includes(` — ${concerns.truth()}`))
          findings.push({
            kind: 'untruthful',
            detail: `${label} failed, but "${result.error.message}" does not say "${concerns.truth()}"`,
          });
        if (concerns.conferences && !conferencesTrue())
          findings.push({
            kind: 'untruthful',
            detail: `${label} failed (${result.error.code}); the conferences shown differ from RingCentral's`,
          });
      } else {
        await drive.until(
          () => concerns.calls.every((sid) => shown(sid) === truthOf(sid)) && (!concerns.conferences || conferencesTrue()),
          `${label}: the list catches up`,
          () => findings.push({ kind: 'stale', detail: `${label}: the list never showed what RingCentral has` }),
        );
      }
      return result;
    }

    /** A command refused with 429 goes out again only after the wait RingCentral asked for (or 30 s without Retry-After). */
    function checkWait(entries: JournalEntry[], atLeastMs: number, label: string): void {
      const refused = entries.find((e) => e.status === 429);
      const again = refused && entries.find((e) => e.at >= refused.at && e !== refused && keyOf(e) === keyOf(refused));
      if (!refused || !again) return;
      const waited = again.at - refused.at;
      resends.push(waited);
      if (waited < atLeastMs)
        findings.push({ kind: 'earlyResend', detail: `${label}: sent again ${waited} ms after a 429 that asked for ${atLeastMs} ms` });
    }

    const callCommand = (command: CallCommand) => () => core.command(command);
    const conferenceCommand = (command: ConferenceCommand) => () => core.conferenceCommand(command);

    /** Presses `action` on the call until the list shows `done` (a failed press is pressed again, as a person would). */
    async function bring(
      sid: string,
      action: 'answer' | 'hold' | 'resume' | 'hangup' | 'transfer' | 'decline',
      done: (t: Truth) => boolean,
    ) {
      for (let attempt = 0; attempt < 4 && !done(shown(sid)); attempt++) {
        const call = core.calls().find((c) => c.id === sid);
        if (!call?.actions.includes(action)) return;
        const pid = partyOf(sid);
        const operation = { answer: 'answer', hold: 'hold', resume: 'unhold', hangup: 'drop', transfer: 'transfer', decline: 'reject' }[
          action
        ];
        const match: FaultMatch =
          action === 'hangup'
            ? { method: 'DELETE', path: `/sessions/${sid}` }
            : { method: 'POST', path: `/sessions/${sid}/parties/${pid}/${operation}` };
        const before = shown(sid);
        const command: CallCommand =
          action === 'transfer' ? { type: 'transfer', callId: sid, destination: TRANSFER_TO } : { type: action, callId: sid };
        await press(`${action} ${sid}`, [`${operation}:${sid}`], match, callCommand(command), {
          calls: [sid],
          conferences: false,
          truth: () => callWords(before, truthOf(sid)),
        });
      }
    }

    /** A call rings the user (perhaps while the push socket is down); the list must show it while it rings. */
    async function ring(name: string): Promise<string> {
      const sid = sim.scenario.ringUser({ from: { phoneNumber: `+1555${String(issued.length).padStart(7, '0')}`, name } });
      await drive.until(
        () => shown(sid) === 'alerting',
        `${name} rings`,
        () => findings.push({ kind: 'missedRing', detail: `${name} (${sid}) rang and never showed as ringing` }),
      );
      return sid;
    }

    async function conferenceRound(index: number): Promise<void> {
      const a = await ring(`Caller ${index}a`);
      await bring(a, 'answer', (t) => t !== 'alerting');
      await bring(a, 'hold', (t) => t === 'held' || t === 'gone');
      const b = await ring(`Caller ${index}b`);
      await bring(b, 'answer', (t) => t !== 'alerting');
      for (let attempt = 0; attempt < 4; attempt++) {
        const ids = [a, b].filter((sid) =>
          core
            .calls()
            .find((c) => c.id === sid)
            ?.actions.includes('merge'),
        );
        if (ids.length < 2) break;
        const target: FaultMatch =
          rand() < 0.5 ? { method: 'POST', path: '/telephony/conference' } : { method: 'POST', path: '/parties/bring-in' };
        await press(
          `merge ${ids.join('+')}`,
          ['conference', ...ids.map((sid) => `bring-in<-${sid}`)],
          target,
          conferenceCommand({ type: 'merge', callIds: ids }),
          { calls: ids, conferences: true, truth: () => joinWords(sim, ids) },
        );
      }
      let conference = core.conferences().find((c) => c.participants.length > 0);
      // A third caller is brought into the conference.
      const c = await ring(`Caller ${index}c`);
      await bring(c, 'answer', (t) => t !== 'alerting');
      for (let attempt = 0; attempt < 4 && conference && shown(c) !== 'gone'; attempt++) {
        if (
          !core
            .calls()
            .find((call) => call.id === c)
            ?.actions.includes('addToConference')
        )
          break;
        await press(
          `add ${c} to ${conference.id}`,
          [`bring-in<-${c}`],
          { method: 'POST', path: `/sessions/${conference.id}/parties/bring-in` },
          conferenceCommand({ type: 'addParticipant', conferenceId: conference.id, callId: c }),
          { calls: [c], conferences: true, truth: () => joinWords(sim, [c]) },
        );
      }
      for (let attempt = 0; attempt < 4; attempt++) {
        conference = core.conferences().find((c) => c.actions.includes('releaseConference'));
        if (!conference) break;
        const releasing = conference.id;
        await press(
          `release ${conference.id}`,
          [`drop:${conference.id}`],
          { method: 'DELETE', path: `/sessions/${conference.id}` },
          conferenceCommand({ type: 'release', conferenceId: conference.id }),
          {
            calls: [],
            conferences: true,
            truth: () => (simConferences(sim).has(releasing) ? 'the conference is still in progress' : 'the conference has ended'),
          },
        );
      }
      // Whatever did not join ends as a person would end it.
      for (const sid of [a, b, c]) await bring(sid, 'hangup', (t) => t === 'gone');
    }

    for (let index = 0; index < options.calls;) {
      const kind = rand();
      // Now and then the push socket drops just before the next call rings (and one rings and ends in the
      // gap); sometimes RingCentral cannot replay what was missed, and a fresh subscription and a full read must.
      if (rand() < 0.15) {
        if (rand() < 0.35) sim.faults.refuseNextRecovery();
        sim.faults.dropSockets();
        faultsInjected.pushDrop += 1;
        ringsDuringDrop += 1;
        if (rand() < 0.5) {
          const brief = sim.scenario.ringUser({ from: { phoneNumber: '+15550000001', name: 'Brief caller' } });
          sim.scenario.remoteHangsUp(brief);
        }
      }
      if (kind < 0.25 && index + 3 <= options.calls) {
        await conferenceRound(index);
        index += 3;
        continue;
      }
      const sid = await ring(`Caller ${index}`);
      index += 1;
      if (kind < 0.32) {
        await bring(sid, 'decline', (t) => t === 'gone');
        continue;
      }
      await bring(sid, 'answer', (t) => t !== 'alerting');
      await bring(sid, 'hold', (t) => t === 'held' || t === 'gone');
      if (kind < 0.55) {
        await bring(sid, 'transfer', (t) => t === 'gone');
        continue;
      }
      await bring(sid, 'resume', (t) => t !== 'held');
      if (kind < 0.65) {
        // The far end hangs up instead.
        if (truthOf(sid) !== 'gone') sim.scenario.remoteHangsUp(sid);
        await drive.until(() => shown(sid) === 'gone', `${sid} ended by the far end`);
        continue;
      }
      await bring(sid, 'hangup', (t) => t === 'gone');
    }

    await drive.until(
      () => core.calls().length === 0 && core.conferences().length === 0,
      'all calls over',
      () =>
        findings.push({
          kind: 'leftOver',
          detail: `still listed at the end: ${core
            .calls()
            .map((c) => `${c.id} ${c.state}`)
            .join(', ')}`,
        }),
    );
    for (const notice of notices) findings.push({ kind: 'falseNotice', detail: `"not confirmed" notice for ${notice}` });
  } finally {
    core.stop();
    await sim.close();
  }

  const { lost, duplicated, findings: counted } = countOnTheJournal(sim.journal, issued);
  findings.push(...counted);
  return {
    calls: options.calls,
    commandsIssued: issued.length,
    commandsOk: issued.filter((i) => i.result.ok).length,
    failures: issued.reduce<Record<string, number>>((all, i) => {
      if (!i.result.ok) all[i.result.error.code] = (all[i.result.error.code] ?? 0) + 1;
      return all;
    }, {}),
    faultsInjected,
    ringsDuringDrop,
    rateLimitResends: resends.length,
    shortestRateLimitWaitMs: Math.min(...resends),
    tokenRefreshes: sim.requests.filter(
      (r) => r.path === '/restapi/oauth/token' && (r.body as Record<string, string>).grant_type === 'refresh_token',
    ).length,
    requestsReceived: sim.journal.length,
    requestsApplied: sim.journal.filter((e) => e.applied).length,
    lost,
    duplicated,
    findings,
    simulatedMs: timers.now() - startedAt,
  };
}

/**
 * Per journal key: every command that succeeded applied exactly once, one whose outcome was unknown at
 * most once, one refused not at all; and no key was sent (past a 429 or 401, which refuse without
 * applying) more often than the user pressed for it.
 */
export function countOnTheJournal(
  journal: readonly JournalEntry[],
  issued: readonly Issued[],
): { lost: number; duplicated: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const keys = new Set([...journal.map(keyOf), ...issued.flatMap((i) => i.keys)]);
  let lost = 0;
  let duplicated = 0;
  for (const key of keys) {
    const pressed = issued.filter((i) => i.keys.includes(key));
    const mustApply = pressed.filter((i) => i.result.ok).length;
    const mayApply = pressed.filter((i) => i.result.ok || UNKNOWN_OUTCOME.has(i.result.error.code)).length;
    const entries = journal.filter((e) => keyOf(e) === key);
    const applied = entries.filter((e) => e.applied).length;
    const sent = entries.filter((e) => e.status !== 429 && e.status !== 401).length;
    if (applied < mustApply) {
      lost += mustApply - applied;
      findings.push({ kind: 'lost', detail: `${key}: ${mustApply} succeeded, ${applied} applied` });
    }
    if (applied > mayApply || sent > pressed.length) {
      duplicated += Math.max(applied - mayApply, sent - pressed.length);
      findings.push({
        kind: 'duplicated',
        detail: `${key}: pressed ${pressed.length} (${mayApply} may apply), sent ${sent}, applied ${applied}`,
      });
    }
  }
  return { lost, duplicated, findings };
}

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
function callWords(before: Truth, now: Truth): string {
  if (now === 'gone') return 'the call has ended';
  return `the call is ${before === now ? 'still' : 'now'} ${STATE_WORDS[now]}`;
}

/** What a failed merge or add must say (conference-wording.ts `joiningTruth`): are the calls in a conference at RingCentral? */
function joinWords(sim: RingCentralSimulator, callIds: readonly string[]): string {
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

function myPartyId(sim: RingCentralSimulator, sid: string): string | undefined {
  const session = sim.session(sid);
  return session ? myParty(sim, session)?.id : undefined;
}

/** What the call really is at RingCentral, in the list's words. */
function simTruth(sim: RingCentralSimulator, sid: string): Truth {
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
function simConferences(sim: RingCentralSimulator): Map<string, number> {
  const out = new Map<string, number>();
  for (const session of sim.sessions()) {
    if (session.origin.type !== 'Conference') continue;
    const live = session.parties.filter((p) => LIVE.has(p.status.code) && p.conferenceRole !== 'Host').length;
    if (live > 0) out.set(session.id, live);
  }
  return out;
}

function sameConferences(truth: Map<string, number>, core: SwitchboardCore): boolean {
  const shown = core.conferences().filter((c) => c.participants.length > 0);
  return shown.length === truth.size && shown.every((c) => truth.get(c.id) === c.participants.length);
}

/** Signs in as the browser would (authorization code with PKCE) and returns the tokens. */
async function signIn(sim: RingCentralSimulator) {
  const verifier = createCodeVerifier();
  const authorize = new URL(`${sim.baseUrl}/restapi/oauth/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    code_challenge: codeChallengeS256(verifier),
    code_challenge_method: 'S256',
  }).toString();
  const answer = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(answer.headers.get('location') ?? REDIRECT).searchParams.get('code') ?? '';
  return exchangeRingCentralCode({ server: sim.baseUrl, clientId: CLIENT_ID, code, redirectUri: REDIRECT, codeVerifier: verifier });
}

// ---- the wire watch and the clock driver ------------------------------------------------------

interface WireWatch {
  fetch: FetchFn;
  openSocket(url: string): SocketLike;
  /** Whether anything is on the wire: a fetch, a WebSocket handshake, a frame either way. */
  busy(): boolean;
  /** A request the simulator holds on its clock (a slow answer) does not count as on the wire. */
  holdBack(path: string): void;
  release(path: string): void;
}

function createWireWatch(sim: RingCentralSimulator): WireWatch {
  const inFlight = new Map<number, string>();
  let nextId = 0;
  const heldBack = new Set<string>();
  interface Watched {
    greeted: boolean;
    token?: string;
    awaiting: Set<string>;
  }
  const sockets = new Set<Watched>();
  const received = new Map<string, number>();
  const sentByToken = new Map<string, number>();
  let framesSeen = 0;

  function simSent(token: string): number {
    for (; framesSeen < sim.sentFrames.length; framesSeen++) {
      const wsc = (sim.sentFrames[framesSeen]?.[0] as { wsc?: { token: string; sequence: number } }).wsc;
      if (wsc) sentByToken.set(wsc.token, Math.max(wsc.sequence, sentByToken.get(wsc.token) ?? 0));
    }
    return sentByToken.get(token) ?? 0;
  }

  return {
    async fetch(input, init) {
      const id = nextId++;
      const request = input instanceof Request ? input : new Request(input, init);
      inFlight.set(id, new URL(request.url).pathname);
      try {
        return await fetch(input, init);
      } finally {
        inFlight.delete(id);
      }
    },
    openSocket(url) {
      const socket = new WebSocket(url);
      const watched: Watched = { greeted: false, awaiting: new Set() };
      sockets.add(watched);
      const send = socket.send.bind(socket);
      socket.send = ((data: string) => {
        const messageId = (JSON.parse(data) as [{ messageId?: string }])[0]?.messageId;
        if (messageId) watched.awaiting.add(messageId);
        send(data);
      }) as typeof socket.send;
      socket.on('message', (data: Buffer) => {
        const meta = (JSON.parse(String(data)) as [{ messageId?: string; wsc?: { token: string; sequence: number } }])[0];
        watched.greeted = true;
        if (meta.messageId) watched.awaiting.delete(meta.messageId);
        if (meta.wsc) {
          watched.token = meta.wsc.token;
          received.set(meta.wsc.token, Math.max(meta.wsc.sequence, received.get(meta.wsc.token) ?? 0));
        }
      });
      socket.on('close', () => sockets.delete(watched));
      return socket as unknown as SocketLike;
    },
    busy() {
      for (const path of inFlight.values()) if (![...heldBack].some((held) => path.includes(held))) return true;
      for (const socket of sockets) {
        if (!socket.greeted || socket.awaiting.size > 0) return true;
        if (socket.token !== undefined && simSent(socket.token) > (received.get(socket.token) ?? 0)) return true;
      }
      return false;
    },
    holdBack: (path) => heldBack.add(path),
    release: (path) => heldBack.delete(path),
  };
}

interface Driver {
  /** Waits for `promise`, moving the clock whenever nothing is on the wire. */
  promise<T>(promise: Promise<T>): Promise<T>;
  /** Waits until `check` holds, the same way; gives up after 10 simulated minutes (then `onGiveUp`, or it throws). */
  until(check: () => boolean, what: string, onGiveUp?: () => void): Promise<void>;
  /** Lets `ms` of simulated time pass, the same way. */
  idle(ms: number, what: string): Promise<void>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function createDriver(timers: NextTimerClock, wire: WireWatch): Driver {
  /**
   * One round: real I/O first. The clock moves a step only when the wire is quiet before and after a
   * macrotask turn and a timer turn (so a zero-delay timer inside the client, such as ky's replay after a
   * refreshed token, has run: it was set before ours).
   */
  async function round(): Promise<void> {
    if (wire.busy()) return pause();
    await turn();
    if (wire.busy()) return;
    await pause();
    if (wire.busy()) return;
    timers.fireNext(timers.now() + MAX_STEP_MS);
  }

  async function until(check: () => boolean, what: string, onGiveUp?: () => void, limitMs = 600_000): Promise<void> {
    const deadline = timers.now() + limitMs;
    while (!check()) {
      if (timers.now() >= deadline) {
        if (onGiveUp) return onGiveUp();
        throw new Error(`gave up waiting: ${what}`);
      }
      await round();
    }
  }

  return {
    async promise(promise) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      // A command always ends (every request has a timeout): however long it takes, its Result counts.
      await until(() => settled, 'a command to finish', undefined, Number.POSITIVE_INFINITY);
      return watched;
    },
    until,
    idle(ms, what) {
      const at = timers.now() + ms;
      return until(() => timers.now() >= at, what);
    },
  };
}
