/**
 * The Webex fault run: the real core (src/main/core/switchboard-core.ts) with the real Webex provider,
 * over loopback HTTP to the Webex simulator, while a scripted user answers, sends digits, mutes and
 * unmutes, starts and stops recording, holds, resumes, transfers, parks and retrieves, merges into a
 * conference, releases it and hangs up pairs of calls, and the
 * simulator injects a fault into about 60 % of the commands (429 with and without Retry-After, 429
 * twice, 5xx, a hang or a reset before or after applying, an expired token, a slow answer, a failing
 * read). Returns the verdict of test/support/fault-ledger.ts. The core and the client's Retry-After
 * waits run on a hand clock (test/support/hand-clock.ts); a hang costs one real command timeout. Used
 * by the test and by `npm run bench`; no vitest here.
 */
import { realTimers } from '../../src/main/foundation/timers';
import { createSwitchboardCore, type SwitchboardCore } from '../../src/main/core/switchboard-core';
import type { TokenSource } from '../../src/main/provider-api/token-source';
import { createWebexProvider } from '../../src/main/providers/webex';
import type { Call } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import { startWebexSimulator, type AppliedCommand, type WebexSimulator } from '../../src/main/simulator/webex';
import type { FaultRunReport } from './fault-ledger';
import {
  type CallButton,
  deliveredCommands,
  type FaultRunOptions,
  injectSimulatorFault,
  injectWireFault,
  isSimulatorFault,
  isWireFault,
  scriptedUser,
  SIMULATOR_FAULTS,
  startFaultRun,
  WIRE_FAULTS,
} from './fault-user';

const CALLS = '/telephony/calls';
const CONFERENCE = '/telephony/conference';

const FAULTS = [
  '429 with Retry-After',
  '429 without Retry-After',
  '429 twice',
  ...WIRE_FAULTS,
  'expired token',
  ...SIMULATOR_FAULTS,
] as const;
type FaultKind = (typeof FAULTS)[number] | 'none';

/** A token source that refreshes as an OAuth token manager would: a new token the simulator accepts. */
function refreshingTokens(sim: WebexSimulator): TokenSource & { refreshes(): number } {
  let current = sim.token;
  let refreshes = 0;
  return {
    accessToken: async () => current,
    refreshAfterUnauthorized: async (refused) => {
      if (refused === current) {
        refreshes += 1;
        current = `sim-refreshed-${refreshes}`;
        sim.acceptToken(current);
      }
      return current;
    },
    refreshes: () => refreshes,
  };
}

/** The ledger key of one applied (or received) command, as the user's side names it. */
function commandKey(
  entry: Pick<AppliedCommand, 'method' | 'path' | 'body'>,
  pairOf: (callId: string) => string,
  last: { pair: string; parked?: string },
): string {
  const body = (entry.body ?? {}) as Record<string, unknown>;
  const op = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  if (entry.path === CONFERENCE && entry.method === 'POST') {
    const ids = Array.isArray(body.callIds) ? (body.callIds as string[]) : [];
    last.pair = pairOf(ids[0] ?? '');
    return `merge ${last.pair}`;
  }
  if (entry.path === CONFERENCE && entry.method === 'DELETE') return `release ${last.pair}`;
  if (entry.path.startsWith(`${CONFERENCE}/`)) return `${op}Conference ${last.pair}`;
  // A retrieve names no call: it takes back the call parked last (the run parks one at a time).
  if (op === 'park') last.parked = pairOf(String(body.callId));
  if (op === 'retrieve') return `retrieve ${last.parked ?? ''}`;
  if (op === 'transfer') return `attendedTransfer ${String(body.callId1)}`;
  if (op === 'divert') return `transfer ${String(body.callId)}`;
  if (op === 'reject') return `decline ${String(body.callId)}`;
  if (op === 'transmitDtmf' || op === 'transmitDTMF') return `dtmf ${String(body.callId)}`;
  return `${op} ${String(body.callId)}`;
}

export async function runWebexFaults(options: FaultRunOptions): Promise<FaultRunReport> {
  const { random, hand, pick, ledger } = startFaultRun('Webex', FAULTS, options.seed);
  const sim = await startWebexSimulator({ farEndAnswerMs: 50, parkRecallMs: 600_000, recordRequests: true });
  const tokens = refreshingTokens(sim);
  const provider = createWebexProvider({
    baseUrl: sim.baseUrl,
    tokens,
    commandTimeoutMs: options.commandTimeoutMs ?? 250,
    timers: hand.waits,
    // The hand clock jumps to the next wait even with a request on the wire: timeouts stay on real time.
    timeoutTimers: realTimers,
  });
  const core: SwitchboardCore = createSwitchboardCore({ provider, timers: hand.clock, pendingTimeoutMs: 30_000 });
  const pairs = new Map<string, string>();
  try {
    await hand.settle(core.start());

    /** Where a command's fault aims: the request it makes. */
    interface Target {
      path: string;
      method: string;
    }
    const inject = (kind: FaultKind, at: Target): void => {
      if (isWireFault(kind)) return injectWireFault(sim.faults, kind, at);
      if (isSimulatorFault(kind)) return injectSimulatorFault(sim.faults, kind, { slowMs: 40, read: { path: CALLS, method: 'GET' } });
      switch (kind) {
        case '429 with Retry-After':
          sim.faults.failNext({ ...at, status: 429, retryAfterSeconds: 2 });
          break;
        case '429 without Retry-After':
          sim.faults.failNext({ ...at, status: 429 });
          break;
        case '429 twice':
          sim.faults.failNext({ ...at, status: 429, retryAfterSeconds: 1, count: 2 });
          break;
        case 'expired token':
          sim.faults.expireToken();
          break;
        case 'none':
          break;
      }
    };
    const user = scriptedUser<Target, FaultKind>({
      hand,
      core,
      ledger,
      pick,
      inject,
      clearFaults: () => sim.faults.clear(),
      // The user looks at the panel once a second (polls run).
      lookMs: 1_000,
      // The state, and whether the call is muted and recorded (the buttons the user sees follow from them).
      shown: (id) => {
        const shown = core.calls().find((c) => c.id === id);
        return shown ? `${shown.state}${shown.muted ? ' muted' : ''} recording ${shown.recording ?? 'none'}` : 'gone';
      },
      truth: (id) => {
        const wire = sim.listCalls().find((c) => c.id === id);
        if (wire === undefined || wire.state === 'disconnected') return 'gone';
        return `${wire.state}${wire.muted ? ' muted' : ''} recording ${wire.recordingState ?? 'none'}`;
      },
      alsoCompare: () => ({
        what: 'the conference',
        shown: core.conferences().length > 0 ? 'a conference' : 'no conference',
        truth: sim.conference().participants?.length ? 'a conference' : 'no conference',
      }),
    });
    const { call, offers, look } = user;
    const act = (key: string, path: string, method: string, send: () => Promise<Result<unknown>>, about: string[]) =>
      user.act(key, { path, method }, send, about);
    const at = (op: string): Target => ({ path: `${CALLS}/${op}`, method: 'POST' });
    const callCommand = (action: CallButton, id: string, about: string[]) => user.callCommand(action, id, at(action), about);
    const toggle = (on: CallButton, off: CallButton, id: string) => user.toggle(on, off, id, { on: at(on), off: at(off) }, [id]);

    let handled = 0;
    for (let n = 0; handled < options.calls; n++) {
      const pair = `p${n}`;
      const a = sim.scenario.ringUser({
        from: { name: `Caller ${n}a`, number: `+1555${String(n).padStart(6, '0')}`, callType: 'external' },
      });
      pairs.set(a, pair);
      handled += 1;
      await look();
      await user.answerAndSendDigits(a, {
        answer: { path: `${CALLS}/answer`, method: 'POST' },
        dtmf: { path: `${CALLS}/transmitDtmf`, method: 'POST' },
      });
      // Every other pair mutes, the others record (each toggled back): the run stays within its time.
      if (n % 2 === 0) await toggle('mute', 'unmute', a);
      else await toggle('startRecording', 'stopRecording', a);
      await callCommand('hold', a, [a]);
      await look();
      await callCommand('resume', a, [a]);
      await look();
      let b: string | undefined;
      if (handled < options.calls) {
        b = sim.scenario.ringUser({ from: { name: `Caller ${n}b`, number: `+1556${String(n).padStart(6, '0')}`, callType: 'external' } });
        pairs.set(b, pair);
        handled += 1;
        await look();
        if (random() < 0.2) {
          await act(`decline ${b}`, `${CALLS}/reject`, 'POST', () => core.command({ type: 'decline', callId: b ?? '' }), [b]);
        } else {
          await callCommand('answer', b, [a, b]);
        }
        await look();
      }
      const both = b === undefined ? [a] : [a, b];
      // The call a retrieve brings back is a new call (alerting on my phones until answered).
      const retrieved = (): Call | undefined => core.calls().find((c) => !pairs.has(c.id));
      // Answering the second call held the first: the connected one is parked.
      const parkable = both.find((id) => offers(id, 'park'));
      const ending = n % 4;
      if (b !== undefined && ending === 0 && offers(a, 'attendedTransfer') && offers(b, 'attendedTransfer')) {
        const other = b;
        await act(
          `attendedTransfer ${a}`,
          `${CALLS}/transfer`,
          'POST',
          () => core.command({ type: 'attendedTransfer', callId: a, otherCallId: other }),
          both,
        );
      } else if (b !== undefined && ending === 1 && offers(a, 'merge') && offers(b, 'merge')) {
        const ids = [a, b];
        const merged = await act(`merge ${pair}`, CONFERENCE, 'POST', () => core.conferenceCommand({ type: 'merge', callIds: ids }), both);
        await look();
        const conference = core.conferences()[0];
        if (merged.ok && conference?.actions.includes('hold')) {
          await act(
            `holdConference ${pair}`,
            `${CONFERENCE}/hold`,
            'POST',
            () => core.conferenceCommand({ type: 'holdConference', conferenceId: conference.id }),
            both,
          );
          await look();
          if (core.conferences()[0]?.actions.includes('resume')) {
            await act(
              `resumeConference ${pair}`,
              `${CONFERENCE}/resume`,
              'POST',
              () => core.conferenceCommand({ type: 'resumeConference', conferenceId: conference.id }),
              both,
            );
            await look();
          }
        }
      } else if (ending === 2 && offers(a, 'transfer')) {
        await act(
          `transfer ${a}`,
          `${CALLS}/divert`,
          'POST',
          () => core.command({ type: 'transfer', callId: a, destination: '+15557770000' }),
          both,
        );
        await look();
      } else if (ending === 3 && parkable !== undefined) {
        await callCommand('park', parkable, both);
        await look();
        // Parked (the call left my list): take it back, again while no call came back.
        for (let attempt = 0; attempt < 3 && call(parkable) === undefined && retrieved() === undefined; attempt++) {
          const result = await act(`retrieve ${pair}`, at('retrieve').path, 'POST', () => core.command({ type: 'retrieve' }), both);
          if (!result.ok) {
            const entry = ledger.commands().at(-1);
            const truth = sim.scenario.parked().length > 0 ? 'still parked' : 'retrieved';
            if (entry) ledger.compare(entry, 'the parked call', retrieved() ? 'retrieved' : 'still parked', truth);
          }
          if (result.ok) break;
          await look();
        }
        await look();
        // Every retrieve met a fault: the caller waiting in park gives up, so the next pair's park is not
        // refused for a call already parked against the user (the recall is ten minutes away).
        if (retrieved() === undefined && sim.scenario.parked().length > 0) sim.scenario.parkedCallersHangUp();
        const back = retrieved();
        if (back !== undefined) {
          pairs.set(back.id, pair);
          both.push(back.id);
          await callCommand('answer', back.id, both);
          await look();
        }
      }
      // Hang up what is left: the conference first, then each call the panel still offers to end.
      const conference = core.conferences()[0];
      if (conference?.actions.includes('releaseConference')) {
        await act(
          `release ${pair}`,
          CONFERENCE,
          'DELETE',
          () => core.conferenceCommand({ type: 'release', conferenceId: conference.id }),
          both,
        );
        await look();
      }
      for (const id of both) {
        if (call(id)?.state === 'held') await callCommand('resume', id, both);
        await callCommand('hangup', id, both);
      }
      // Whatever the user could not end (a failed hang-up) the far end ends, so the next pair starts clean.
      for (const left of sim.listCalls()) sim.scenario.remoteHangsUp(left.id);
      await look();
    }

    const pairOf = (id: string): string => pairs.get(id) ?? id;
    const appliedMerge = { pair: '' };
    const applied = sim.journal.map((entry) => commandKey(entry, pairOf, appliedMerge));
    const sentMerge = { pair: '' };
    const delivered = deliveredCommands(sim.requests).map((r) => commandKey(r, pairOf, sentMerge));
    const report = ledger.verdict(applied, handled, delivered);
    report.faults['token refreshes'] = tokens.refreshes();
    return report;
  } finally {
    core.stop();
    await sim.close();
  }
}
