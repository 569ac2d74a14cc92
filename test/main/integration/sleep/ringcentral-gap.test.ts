/**
 * Sleep and network change with RingCentral (pushed over its WebSocket): the proofs of gap-proofs.ts on
 * the real RingCentral provider, push channel and simulator over loopback, plus what only a pushed feed
 * can get wrong: after waking or moving to another network the old socket is silently dead (no close,
 * no error — the TCP connection's network is gone), so a call that starts ringing right after must still
 * show at once, not when a heartbeat finally goes unanswered (40 s later).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createSwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { createRingCentralProvider } from '../../../../src/main/providers/ringcentral';
import { startRingCentralSimulator } from '../../../../src/main/simulator/ringcentral';
import { type Chain, type GapContext, PROMPT_MS, defineGapProofs, startOnMachine } from './gap-proofs';
import type { Machine } from './machine';

const TOKEN = 'rc-sim-access-token';

type RingCentralChain = Chain & { dropSockets(): void };

async function ringCentralChain(machine: Machine): Promise<RingCentralChain> {
  const sim = await startRingCentralSimulator({ timers: machine.world, token: TOKEN });
  const { provider } = createRingCentralProvider({
    server: sim.baseUrl,
    tokens: staticTokenSource(TOKEN, 'RingCentral'),
    timers: machine.app,
    now: () => machine.app.now(),
    fetch: machine.fetch,
    push: { openSocket: machine.openSocket },
  });
  const core = createSwitchboardCore({ provider, timers: machine.app, providerName: 'RingCentral' });
  return {
    core,
    ring: (phoneNumber) => sim.scenario.ringUser({ from: { phoneNumber } }),
    callerHangsUp: (callId) => sim.scenario.remoteHangsUp(callId),
    healthy: 'live',
    dropSockets: () => sim.faults.dropSockets(),
    close: () => sim.close(),
  };
}

defineGapProofs('RingCentral', ringCentralChain);

describe('RingCentral: the push socket dies silently', () => {
  let ctx: GapContext<RingCentralChain> | undefined;
  afterEach(async () => {
    ctx?.machine.close();
    ctx?.chain.core.stop();
    await ctx?.chain.close();
    ctx = undefined;
  });
  const ringingIds = () => (ctx?.chain.core.calls() ?? []).filter((c) => c.state === 'alerting').map((c) => c.id);

  test('after waking, a call that starts ringing on the new socket shows at once, live', async () => {
    ctx = await startOnMachine(ringCentralChain);
    const { machine, chain } = ctx;
    machine.suspend();
    await machine.asleepFor(60 * 60_000);
    machine.wake();
    await machine.run(1_000);
    const ringing = chain.ring('+15550100401');
    await machine.within(PROMPT_MS, () => expect(ringingIds()).toEqual([ringing]));
    expect(chain.core.status().health).toBe('live');
  });

  test('a socket that closes as the network changes: a call that rang and ended before it recovered is in the history', async () => {
    ctx = await startOnMachine(ringCentralChain);
    const { machine, chain, histories } = ctx;
    chain.dropSockets();
    const gaveUp = chain.ring('+15550100601');
    chain.callerHangsUp(gaveUp);
    const ringing = chain.ring('+15550100602');
    // The subscription reconnects after a second with its recovery token; the gateway replays what it missed.
    await machine.within(1_000 + PROMPT_MS, () => expect(ringingIds()).toEqual([ringing]));
    await machine.within(15_000, () =>
      expect((histories.at(-1) ?? []).filter((e) => e.type === 'missed').map((e) => e.number)).toContain('+15550100601'),
    );
    expect(chain.core.status().health).toBe('live');
  });

  test('a move to another network: a call that rang and ended during the move is in the history; one ringing after it shows at once', async () => {
    ctx = await startOnMachine(ringCentralChain);
    const { machine, chain, histories } = ctx;
    machine.switchNetwork('wifi-office');
    const gaveUp = chain.ring('+15550100501');
    await machine.run(500);
    chain.callerHangsUp(gaveUp);
    // The connectivity watch looks every 3 s.
    await machine.run(3_000);
    const ringing = chain.ring('+15550100502');
    await machine.within(PROMPT_MS, () => expect(ringingIds()).toEqual([ringing]));
    await machine.within(15_000, () =>
      expect((histories.at(-1) ?? []).filter((e) => e.type === 'missed').map((e) => e.number)).toContain('+15550100501'),
    );
    expect(chain.core.status().health).toBe('live');
  });
});
