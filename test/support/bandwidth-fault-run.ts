/**
 * The Bandwidth fault run: the real core (src/main/core/switchboard-core.ts) with the real Bandwidth
 * provider, client and rate gate, over loopback HTTP to the Catapult simulator, while a scripted user
 * answers or declines, sends digits, bridges two calls (Merge), holds and resumes the bridge, releases
 * it, transfers and hangs up pairs of calls, and the simulator injects a fault into about 60 % of the
 * commands (429 with and without X-RateLimit-Reset, 429 until the gate gives up, 5xx, a hang or a
 * reset before or after applying, a slow answer, a failing read). Catapult signs with Basic
 * credentials, so there is no token to expire. Returns the verdict of test/support/fault-ledger.ts.
 * Everything but a hang (one real command timeout) runs on the hand clock (test/support/hand-clock.ts).
 * No vitest here.
 */
import { createSwitchboardCore, type SwitchboardCore } from '../../src/main/core/switchboard-core';
import { BandwidthClient } from '../../src/main/providers/bandwidth/client';
import { BandwidthProvider } from '../../src/main/providers/bandwidth/provider';
import { RateGate } from '../../src/main/providers/bandwidth/rate-gate';
import { startBandwidthSimulator, type BandwidthSimulator } from '../../src/main/simulator/bandwidth';
import type { Call } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import { FaultLedger, type FaultRunReport, faultPicker, seededRandom } from './fault-ledger';
import { HandClock } from './hand-clock';
import type { FaultRunOptions } from './webex-fault-run';

type FaultKind =
  | 'none'
  | '429 with X-RateLimit-Reset'
  | '429 without X-RateLimit-Reset'
  | '429 until the gate gives up'
  | '500'
  | '503'
  | 'hang before applying'
  | 'hang after applying'
  | 'reset before applying'
  | 'reset after applying'
  | 'slow answer'
  | 'failing read';

const FAULTS: readonly FaultKind[] = [
  '429 with X-RateLimit-Reset',
  '429 without X-RateLimit-Reset',
  '429 until the gate gives up',
  '500',
  '503',
  'hang before applying',
  'hang after applying',
  'reset before applying',
  'reset after applying',
  'slow answer',
  'failing read',
];

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
    const body = (entry.body ?? {}) as { state?: string; callIds?: string[]; bridgeAudio?: boolean };
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
    if (call !== undefined) return `${CALL_OPS[body.state ?? ''] ?? body.state ?? 'update'} ${call}`;
    return `${entry.method} ${path}`;
  };
}

export async function runBandwidthFaults(options: FaultRunOptions): Promise<FaultRunReport> {
  const random = seededRandom(options.seed ?? 11);
  const hand = new HandClock();
  const pick = faultPicker(FAULTS, random);
  const ledger = new FaultLedger('Bandwidth');
  const sim = await startBandwidthSimulator({
    timers: hand.waits,
    rateLimit: null,
    callRateLimit: null,
    // A ringing call's own timeout lies beyond the hand clock's horizon: only the script ends calls.
    callTimeoutS: 86_400,
    farEndAnswerMs: 1_500,
  });
  const gate = new RateGate({ timers: hand.waits, intervalMs: 0, callIntervalMs: 0 });
  const client = new BandwidthClient({
    baseUrl: sim.baseUrl,
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    gate,
    timers: hand.waits,
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

    const shown = (id: string): string => {
      const state = core.calls().find((c) => c.id === id)?.state;
      return state === undefined || state === 'disconnected' ? 'gone' : state;
    };
    const truth = (id: string): string => {
      const wire = sim.calls().find((c) => c.id === id);
      if (!wire || wire.state === 'completed' || wire.state === 'rejected') return 'gone';
      if (wire.state === 'started') return wire.direction === 'in' ? 'alerting' : 'connecting';
      return 'connected';
    };
    /** The bridge the pair's calls are in, as the panel shows it and as Catapult has it. */
    const bridgeShown = (ids: string[]): string => {
      const bridge = core.conferences().find((c) => c.type === 'bridge' && c.participants.some((p) => ids.includes(p.callId)));
      return bridge ? `bridge ${bridge.state}` : 'no bridge';
    };
    const bridgeTruth = (ids: string[]): string => {
      const live = sim.calls().filter((c) => ids.includes(c.id) && c.bridgeId && c.state !== 'completed');
      const wire = live[0]?.bridgeId ? sim.bridge(live[0].bridgeId) : undefined;
      if (!wire || wire.state === 'completed') return 'no bridge';
      return `bridge ${wire.bridgeAudio ? 'connected' : 'held'}`;
    };
    const call = (id: string): Call | undefined => core.calls().find((c) => c.id === id);
    const offers = (id: string, action: Call['actions'][number]): boolean => call(id)?.actions.includes(action) ?? false;

    /** The user looks at the panel: the clock moves a poll interval (polls run), then the list is read afresh. */
    const look = async (): Promise<void> => {
      hand.clock.advance(1_500);
      for (let i = 0; i < 5; i++) if ((await hand.settle(core.reconcile())).ok) return;
    };

    const plan = (operation: string, path: string | RegExp): FaultKind => {
      const kind: FaultKind = pick(operation);
      if (kind !== 'none') ledger.planned(kind);
      const at = { path, method: 'POST' };
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
        case '500':
        case '503':
          sim.faults.failNext({ ...at, status: Number(kind) });
          break;
        case 'hang before applying':
        case 'hang after applying':
          sim.faults.hangNext({ ...at, afterApplying: kind === 'hang after applying' });
          break;
        case 'reset before applying':
        case 'reset after applying':
          sim.faults.dropNext({ ...at, afterApplying: kind === 'reset after applying' });
          break;
        case 'slow answer':
          sim.faults.latency(2_000);
          break;
        case 'failing read':
          sim.faults.failNext({ path: `${user}/calls`, method: 'GET', status: 502 });
          break;
        case 'none':
          break;
      }
      return kind;
    };

    const act = async (key: string, path: string | RegExp, send: () => Promise<Result<unknown>>, about: string[]) => {
      const fault = plan(key.split(' ')[0] ?? key, path);
      const result = await hand.settle(send());
      sim.faults.clear();
      const entry = ledger.record(key, fault, result);
      // A refusal changed nothing, and the core answers it at once: what earlier commands did shows
      // with the next read (a poll). An unknown outcome is answered only after the core re-read.
      if (entry.outcome === 'refused') await look();
      if (!result.ok) {
        for (const id of about) ledger.compare(entry, `call ${id}`, shown(id), truth(id));
        ledger.compare(entry, 'the bridge', bridgeShown(about), bridgeTruth(about));
      }
      return result;
    };
    const callPath = (id: string): string => `${user}/calls/${id}`;
    const bridgePath = new RegExp(`^${user}/bridges/[^/]+$`);
    /** A user whose command failed presses the button again while the call still offers it (twice at most). */
    const callCommand = async (action: 'answer' | 'decline' | 'hangup', id: string, about: string[]): Promise<void> => {
      for (let attempt = 0; attempt < 3 && offers(id, action); attempt++) {
        const result = await act(`${action} ${id}`, callPath(id), () => core.command({ type: action, callId: id }), about);
        if (result.ok) return;
        await look();
      }
    };

    let handled = 0;
    for (let n = 0; handled < options.calls; n++) {
      const pair = `p${n}`;
      const a = sim.scenario.ringIn({ from: `+1404${String(n).padStart(7, '0')}` });
      pairs.set(a, pair);
      handled += 1;
      await look();
      await callCommand('answer', a, [a]);
      await look();
      // Digits sent twice would be heard twice (a PIN, a menu choice): never resent, even when unsure.
      if (offers(a, 'dtmf')) {
        await act(`dtmf ${a}`, `${callPath(a)}/dtmf`, () => core.command({ type: 'dtmf', callId: a, digits: '1234#' }), [a]);
        await look();
      }
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
    const delivered = sim.requests.filter((r) => r.method !== 'GET' && r.status !== 429 && r.status !== 401).map(keyOf);
    return ledger.verdict(applied, handled, delivered);
  } finally {
    core.stop();
    await sim.close();
  }
}
