/**
 * The Bandwidth fault run: the real core (src/main/core/switchboard-core.ts) with the real Bandwidth
 * provider, client and rate gate, over loopback HTTP to the Catapult simulator, while a scripted user
 * answers or declines, sends digits, starts and stops recording, bridges two calls (Merge), holds and resumes the bridge, releases
 * it, transfers and hangs up pairs of calls, and the simulator injects a fault into about 60 % of the
 * commands (429 with and without X-RateLimit-Reset, 429 until the gate gives up, 5xx, a hang or a
 * reset before or after applying, a slow answer, a failing read). Catapult signs with Basic
 * credentials, so there is no token to expire. Returns the verdict of test/support/fault-ledger.ts.
 * Everything but a hang (one real command timeout) runs on the hand clock (test/support/hand-clock.ts).
 * No vitest here.
 */
import { realTimers } from '../../src/main/foundation/timers';
import type { FetchFn } from '../../src/main/provider-api/http-client';
import { createSwitchboardCore, type SwitchboardCore } from '../../src/main/core/switchboard-core';
import { BandwidthClient } from '../../src/main/providers/bandwidth/client';
import { BandwidthProvider } from '../../src/main/providers/bandwidth/provider';
import { RateGate } from '../../src/main/providers/bandwidth/rate-gate';
import { startBandwidthSimulator, type BandwidthSimulator } from '../../src/main/simulator/bandwidth';
import type { FaultRunReport } from './fault-ledger';
import {
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

const FAULTS = [
  '429 with X-RateLimit-Reset',
  '429 without X-RateLimit-Reset',
  '429 until the gate gives up',
  ...WIRE_FAULTS,
  ...SIMULATOR_FAULTS,
] as const;
type FaultKind = (typeof FAULTS)[number] | 'none';

const CALL_OPS: Record<string, string> = { active: 'answer', rejected: 'decline', completed: 'hangup', transferring: 'transfer' };

/** Reads requests and applied commands into the ledger's keys: `<operation> <call id | pair>`. */
function keyReader(sim: BandwidthSimulator, pairOf: (callId: string) => string) {
  const user = `/users/${sim.userId}`;
  const bridgePairs = new Map<string, string>();
  for (const entry of sim.journal) {
    const id = entry.location?.slice(entry.location.lastIndexOf('/') + 1);
    const body = (entry.body ?? {}) as { callIds?: string[] };
    if (entry.path === `${user}/bridges` && id) bridgePairs.set(id, pairOf(body.callIds?.[0] ?? ''));
  }
  return (entry: { method: string; path: string; body: unknown }): string => {
    const body = (entry.body ?? {}) as { state?: string; callIds?: string[]; bridgeAudio?: boolean; recordingEnabled?: boolean };
    const path = entry.path.replace(/\/+$/, '');
    if (path === `${user}/bridges`) return `merge ${pairOf(body.callIds?.[0] ?? '')}`;
    const bridge = new RegExp(`^${user}/bridges/([^/]+)$`).exec(path)?.[1];
    if (bridge !== undefined) {
      const pair = bridgePairs.get(bridge) ?? bridge;
      if (Array.isArray(body.callIds) && body.callIds.length === 0) return `release ${pair}`;
      return `${body.bridgeAudio === false ? 'holdConference' : 'resumeConference'} ${pair}`;
    }
    const digits = new RegExp(`^${user}/calls/([^/]+)/dtmf$`).exec(path)?.[1];
    if (digits !== undefined) return `dtmf ${digits}`;
    const call = new RegExp(`^${user}/calls/([^/]+)$`).exec(path)?.[1];
    if (call !== undefined && typeof body.recordingEnabled === 'boolean')
      return `${body.recordingEnabled ? 'startRecording' : 'stopRecording'} ${call}`;
    if (call !== undefined) return `${CALL_OPS[body.state ?? ''] ?? body.state ?? 'update'} ${call}`;
    return `${entry.method} ${path}`;
  };
}

/** What the fault run reads of a Catapult call (the simulator's, or one listed on the wire). */
interface WireCall {
  id: string;
  state: string;
  direction?: string;
  recordingEnabled?: boolean;
}

/** A call as the list should show it: its state, and whether it is recorded. */
function truthOf(call: WireCall | undefined): string {
  if (!call || call.state === 'completed' || call.state === 'rejected') return 'gone';
  if (call.state === 'started') return call.direction === 'in' ? 'alerting' : 'connecting';
  return call.recordingEnabled ? 'connected recording' : 'connected';
}

export async function runBandwidthFaults(options: FaultRunOptions): Promise<FaultRunReport> {
  const { random, hand, pick, ledger } = startFaultRun('Bandwidth', FAULTS, options.seed);
  const sim = await startBandwidthSimulator({
    timers: hand.waits,
    rateLimit: null,
    callRateLimit: null,
    // A ringing call's own timeout lies beyond the hand clock's horizon: only the script ends calls.
    callTimeoutS: 86_400,
    farEndAnswerMs: 1_500,
  });
  const gate = new RateGate({ timers: hand.waits, intervalMs: 0, callIntervalMs: 0 });
  /** Each call as Catapult's latest answer to a read of the call list had it, and how many commands it had applied by then. */
  const lastRead = new Map<string, { truth: string; applied: number }>();
  const readingFetch: FetchFn = async (input, init) => {
    const response = await fetch(input, init);
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const path = new URL(request?.url ?? String(input)).pathname;
    if (method === 'GET' && path.endsWith(`/users/${sim.userId}/calls`) && response.ok) {
      const listed: unknown = await response.clone().json();
      if (Array.isArray(listed))
        for (const call of listed as WireCall[]) lastRead.set(call.id, { truth: truthOf(call), applied: sim.journal.length });
    }
    return response;
  };
  const client = new BandwidthClient({
    fetch: readingFetch,
    baseUrl: sim.baseUrl,
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    gate,
    timers: hand.waits,
    // The hand clock jumps to the next wait even with a request on the wire: a hang costs one real
    // command timeout instead (as in webex-fault-run.ts).
    timeoutTimers: realTimers,
    commandTimeoutMs: options.commandTimeoutMs ?? 250,
  });
  const number = sim.numbers[0] ?? '';
  const provider = new BandwidthProvider({ client, userId: sim.userId, number, now: () => hand.clock.now() });
  const core: SwitchboardCore = createSwitchboardCore({
    provider,
    timers: hand.clock,
    pendingTimeoutMs: 30_000,
    intervals: { fastMs: 1_500, normalMs: 3_000, idleMs: 3_000 },
  });
  const pairs = new Map<string, string>();
  const user = `/users/${sim.userId}`;
  try {
    await hand.settle(core.start());

    /** Where a command's fault aims: the path of the request it makes (always a POST). */
    type Target = string | RegExp;
    const inject = (kind: FaultKind, path: Target): void => {
      const at = { path, method: 'POST' };
      if (isWireFault(kind)) return injectWireFault(sim.faults, kind, at);
      if (isSimulatorFault(kind)) {
        return injectSimulatorFault(sim.faults, kind, { slowMs: 2_000, read: { path: `${user}/calls`, method: 'GET' } });
      }
      switch (kind) {
        case '429 with X-RateLimit-Reset':
          sim.faults.failNext({ ...at, status: 429, resetInMs: 2_000 });
          break;
        case '429 without X-RateLimit-Reset':
          sim.faults.failNext({ ...at, status: 429, resetInMs: null });
          break;
        case '429 until the gate gives up':
          sim.faults.failNext({ ...at, status: 429, resetInMs: 1_000, count: 10 });
          break;
        case 'none':
          break;
      }
    };
    const shownOf = (id: string): string => {
      const shown = core.calls().find((c) => c.id === id);
      if (shown === undefined || shown.state === 'disconnected') return 'gone';
      return shown.recording === 'started' ? `${shown.state} recording` : shown.state;
    };
    const person = scriptedUser<Target, FaultKind>({
      hand,
      core,
      ledger,
      pick,
      inject,
      clearFaults: () => sim.faults.clear(),
      // The user looks at the panel once a poll interval (polls run).
      lookMs: 1_500,
      // The state, and whether the call is recorded.
      shown: shownOf,
      // What Catapult has now — or, when the list shows what Catapult answered to the read made after the
      // command, that: the simulator's own clock may end a call (a transfer leg answered) between that
      // read and this look, which the next poll shows.
      truth: (id) => {
        const now = truthOf(sim.calls().find((c) => c.id === id));
        // Only a read made after every command Catapult applied counts (a stale read before the command does not).
        const atRead = lastRead.get(id);
        return atRead && atRead.applied === sim.journal.length && shownOf(id) === atRead.truth ? atRead.truth : now;
      },
      // The bridge the pair's calls are in, as the panel shows it and as Catapult has it.
      alsoCompare: (ids) => {
        const shown = core.conferences().find((c) => c.type === 'bridge' && c.participants.some((p) => ids.includes(p.callId)));
        const live = sim.calls().filter((c) => ids.includes(c.id) && c.bridgeId && c.state !== 'completed');
        const wire = live[0]?.bridgeId ? sim.bridge(live[0].bridgeId) : undefined;
        return {
          what: 'the bridge',
          shown: shown ? `bridge ${shown.state}` : 'no bridge',
          truth: !wire || wire.state === 'completed' ? 'no bridge' : `bridge ${wire.bridgeAudio ? 'connected' : 'held'}`,
        };
      },
    });
    const { offers, look, act } = person;
    const callPath = (id: string): string => `${user}/calls/${id}`;
    const bridgePath = new RegExp(`^${user}/bridges/[^/]+$`);
    const callCommand = (action: 'answer' | 'decline' | 'hangup', id: string, about: string[]) =>
      person.callCommand(action, id, callPath(id), about);

    let handled = 0;
    for (let n = 0; handled < options.calls; n++) {
      const pair = `p${n}`;
      const a = sim.scenario.ringIn({ from: `+1404${String(n).padStart(7, '0')}` });
      pairs.set(a, pair);
      handled += 1;
      await look();
      await person.answerAndSendDigits(a, { answer: callPath(a), dtmf: `${callPath(a)}/dtmf` });
      // Every other pair records a while (the run stays within its time).
      if (n % 2 === 1) await person.toggle('startRecording', 'stopRecording', a, { on: callPath(a), off: callPath(a) }, [a]);
      let b: string | undefined;
      if (handled < options.calls) {
        b = sim.scenario.ringIn({ from: `+1678${String(n).padStart(7, '0')}` });
        pairs.set(b, pair);
        handled += 1;
        await look();
        await callCommand(random() < 0.2 ? 'decline' : 'answer', b, [a, b]);
        await look();
      }
      const both = b === undefined ? [a] : [a, b];
      const ending = n % 4;
      if (b !== undefined && (ending === 0 || ending === 2) && offers(a, 'merge') && offers(b, 'merge')) {
        const ids = [a, b];
        await act(`merge ${pair}`, `${user}/bridges`, () => core.conferenceCommand({ type: 'merge', callIds: ids }), both);
        await look();
        const bridge = (): { id: string; actions: string[] } | undefined => core.conferences().find((c) => c.type === 'bridge');
        const held = bridge();
        if (ending === 0 && held?.actions.includes('hold')) {
          await act(
            `holdConference ${pair}`,
            bridgePath,
            () => core.conferenceCommand({ type: 'holdConference', conferenceId: held.id }),
            both,
          );
          await look();
          const resumed = bridge();
          if (resumed?.actions.includes('resume')) {
            await act(
              `resumeConference ${pair}`,
              bridgePath,
              () => core.conferenceCommand({ type: 'resumeConference', conferenceId: resumed.id }),
              both,
            );
            await look();
          }
        }
        const released = bridge();
        if (released?.actions.includes('releaseConference')) {
          await act(`release ${pair}`, bridgePath, () => core.conferenceCommand({ type: 'release', conferenceId: released.id }), both);
          await look();
        }
      } else if (ending === 1 && offers(a, 'transfer')) {
        await act(`transfer ${a}`, callPath(a), () => core.command({ type: 'transfer', callId: a, destination: '+19195557777' }), both);
        // The transfer leg rings and is answered on the simulator's clock.
        hand.clock.advance(2_000);
        await look();
      }
      for (const id of both) await callCommand('hangup', id, both);
      // Whatever the user could not end (a failed hang-up) the far end ends, so the next pair starts clean.
      for (const left of sim.calls()) if (left.state === 'started' || left.state === 'active') sim.scenario.farEndHangsUp(left.id);
      await look();
    }

    const keyOf = keyReader(sim, (id) => pairs.get(id) ?? id);
    const applied = sim.journal.map(keyOf);
    const delivered = deliveredCommands(sim.requests).map(keyOf);
    return ledger.verdict(applied, handled, delivered);
  } finally {
    core.stop();
    await sim.close();
  }
}
