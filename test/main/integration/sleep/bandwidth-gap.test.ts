/**
 * Sleep and network change with Bandwidth (polled within Catapult's rate limit): the proofs of
 * gap-proofs.ts on the real Bandwidth backend (rate gate, client, provider) at the pace the registry
 * gives Bandwidth, against the simulator enforcing one request a second; plus a busy gap: every call
 * that rang and ended while the machine slept is in the history, which is one page of Catapult's
 * newest calls.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createSwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { createBandwidthBackend } from '../../../../src/main/providers/bandwidth/assemble';
import { providerEntry } from '../../../../src/main/runtime/provider-registry';
import { startBandwidthSimulator } from '../../../../src/main/simulator/bandwidth/index';
import { type Chain, type GapContext, PROMPT_MS, defineGapProofs, startOnMachine } from './gap-proofs';
import type { Machine } from './machine';

function bandwidthPace() {
  const entry = providerEntry('bandwidth');
  if (!entry.ok) throw new Error(entry.error.message);
  return entry.value.pollIntervals;
}

async function bandwidthChain(machine: Machine): Promise<Chain> {
  const sim = await startBandwidthSimulator({ timers: machine.world });
  const backend = createBandwidthBackend({
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    number: sim.numbers[0] ?? '',
    baseUrl: sim.baseUrl,
    timers: machine.app,
    fetch: machine.fetch,
  });
  const core = createSwitchboardCore({
    provider: backend.provider,
    intervals: bandwidthPace(),
    timers: machine.app,
    providerName: 'Bandwidth',
  });
  return {
    core,
    ring: (from) => sim.scenario.ringIn({ from }),
    callerHangsUp: (callId) => sim.scenario.farEndHangsUp(callId),
    healthy: 'polling',
    rateRefusals: () => sim.requests.filter((r) => r.status === 429).length,
    close: () => sim.close(),
  };
}

defineGapProofs('Bandwidth', bandwidthChain);

describe('Bandwidth: a busy gap', () => {
  let ctx: GapContext | undefined;
  afterEach(async () => {
    if (ctx) expect(ctx.chain.rateRefusals?.()).toBe(0);
    ctx?.machine.close();
    ctx?.chain.core.stop();
    await ctx?.chain.close();
    ctx = undefined;
  });

  test('40 calls ring and end while the machine sleeps: all are missed calls in the history; the one still ringing shows', async () => {
    ctx = await startOnMachine(bandwidthChain);
    const { machine, chain } = ctx;
    machine.suspend();
    const numbers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const number = `+1555010${String(1000 + i)}`;
      numbers.push(number);
      const id = chain.ring(number);
      await machine.asleepFor(15_000);
      chain.callerHangsUp(id);
      await machine.asleepFor(15_000);
    }
    const ringing = chain.ring('+15550109999');
    machine.wake();
    await machine.within(PROMPT_MS, () => expect(chain.core.calls().map((c) => c.id)).toEqual([ringing]));
    const missed = await machine.settle(chain.core.history('missed'));
    expect(missed.ok ? missed.value.map((e) => e.number).sort() : missed.error.message).toEqual(numbers);
  });
});
