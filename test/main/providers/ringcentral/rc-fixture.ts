/**
 * A RingCentral simulator and a client pointed at it over loopback, both on one hand-driven clock, plus
 * small readers for what reached the wire; and the real provider and core against the simulator
 * (startRcCore). Shared by the RingCentral provider tests; not a test itself.
 */
import { createSwitchboardCore, type SwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { realTimers } from '../../../../src/main/foundation/timers';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { RingCentralClient, type RingCentralClientOptions } from '../../../../src/main/providers/ringcentral/client';
import { createRingCentralProvider, type CreateRingCentralProviderOptions } from '../../../../src/main/providers/ringcentral/index';
import {
  startRingCentralSimulator,
  type RecordedRequest,
  type RingCentralSimulator,
  type RingCentralSimulatorOptions,
} from '../../../../src/main/simulator/ringcentral';
import { HandTimers } from '../../../support/hand-timers';

export const RC_TOKEN = 'rc-sim-access-token';
export const DESK_PHONE = '800002';

export interface RcFixture {
  sim: RingCentralSimulator;
  client: RingCentralClient;
  timers: HandTimers;
  /** Requests that arrive from now on (call `.read()` after the action). */
  mark(): { read(): { method: string; path: string; body: unknown }[] };
  /** An inbound call ringing the user: its session id and the user's party id. */
  ringing(init?: { queue?: boolean }): { sid: string; pid: string };
  /** An inbound call the user answered on the desk phone. */
  connected(): { sid: string; pid: string };
  close(): Promise<void>;
}

export function onWire(requests: readonly RecordedRequest[]) {
  return requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
}

/**
 * `handTimeouts`: each request's timeout on the hand clock too (for a test of the timeout itself).
 * Otherwise timeouts run on real time, since these tests move the clock by whole waits, in flight or not.
 */
export async function startRcFixture(
  options: { sim?: RingCentralSimulatorOptions; client?: Partial<RingCentralClientOptions>; handTimeouts?: boolean } = {},
): Promise<RcFixture> {
  const timers = new HandTimers();
  const sim = await startRingCentralSimulator({ timers, ...options.sim });
  // Read pacing waits on the clock, which these tests move only by hand: push-feed.test.ts covers it.
  const client = new RingCentralClient({
    server: sim.baseUrl,
    tokens: staticTokenSource(RC_TOKEN, 'RingCentral'),
    timers,
    ...(options.handTimeouts ? {} : { timeoutTimers: realTimers }),
    readPacing: false,
    ...options.client,
  });
  const mine = (sid: string) => {
    const party = sim.session(sid)?.parties.find((p) => p.extensionId === sim.me.extensionId);
    if (!party) throw new Error(`no party of mine in ${sid}`);
    return party.id;
  };
  const ringing = (init: { queue?: boolean } = {}) => {
    const sid = sim.scenario.ringUser({
      from: { phoneNumber: '+15550100', name: 'Ada Lovelace' },
      ...(init.queue ? { queue: { name: 'Support', phoneNumber: '+16505550199' } } : {}),
    });
    return { sid, pid: mine(sid) };
  };
  return {
    sim,
    client,
    timers,
    mark() {
      const start = sim.requests.length;
      return { read: () => onWire(sim.requests.slice(start)) };
    },
    ringing,
    connected() {
      const call = ringing();
      sim.scenario.answerOnDevice(call.sid);
      return call;
    },
    close: () => sim.close(),
  };
}

/**
 * The real RingCentral provider and core against a new simulator on `timers`, the core started (its
 * first read done, not waited live). `prepare` sets the simulator up before the provider is made (a
 * permission taken away); `provider` adds to the provider's options. Each request's timeout runs on real
 * time, since these tests step the clock while requests are on the wire, unless `handTimeouts`.
 */
export async function startRcCore(
  timers: HandTimers,
  options: {
    prepare?: (sim: RingCentralSimulator) => void;
    provider?: Partial<CreateRingCentralProviderOptions>;
    handTimeouts?: boolean;
  } = {},
): Promise<{ sim: RingCentralSimulator; core: SwitchboardCore }> {
  const sim = await startRingCentralSimulator({ timers });
  options.prepare?.(sim);
  const { provider } = createRingCentralProvider({
    server: sim.baseUrl,
    tokens: staticTokenSource(RC_TOKEN, 'RingCentral'),
    timers,
    ...(options.handTimeouts ? {} : { timeoutTimers: realTimers }),
    ...options.provider,
  });
  const core = createSwitchboardCore({ provider, timers, providerName: 'RingCentral' });
  await core.start();
  return { sim, core };
}
