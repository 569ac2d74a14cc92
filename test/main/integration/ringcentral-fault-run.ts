/**
 * A fault run for RingCentral, shared by its test (fault-run-ringcentral.test.ts, a short run) and its
 * benchmark (bench/ringcentral-faults.ts, a long one): the real RingCentral provider (REST client, rate
 * gate, token manager refreshing on 401, WebSocket push channel) against the real simulator over
 * loopback, the real core on top, and a scripted user who answers, holds, resumes, mutes and unmutes,
 * records (pausing and resuming), parks and retrieves, transfers, declines, merges, adds to a conference,
 * releases and hangs up call after call while faults are injected into
 * the very requests those commands make: 429 with and without Retry-After, 5xx, a timeout (the
 * simulator applies and answers too late), connection resets before and after applying, an expired
 * access token, a dropped push socket (also while calls ring) and slow answers.
 *
 * Time is one hand-driven clock (test/support/hand-timers.ts) for the simulator, the client, the token
 * manager, the push channel and the core. It moves only when nothing is on the wire
 * (ringcentral-wire-watch.ts), so what happens never depends on how fast the machine is; only the client's command timeout is real
 * time, and only a planned timeout waits for it. What RingCentral really has: ringcentral-truth.ts.
 *
 * It counts on the simulator side (its journal) every command request and whether it was applied, and
 * on the client side every command the user issued and its Result, and reports what was lost, sent
 * twice, shown untruthfully after a failure, or missed while ringing. Not a test itself: no vitest here.
 */
import type { CallCommand, ConferenceCommand } from '../../../src/shared/contract';
import type { Call } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/result';
import { createSwitchboardCore } from '../../../src/main/core/switchboard-core';
import { codeChallengeS256, createCodeVerifier } from '../../../src/main/auth/pkce';
import { sessionOnlyRefreshTokenStore } from '../../../src/main/auth/refresh-token-store';
import { TokenManager } from '../../../src/main/auth/token-manager';
import { createRingCentralProvider, createRingCentralTokenGrantor, exchangeRingCentralCode } from '../../../src/main/providers/ringcentral';
import {
  startRingCentralSimulator,
  type FaultMatch,
  type JournalEntry,
  type RingCentralSimulator,
} from '../../../src/main/simulator/ringcentral';
import { realTimers } from '../../../src/main/foundation/timers';
import { HandTimers } from '../../support/hand-timers';
import { seededRandom } from '../../support/seeded-random';
import {
  type Aspect,
  aspectWords,
  callWords,
  joinWords,
  myPartyId,
  sameConferences,
  shownAspect,
  simAspect,
  simConferences,
  simTruth,
  type Truth,
} from './ringcentral-truth';
import { createDriver, createWireWatch } from './ringcentral-wire-watch';

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

/** The faults that hit the request they are planned on (an expired token or a dropped socket hits whatever comes). */
const REQUEST_FAULTS: readonly FaultKind[] = FAULT_KINDS.filter((k) => k !== 'expiredToken' && k !== 'pushDrop');

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
  /** Commands issued, by what the user pressed (answer, mute, park, retrieve …). */
  operations: Record<string, number>;
  /** Failed commands by error code. */
  failures: Record<string, number>;
  faultsInjected: Record<FaultKind, number>;
  /** Calls that rang while the push socket was down. */
  ringsDuringDrop: number;
  /** Merges that failed with only some of the calls in the conference (checked shown as they are). */
  partialMerges: number;
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

const UNKNOWN_OUTCOME = new Set(['TIMEOUT', 'NETWORK', 'UNAVAILABLE', 'BAD_RESPONSE']);
const CLIENT_ID = 'rc-sim-client';
const REDIRECT = 'http://127.0.0.1:9/oauth/callback';
const TRANSFER_TO = '+16505550199';

interface Issued {
  label: string;
  keys: string[];
  result: Result<unknown>;
}

/** What the user's command should have done on the wire, as journal keys. */
function keyOf(entry: JournalEntry): string {
  const body = (entry.body ?? {}) as { party?: { muted?: unknown }; active?: unknown };
  // Mute and unmute are one PATCH of the party; starting, pausing and resuming a recording share a path.
  const muted = body.party?.muted;
  if (entry.operation === 'update' && typeof muted === 'boolean') return `${muted ? 'mute' : 'unmute'}:${entry.sessionId ?? ''}`;
  if (entry.operation === 'recordings') {
    const op = entry.method === 'POST' ? 'startRecording' : body.active === true ? 'resumeRecording' : 'pauseRecording';
    return `${op}:${entry.sessionId ?? ''}`;
  }
  if (entry.operation === 'bring-in') return `bring-in<-${String((entry.body as { sessionId?: unknown } | undefined)?.sessionId)}`;
  if (entry.operation === 'conference') return 'conference';
  return `${entry.operation}:${entry.sessionId ?? ''}`;
}

export async function runRingCentralFaultRun(options: FaultRunOptions): Promise<FaultRunReport> {
  const rand = seededRandom(options.seed ?? 11);
  const faultRate = options.faultRate ?? 0.6;
  const timers = new HandTimers();
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
  let partialMerges = 0;
  let merges = 0;
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
    // The clock moves only when nothing is on the wire, so a hung request would never time out on it: a
    // hang costs one real command timeout instead (as in test/support/webex-fault-run.ts).
    timeoutTimers: realTimers,
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
    const callOf = (sid: string): Call | undefined => core.calls().find((c) => c.id === sid);
    const conferencesTrue = (): boolean => sameConferences(simConferences(sim), core);
    const partyOf = (sid: string): string => myPartyId(sim, sid) ?? 'none';

    /**
     * Plans this command's fault (if it meets one) on the request it makes; returns what to undo after.
     * `aimed`: the command always meets a fault, one that hits that very request (a merge, which is rare).
     */
    async function planFault(
      match: FaultMatch,
      label: string,
      aimed = false,
    ): Promise<{ kind?: FaultKind; slowPath?: string; waitAtLeastMs?: number }> {
      if (!aimed && rand() >= faultRate) return {};
      const kinds = aimed ? REQUEST_FAULTS : FAULT_KINDS;
      const kind = kinds[Math.floor(rand() * kinds.length)] as FaultKind;
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
      concerns: { calls: string[]; conferences: boolean; truth: () => string; aspect?: Aspect },
      aimed = false,
    ): Promise<Result<unknown>> {
      const fault = await planFault(match, label, aimed);
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
        const aspect = concerns.aspect;
        for (const sid of aspect ? concerns.calls : []) {
          const [showing, really] = [shownAspect(callOf(sid), aspect ?? 'mute'), simAspect(sim, sid, aspect ?? 'mute')];
          if (showing !== really)
            findings.push({
              kind: 'untruthful',
              detail: `${label} failed (${result.error.code}); the list shows the call ${showing}, RingCentral has it ${really}`,
            });
        }
        if (concerns.conferences && !conferencesTrue())
          findings.push({
            kind: 'untruthful',
            detail: `${label} failed (${result.error.code}); the conferences shown differ from RingCentral's`,
          });
      } else {
        const aspect = concerns.aspect;
        await drive.until(
          () =>
            concerns.calls.every(
              (sid) => shown(sid) === truthOf(sid) && (!aspect || shownAspect(callOf(sid), aspect) === simAspect(sim, sid, aspect)),
            ) &&
            (!concerns.conferences || conferencesTrue()),
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
      action: 'answer' | 'hold' | 'resume' | 'hangup' | 'transfer' | 'decline' | 'park',
      done: (t: Truth) => boolean,
    ) {
      for (let attempt = 0; attempt < 4 && !done(shown(sid)); attempt++) {
        const call = core.calls().find((c) => c.id === sid);
        if (!call?.actions.includes(action)) return;
        const pid = partyOf(sid);
        const operation = {
          answer: 'answer',
          hold: 'hold',
          resume: 'unhold',
          hangup: 'drop',
          transfer: 'transfer',
          decline: 'reject',
          park: 'park',
        }[action];
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

    /** Presses a mute or recording button until the call shows `done` (again after a failure, as a person would). */
    async function flip(
      sid: string,
      action: 'mute' | 'unmute' | 'startRecording' | 'pauseRecording' | 'resumeRecording',
      done: (call: Call) => boolean,
    ) {
      const aspect: Aspect = action === 'mute' || action === 'unmute' ? 'mute' : 'recording';
      for (let attempt = 0; attempt < 4; attempt++) {
        const call = callOf(sid);
        if (!call || done(call) || !call.actions.includes(action)) return;
        const party = `/sessions/${sid}/parties/${partyOf(sid)}`;
        const match: FaultMatch =
          aspect === 'mute'
            ? { method: 'PATCH', path: party }
            : { method: action === 'startRecording' ? 'POST' : 'PATCH', path: `${party}/recordings` };
        const before = shownAspect(call, aspect);
        await press(`${action} ${sid}`, [`${action}:${sid}`], match, callCommand({ type: action, callId: sid }), {
          calls: [sid],
          conferences: false,
          truth: () => aspectWords(before, simAspect(sim, sid, aspect)),
          aspect,
        });
      }
    }

    /** Parks the call and takes it back (Retrieve picks it up again on my phone), each pressed again after a failure. */
    async function parkAndRetrieve(sid: string) {
      await bring(sid, 'park', (t) => t === 'gone');
      // The user retrieves only what the panel says was parked.
      for (let attempt = 0; attempt < 4 && shown(sid) === 'gone' && simTruth(sim, sid) === 'gone' && parkedHere(sid); attempt++) {
        const retrieved = await press(
          `retrieve ${sid}`,
          [`pickup:${sid}`],
          { method: 'POST', path: `/sessions/${sid}/parties/` },
          callCommand({ type: 'retrieve' }),
          // Retrieve names no call in the list: its sentence says whether a call appeared (command-dispatcher.ts).
          {
            calls: [sid],
            conferences: false,
            truth: () => (truthOf(sid) === 'gone' ? 'no new call was started' : 'a new call has appeared in your call list'),
          },
        );
        if (!retrieved.ok && retrieved.error.code === 'NOT_FOUND' && parkedHere(sid))
          findings.push({
            kind: 'untruthful',
            detail: `retrieve ${sid}: "${retrieved.error.message}", yet RingCentral still holds the call parked`,
          });
      }
    }
    /** RingCentral still holds the call in its park orbit. */
    const parkedHere = (sid: string): boolean => sim.session(sid)?.parties.some((p) => p.status.code === 'Parked') ?? false;

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
        // Each merge meets a fault on one of its requests, in turn: the conference, the first bring-in,
        // the second (after which only some of the calls are in the conference).
        const aim = merges++ % 3;
        const target: FaultMatch =
          aim === 0 ? { method: 'POST', path: '/telephony/conference' } : { method: 'POST', path: '/parties/bring-in', nth: aim };
        const merged = await press(
          `merge ${ids.join('+')}`,
          ['conference', ...ids.map((sid) => `bring-in<-${sid}`)],
          target,
          conferenceCommand({ type: 'merge', callIds: ids }),
          { calls: ids, conferences: true, truth: () => joinWords(sim, ids) },
          true,
        );
        if (!merged.ok && joinWords(sim, ids).startsWith('only some')) partialMerges += 1;
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
      const script = rand();
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
      if (script < 0.25 && index + 3 <= options.calls) {
        await conferenceRound(index);
        index += 3;
        continue;
      }
      const sid = await ring(`Caller ${index}`);
      index += 1;
      if (script < 0.32) {
        await bring(sid, 'decline', (t) => t === 'gone');
        continue;
      }
      await bring(sid, 'answer', (t) => t !== 'alerting');
      // Now and then the user mutes a while, records (and pauses and resumes it), or parks the call and takes it back.
      const extra = rand();
      if (extra < 0.25) {
        await flip(sid, 'mute', (c) => c.muted);
        await flip(sid, 'unmute', (c) => !c.muted);
      } else if (extra < 0.5) {
        await flip(sid, 'startRecording', (c) => c.recording !== undefined);
        await flip(sid, 'pauseRecording', (c) => c.recording === 'paused');
        await flip(sid, 'resumeRecording', (c) => c.recording === 'started');
      } else if (extra < 0.7) {
        await parkAndRetrieve(sid);
      }
      await bring(sid, 'hold', (t) => t === 'held' || t === 'gone');
      if (script < 0.55) {
        await bring(sid, 'transfer', (t) => t === 'gone');
        continue;
      }
      await bring(sid, 'resume', (t) => t !== 'held');
      if (script < 0.65) {
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
    operations: issued.reduce<Record<string, number>>((all, i) => {
      const pressed = i.label.split(' ')[0] ?? i.label;
      all[pressed] = (all[pressed] ?? 0) + 1;
      return all;
    }, {}),
    failures: issued.reduce<Record<string, number>>((all, i) => {
      if (!i.result.ok) all[i.result.error.code] = (all[i.result.error.code] ?? 0) + 1;
      return all;
    }, {}),
    faultsInjected,
    ringsDuringDrop,
    partialMerges,
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
